import type { Conv2dParams } from '../../layers/conv2d';
import type { LayerInfo } from '../../analysis/types';
import { attrFloat, attrInt, attrInts } from '../proto';
import type { EmitContext } from './context';
import { sparsifyWeight } from './sparse-weight';

/** The epsilon of a batch norm layer (its params are parsed by the analysis: a number). */
const epsilonOf = (bn: LayerInfo): number =>
  'epsilon' in bn.params && typeof bn.params.epsilon === 'number' ? bn.params.epsilon : 1e-5;

const shapeOf = (ctx: EmitContext, i = 0): readonly number[] => ctx.layer.inputShapes[i] ?? [];

/** Conv, with the following batch norm folded into its weights and bias when the export asks. */
export function emitConv(ctx: EmitContext, p: Conv2dParams): readonly string[] {
  const { layer } = ctx;
  const cin = shapeOf(ctx)[1] ?? 0;
  const perOut = (cin / p.groups) * p.kernel[0] * p.kernel[1];
  const dims = [p.outChannels, cin / p.groups, p.kernel[0], p.kernel[1]];
  let weight = sparsifyWeight(
    ctx.values(layer, 'weight', p.outChannels * perOut, { kind: 'he', fanIn: perOut }),
    p.density,
    !ctx.stored(layer, 'weight'),
    ctx.seed,
    `${layer.name}.weight`,
  );
  let bias = p.bias ? ctx.values(layer, 'bias', p.outChannels, { kind: 'fill', value: 0 }) : undefined;
  const bn = ctx.foldedBatchNorm;
  if (bn !== undefined) {
    const c = p.outChannels;
    const eps = epsilonOf(bn);
    const gamma = ctx.values(bn, 'weight', c, { kind: 'fill', value: 1 });
    const beta = ctx.values(bn, 'bias', c, { kind: 'fill', value: 0 });
    const mean = ctx.values(bn, 'running_mean', c, { kind: 'fill', value: 0 });
    const variance = ctx.values(bn, 'running_var', c, { kind: 'fill', value: 1 });
    const folded = new Float32Array(weight.length);
    const foldedBias = new Float32Array(c);
    for (let o = 0; o < c; o++) {
      const scale = (gamma[o] ?? 1) / Math.sqrt((variance[o] ?? 1) + eps);
      for (let i = 0; i < perOut; i++) folded[o * perOut + i] = (weight[o * perOut + i] ?? 0) * scale;
      foldedBias[o] = ((bias?.[o] ?? 0) - (mean[o] ?? 0)) * scale + (beta[o] ?? 0);
    }
    weight = folded;
    bias = foldedBias;
  }
  const inputs = [ctx.inputs[0] ?? '', ctx.w.weight(`${layer.name}.weight`, dims, weight)];
  if (bias !== undefined) inputs.push(ctx.w.weight(`${layer.name}.bias`, [p.outChannels], bias));
  const [ph, pw] = p.padding;
  ctx.w.node('Conv', layer.name, inputs, ctx.outputs, [
    attrInts('kernel_shape', p.kernel),
    attrInts('strides', p.stride),
    attrInts('pads', [ph, pw, ph, pw]),
    attrInts('dilations', p.dilation),
    attrInt('group', p.groups),
  ]);
  return ctx.outputs;
}

export function emitBatchNorm(ctx: EmitContext, p: { readonly epsilon: number }): readonly string[] {
  if (ctx.folded) return ctx.inputs.slice(0, 1);
  const { layer, w } = ctx;
  const c = shapeOf(ctx)[1] ?? 0;
  const tensor = (role: string, value: number): string =>
    w.weight(`${layer.name}.${role}`, [c], ctx.values(layer, role, c, { kind: 'fill', value }));
  const inputs = [
    ctx.inputs[0] ?? '',
    tensor('weight', 1),
    tensor('bias', 0),
    tensor('running_mean', 0),
    tensor('running_var', 1),
  ];
  w.node('BatchNormalization', layer.name, inputs, ctx.outputs, [attrFloat('epsilon', p.epsilon)]);
  return ctx.outputs;
}

export function emitLinear(
  ctx: EmitContext,
  p: { readonly outFeatures: number; readonly bias: boolean; readonly density: number },
): readonly string[] {
  const { layer, w } = ctx;
  const fin = shapeOf(ctx)[1] ?? 0;
  const weight = sparsifyWeight(
    ctx.values(layer, 'weight', p.outFeatures * fin, { kind: 'he', fanIn: fin }),
    p.density,
    !ctx.stored(layer, 'weight'),
    ctx.seed,
    `${layer.name}.weight`,
  );
  const inputs = [ctx.inputs[0] ?? '', w.weight(`${layer.name}.weight`, [p.outFeatures, fin], weight)];
  if (p.bias) {
    const bias = ctx.values(layer, 'bias', p.outFeatures, { kind: 'fill', value: 0 });
    inputs.push(w.weight(`${layer.name}.bias`, [p.outFeatures], bias));
  }
  w.node('Gemm', layer.name, inputs, ctx.outputs, [attrInt('transB', 1)]);
  return ctx.outputs;
}
