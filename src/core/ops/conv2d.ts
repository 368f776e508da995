import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail } from '../diagnostics';
import { elements } from '../shape';
import { emitConv } from '../onnx/export/emit-weighted';
import type { MapContext } from '../onnx/import/import-context';
import { densityParams } from '../onnx/import/density';
import { is4d, pairOf, symmetricPads, x0 } from '../onnx/import/pattern-common';
import { attrInt, attrInts, type IrNode } from '../onnx/ir/graph';
import { convOutputShape, featureMap, fmt, one, pair, positiveInt, nonNegativeInt } from './op-common';
import { densityParam, sparseEffective, sparseFormulas, type SparseWeight } from './sparse';
import type { CostContext, OpCost, OpDef } from './op-types';
import { conv2dTorch } from '../torch/ops/conv2d-torch';

const schema = z.object({
  outChannels: positiveInt.default(32).meta({ label: 'Output channels' }),
  kernel: pair(1).default([3, 3]).meta({ unit: 'px' }),
  stride: pair(1).default([1, 1]),
  padding: z
    .tuple([nonNegativeInt, nonNegativeInt])
    .readonly()
    .default([1, 1])
    .meta({ unit: 'px', help: 'Zeros added on each side (top and bottom, left and right).' }),
  dilation: pair(1).default([1, 1]),
  groups: positiveInt
    .default(1)
    .meta({ help: 'Channels split into this many groups; groups = channels is a depthwise conv.' }),
  bias: z.boolean().default(false),
  /** Weight density for a direct sparse conv (Park et al. 2017); 1 = dense. */
  density: densityParam,
});
export type Conv2dParams = z.infer<typeof schema>;

/** How a conv reads on screen: depthwise and pointwise are settings of Conv2d, named as such. */
export function convVariant(
  p: Conv2dParams,
  inChannels?: number,
): 'depthwise' | 'pointwise' | 'group' | 'standard' {
  if (p.groups > 1 && p.groups === inChannels && p.groups === p.outChannels) return 'depthwise';
  if (p.kernel[0] === 1 && p.kernel[1] === 1) return p.groups > 1 ? 'group' : 'pointwise';
  return p.groups > 1 ? 'group' : 'standard';
}

function weightCount(p: Conv2dParams, inChannels: number): number {
  return p.outChannels * (inChannels / p.groups) * p.kernel[0] * p.kernel[1];
}

/** The weight as Park et al.'s CSR matrix: Cout rows of (Cin/g)·kh·kw columns, used at H'·W' positions. */
function sparseWeight({ params: p, inputs, outputs }: CostContext<Conv2dParams>): SparseWeight {
  const cin = inputs[0]?.[1] ?? 0;
  const out = outputs[0] ?? [];
  return {
    density: p.density,
    rows: p.outChannels,
    columns: (cin / p.groups) * p.kernel[0] * p.kernel[1],
    bias: p.bias ? p.outChannels : 0,
    positions: (out[2] ?? 0) * (out[3] ?? 0),
  };
}

/** True when the conv is already a GEMM on the input as it lies: 1×1, stride 1, no padding. */
export const isGemmConv = (p: Conv2dParams): boolean =>
  p.kernel[0] === 1 &&
  p.kernel[1] === 1 &&
  p.stride[0] === 1 &&
  p.stride[1] === 1 &&
  p.padding[0] === 0 &&
  p.padding[1] === 0;

/**
 * The im2col buffer a GEMM-lowered conv fills before it multiplies: (Cin/g)·kh·kw rows × H'·W'
 * columns. Groups are lowered one after another into the same buffer, so it holds one group's
 * columns. A direct conv (Zhang et al. 2018) needs none, nor does a conv that is already a GEMM.
 */
function im2colWorkspace({ params: p, inputs, outputs }: CostContext<Conv2dParams>): number {
  if (isGemmConv(p)) return 0;
  const cin = inputs[0]?.[1] ?? 0;
  const out = outputs[0] ?? [];
  return (cin / p.groups) * p.kernel[0] * p.kernel[1] * (out[2] ?? 0) * (out[3] ?? 0);
}

function convCost({ params: p, inputs, outputs }: CostContext<Conv2dParams>): OpCost {
  const cin = inputs[0]?.[1] ?? 0;
  const out = outputs[0] ?? [];
  const weights = weightCount(p, cin);
  const bias = p.bias ? p.outChannels : 0;
  const spatial = (out[2] ?? 0) * (out[3] ?? 0);
  const io = elements(inputs[0] ?? []) + elements(out);
  return {
    params: weights + bias,
    buffers: 0,
    multiplyAdds: p.outChannels * spatial * (cin / p.groups) * p.kernel[0] * p.kernel[1],
    memoryAccess: io + weights + bias,
    memoryAccessConvFc: io + weights,
  };
}

