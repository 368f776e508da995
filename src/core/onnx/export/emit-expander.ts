import type { OpParams } from '../../kind-types';
import { connectionsOf } from '../../methods/expander-graph';
import { layerWeight } from '../layer-weights';
import { attrInt, attrInts } from '../proto';
import type { EmitContext } from './export-context';

type ExpanderConvParams = OpParams<'ExpanderConv2d'>;

/**
 * Expander conv as standard ops: Gather picks the Cout·D input channels in graph order (output o's
 * D inputs side by side), then a Conv with group = Cout gives each output its own D channels. The
 * file's params Cout·D·kh·kw and multiply-adds Cout·D·kh·kw·H'W' equal the design's.
 */
export function emitExpanderConv(ctx: EmitContext, p: ExpanderConvParams): readonly string[] {
  const { layer, w } = ctx;
  const cin = layer.inputShapes[0]?.[1] ?? 0;
  const weight = layerWeight(ctx, layer, 'weight');
  const gathered = w.unique(`${layer.name}/gathered`);
  w.node(
    'Gather',
    `${layer.name}/gather`,
    [ctx.inputs[0] ?? '', w.ints(connectionsOf(p, cin))],
    [gathered],
    [attrInt('axis', 1)],
  );
  const inputs = [gathered, w.weight(`${layer.name}.weight`, [p.outChannels, p.fanIn, ...p.kernel], weight)];
  if (p.bias) inputs.push(w.weight(`${layer.name}.bias`, [p.outChannels], layerWeight(ctx, layer, 'bias')));
  const [ph, pw] = p.padding;
  w.node('Conv', layer.name, inputs, ctx.outputs, [
    attrInts('kernel_shape', p.kernel),
    attrInts('strides', p.stride),
    attrInts('pads', [ph, pw, ph, pw]),
    attrInt('group', p.outChannels),
  ]);
  return ctx.outputs;
}
