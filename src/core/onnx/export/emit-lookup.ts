import type { OpParams } from '../../kind-types';
import { layerWeight } from '../layer-weights';
import { attrInt, attrInts } from '../proto';
import type { EmitContext } from './export-context';

type LookupConvParams = OpParams<'LookupConv'>;

/**
 * LCNN (Bagherinezhad et al. 2017) exactly as its two convs: the dictionary, a 1×1 Conv Cin → k
 * with no bias (node `NAME/dictionary`, its output the k dictionary maps), then the lookups, a
 * kh×kw Conv k → Cout (node `NAME/lookup`) whose weight has s non-zeros per filter position. The
 * import reads the pair back by these names and that pattern (map-lookup.ts).
 */
export function emitLookupConv(ctx: EmitContext, p: LookupConvParams): readonly string[] {
  const { layer, w } = ctx;
  const cin = layer.inputShapes[0]?.[1] ?? 0;
  const k = p.dictionarySize;
  const dictionary = w.weight(
    `${layer.name}.dictionary.weight`,
    [k, cin, 1, 1],
    layerWeight(ctx, layer, 'dictionary.weight'),
  );
  const maps = w.unique(`${layer.name}/dictionary`);
  w.node(
    'Conv',
    `${layer.name}/dictionary`,
    [ctx.inputs[0] ?? '', dictionary],
    [maps],
    [
      attrInts('kernel_shape', [1, 1]),
      attrInts('strides', [1, 1]),
      attrInts('pads', [0, 0, 0, 0]),
      attrInts('dilations', [1, 1]),
      attrInt('group', 1),
    ],
  );
  const inputs = [
    maps,
    w.weight(
      `${layer.name}.lookup.weight`,
      [p.outChannels, k, p.kernel[0], p.kernel[1]],
      layerWeight(ctx, layer, 'lookup.weight'),
    ),
  ];
  if (p.bias)
    inputs.push(
      w.weight(`${layer.name}.lookup.bias`, [p.outChannels], layerWeight(ctx, layer, 'lookup.bias')),
    );
  const [ph, pw] = p.padding;
  w.node('Conv', `${layer.name}/lookup`, inputs, ctx.outputs, [
    attrInts('kernel_shape', p.kernel),
    attrInts('strides', p.stride),
    attrInts('pads', [ph, pw, ph, pw]),
    attrInts('dilations', p.dilation),
    attrInt('group', 1),
  ]);
  return ctx.outputs;
}
