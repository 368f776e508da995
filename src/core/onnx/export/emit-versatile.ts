import type { OpParams } from '../../kind-types';
import { derivedWeight } from '../../ops/versatile-structure';
import { layerWeight } from '../layer-weights';
import { attrInt, attrInts } from '../proto';
import type { EmitContext } from './export-context';

type VersatileParams = OpParams<'VersatileConv'>;

/**
 * Versatile filters as one dense Conv whose weight holds every secondary filter written out (the
 * primary filters masked and placed at their channel offsets), so onnxruntime computes the method
 * exactly; the file's params and multiply-adds are the as-exported figures, and the import reads
 * the masked structure back (map-versatile.ts).
 */
export function emitVersatile(ctx: EmitContext, p: VersatileParams): readonly string[] {
  const { layer, w } = ctx;
  const cin = layer.inputShapes[0]?.[1] ?? 0;
  const d = p.kernel;
  const dense = derivedWeight({ ...p, inChannels: cin }, layerWeight(ctx, layer, 'weight'));
  const inputs = [ctx.inputs[0] ?? '', w.weight(`${layer.name}.weight`, [p.outChannels, cin, d, d], dense)];
  if (p.bias) inputs.push(w.weight(`${layer.name}.bias`, [p.outChannels], layerWeight(ctx, layer, 'bias')));
  w.node('Conv', layer.name, inputs, ctx.outputs, [
    attrInts('kernel_shape', [d, d]),
    attrInts('strides', [p.stride, p.stride]),
    attrInts('pads', [p.padding, p.padding, p.padding, p.padding]),
    attrInts('dilations', [1, 1]),
    attrInt('group', 1),
  ]);
  return ctx.outputs;
}