/** Conv with a constant 4-D weight and symmetric (or VALID/SAME) padding. */
function mapConv(n: IrNode, ctx: MapContext): boolean {
  const w = ctx.const(n.inputs[1]);
  if (w?.floats === undefined || w.dims.length !== 4 || !is4d(ctx, x0(n))) return false;
  const kernel = pairOf(w.dims.slice(2), 1);
  const stride = pairOf(attrInts(n, 'strides'), 1);
  const dilation = pairOf(attrInts(n, 'dilations'), 1);
  const padding = symmetricPads(n, kernel, dilation, stride);
  if (padding === undefined) return false;
  const bias = ctx.floats(n.inputs[2]);
  const weights: Record<string, Float32Array> = { weight: w.floats };
  if (bias !== undefined) weights['bias'] = bias;
  ctx.add(n, {
    kind: 'Conv2d',
    params: {
      outChannels: w.dims[0],
      kernel,
      stride,
      padding,
      dilation,
      groups: attrInt(n, 'group', 1),
      bias: bias !== undefined,
      ...densityParams(w.floats, ctx, n.name),
    },
    inputs: [x0(n)],
    outputs: n.outputs.slice(0, 1),
    weights,
  });
  return true;
}

export const conv2d: OpDef<'Conv2d', typeof schema> = {
  kind: 'Conv2d',
  family: 'convolution',
  title: 'Conv2d',
  description:
    'Convolution; depthwise (groups = channels), pointwise (1×1) and group convs are settings of it.',
  schema,
  inputCount: one,
  outputCount: one,
  infer({ params: p, inputs }) {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [, c = 0] = x.value;
    if (c % p.groups !== 0)
      return fail('groupsDoNotDivide', msg('groupsInput', { groups: p.groups, channels: c }), 'groups');
    if (p.outChannels % p.groups !== 0)
      return fail(
        'groupsDoNotDivide',
        msg('groupsOutput', { groups: p.groups, channels: p.outChannels }),
        'groups',
      );
    return convOutputShape(x.value, p);
  },
  cost: convCost,
  effective: (ctx) => sparseEffective(sparseWeight(ctx)),
  workspace: im2colWorkspace,
  formulas(ctx) {
    const { params: p, inputs, outputs } = ctx;
    const cin = inputs[0]?.[1] ?? 0;
    const [, , oh = 0, ow = 0] = outputs[0] ?? [];
    const c = convCost(ctx);
    const k = `${p.kernel[0]}·${p.kernel[1]}`;
    const bias = p.bias ? ` + ${p.outChannels}` : '';
    return [
      {
        figure: 'params',
        symbolic: `Cout·(Cin/g)·kh·kw${p.bias ? ' + Cout' : ''}`,
        substituted: `${p.outChannels}·(${cin}/${p.groups})·${k}${bias} = ${fmt(c.params)}`,
      },
      {
        figure: 'multiplyAdds',
        symbolic: "Cout·H'·W'·(Cin/g)·kh·kw",
        substituted: `${p.outChannels}·${oh}·${ow}·(${cin}/${p.groups})·${k} = ${fmt(c.multiplyAdds)}`,
      },
      {
        figure: 'memoryAccessConvFc',
        symbolic: 'input + output + weights',
        substituted: `${fmt(elements(inputs[0] ?? []))} + ${fmt(elements(outputs[0] ?? []))} + ${fmt(weightCount(p, cin))} = ${fmt(c.memoryAccessConvFc)}`,
      },
      {
        figure: 'memoryAccess',
        symbolic: 'input + output + weights + bias',
        substituted: `${fmt(c.memoryAccessConvFc)}${bias} = ${fmt(c.memoryAccess)}`,
      },
      ...sparseFormulas(sparseWeight(ctx)),
      {
        figure: 'workspace',
        symbolic: isGemmConv(p)
          ? '0: a 1×1, stride-1, unpadded conv is already a GEMM'
          : "im2col buffer (Cin/g)·kh·kw × H'·W' (0 for a direct conv)",
        substituted: isGemmConv(p)
          ? '0'
          : `(${cin}/${p.groups})·${k} × ${oh}·${ow} = ${fmt(im2colWorkspace(ctx))}`,
      },
    ];
  },
  summary(p, words) {
    const parts = [`${p.outChannels}`, `${p.kernel[0]}×${p.kernel[1]}`];
    if (p.stride[0] !== 1 || p.stride[1] !== 1)
      parts.push(`s${p.stride[0] === p.stride[1] ? p.stride[0] : p.stride.join('×')}`);
    if (p.groups > 1) parts.push(`g${p.groups}`);
    if (p.dilation[0] !== 1 || p.dilation[1] !== 1) parts.push(`d${p.dilation.join('×')}`);
    if (p.density < 1)
      parts.push(sayIn(words, msg('sumSparse', { share: Math.round(p.density * 1000) / 10 })));
    return parts.join(' ');
  },
  palette: 'conv',
  traits: { widthFields: ['outChannels'] },
  pytorch: conv2dTorch,
  onnx: { emit: emitConv, patterns: [{ onnx: 'Conv', map: mapConv }] },
  conformance: [
    { name: 'standard 3×3', params: { outChannels: 24 } },
    {
      name: 'depthwise, dilated',
      params: { outChannels: 16, groups: 16, dilation: [2, 2], padding: [2, 2] },
    },
    {
      name: 'group 1×1 with bias',
      params: { outChannels: 8, kernel: [1, 1], padding: [0, 0], groups: 4, bias: true },
    },
    {
      name: 'asymmetric 1×3, stride 2',
      params: { outChannels: 8, kernel: [1, 3], stride: [2, 2], padding: [0, 1] },
    },
    { name: 'sparse 3×3, density 0.3', params: { outChannels: 16, density: 0.3 } },
  ],
};
