import type { OpParams } from '../../kind-types';
import type { LayerInfo } from '../../analysis/analysis-types';
import { attrFloat, attrInt, attrInts } from '../proto';
import { layerWeight } from '../layer-weights';
import type { EmitContext } from './export-context';

type Conv2dParams = OpParams<'Conv2d'>;

/** The epsilon of a batch norm layer (its params are parsed by the analysis: a number). */
const epsilonOf = (bn: LayerInfo): number =>
  'epsilon' in bn.params && typeof bn.params.epsilon === 'number' ? bn.params.epsilon : 1e-5;

/** One of the layer's weights as the file holds it (layer-weights.ts: which, how it starts, sparsity). */
const value = (ctx: EmitContext, layer: LayerInfo, role: string): Float32Array =>
  layerWeight(ctx, layer, role);

const shapeOf = (ctx: EmitContext, i = 0): readonly number[] => ctx.layer.inputShapes[i] ?? [];

/** Conv, with the following batch norm folded into its weights and bias when the export asks. */
export function emitConv(ctx: EmitContext, p: Conv2dParams): readonly string[] {
  const { layer } = ctx;
  const cin = shapeOf(ctx)[1] ?? 0;
  const perOut = (cin / p.groups) * p.kernel[0] * p.kernel[1];
  const dims = [p.outChannels, cin / p.groups, p.kernel[0], p.kernel[1]];
  let weight = value(ctx, layer, 'weight');
  let bias = p.bias ? value(ctx, layer, 'bias') : undefined;
  const bn = ctx.foldedBatchNorm;
  if (bn !== undefined) {
    const c = p.outChannels;
    const eps = epsilonOf(bn);
    const gamma = value(ctx, bn, 'weight');
    const beta = value(ctx, bn, 'bias');
    const mean = value(ctx, bn, 'running_mean');
    const variance = value(ctx, bn, 'running_var');
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
  const tensor = (role: string): string => w.weight(`${layer.name}.${role}`, [c], value(ctx, layer, role));
  const inputs = [
    ctx.inputs[0] ?? '',
    tensor('weight'),
    tensor('bias'),
    tensor('running_mean'),
    tensor('running_var'),
  ];
  w.node('BatchNormalization', layer.name, inputs, ctx.outputs, [attrFloat('epsilon', p.epsilon)]);
  return ctx.outputs;
}

export function emitLinear(
  ctx: EmitContext,
  p: { readonly outFeatures: number; readonly bias: boolean },
): readonly string[] {
  const { layer, w } = ctx;
  const fin = shapeOf(ctx)[1] ?? 0;
  const weight = value(ctx, layer, 'weight');
  const inputs = [ctx.inputs[0] ?? '', w.weight(`${layer.name}.weight`, [p.outFeatures, fin], weight)];
  if (p.bias) {
    const bias = value(ctx, layer, 'bias');
    inputs.push(w.weight(`${layer.name}.bias`, [p.outFeatures], bias));
  }
  w.node('Gemm', layer.name, inputs, ctx.outputs, [attrInt('transB', 1)]);
  return ctx.outputs;
}
