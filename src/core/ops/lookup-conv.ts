import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail } from '../diagnostics';
import { emitLookupConv } from '../onnx/export/emit-lookup';
import { mapLookupConv } from '../onnx/import/map-lookup';
import { elements } from '../shape';
import { lookupConvTorch } from '../torch/ops/lookup-conv-torch';
import { convOutputShape, featureMap, fmt, nonNegativeInt, one, pair, positiveInt } from './op-common';
import type { CostContext, EffectiveCost, FormulaLine, OpCost, OpDef } from './op-types';

const schema = z.object({
  outChannels: positiveInt.default(32).meta({ label: 'Output channels' }),
  dictionarySize: positiveInt.default(16).meta({
    label: 'Dictionary size k',
    help: 'Vectors in the layer’s dictionary, each as long as the input has channels; the input is convolved with all of them once (a 1×1 conv to k maps).',
  }),
  lookups: positiveInt.default(3).meta({
    label: 'Lookups per position s',
    help: 'Dictionary vectors each filter combines at each of its kh×kw positions (s distinct indices, each with a coefficient); at most k.',
  }),
  kernel: pair(1).default([3, 3]).meta({ unit: 'px' }),
  stride: pair(1).default([1, 1]),
  padding: z
    .tuple([nonNegativeInt, nonNegativeInt])
    .readonly()
    .default([1, 1])
    .meta({ unit: 'px', help: 'Zeros added on each side (top and bottom, left and right).' }),
  dilation: pair(1).default([1, 1]),
  bias: z.boolean().default(false),
});
export type LookupConvParams = z.infer<typeof schema>;

export const LOOKUP_KERNEL = 'lookup conv (LCNN)';

/** The numbers every figure of a lookup conv is made of. */
interface Dims {
  readonly cin: number;
  readonly k: number;
  readonly s: number;
  readonly cout: number;
  /** kh·kw: filter positions per filter. */
  readonly taps: number;
  /** H·W of the input: where the dictionary is applied. */
  readonly hw: number;
  /** H'·W' of the output: where the lookups are summed. */
  readonly ohw: number;
  readonly bias: number;
}

function dimsOf({ params: p, inputs, outputs }: CostContext<LookupConvParams>): Dims {
  const [, cin = 0, h = 0, w = 0] = inputs[0] ?? [];
  const [, , oh = 0, ow = 0] = outputs[0] ?? [];
  return {
    cin,
    k: p.dictionarySize,
    s: p.lookups,
    cout: p.outChannels,
    taps: p.kernel[0] * p.kernel[1],
    hw: h * w,
    ohw: oh * ow,
    bias: p.bias ? p.outChannels : 0,
  };
}

/**
 * As exported (and as onnxruntime computes it): a 1×1 dictionary conv Cin → k with no bias, then a
 * kh×kw conv k → Cout whose dense weight holds s non-zeros per filter position. The k dictionary
 * maps S (k·H·W) are written once and read once.
 */
function lookupCost(ctx: CostContext<LookupConvParams>): OpCost {
  const d = dimsOf(ctx);
  const dictionary = d.k * d.cin;
  const lookup = d.cout * d.k * d.taps;
  const maps = d.k * d.hw;
  const io = elements(ctx.inputs[0] ?? []) + elements(ctx.outputs[0] ?? []);
  return {
    params: dictionary + lookup + d.bias,
    buffers: 0,
    multiplyAdds: dictionary * d.hw + lookup * d.ohw,
    memoryAccess: io + 2 * maps + dictionary + lookup + d.bias,
    memoryAccessConvFc: io + 2 * maps + dictionary + lookup,
  };
}

/**
 * LCNN's own kernel (Bagherinezhad et al. 2017, §3.1.1): the dictionary conv k·Cin·H·W, then at
 * each output position every filter position adds its s looked-up dictionary values, each scaled by
 * its coefficient: s·kh·kw·Cout·H'·W' multiply-adds. It stores the dictionary (k·Cin) and the
 * coefficients (s·kh·kw·Cout) as values, and one lookup index per coefficient as an integer.
 */
function lookupEffective(ctx: CostContext<LookupConvParams>): EffectiveCost {
  const d = dimsOf(ctx);
  const coefficients = d.s * d.taps * d.cout;
  return {
    params: d.k * d.cin + coefficients + d.bias,
    multiplyAdds: d.k * d.cin * d.hw + coefficients * d.ohw,
    indices: coefficients,
    kernel: LOOKUP_KERNEL,
  };
}

/** True when the lookup conv is a GEMM on the dictionary maps as they lie (1×1, stride 1, no padding). */
const lookupIsGemm = (p: LookupConvParams): boolean =>
  p.kernel[0] === 1 &&
  p.kernel[1] === 1 &&
  p.stride[0] === 1 &&
  p.stride[1] === 1 &&
  p.padding[0] === 0 &&
  p.padding[1] === 0;

/** The im2col buffer of the lookup conv, k·kh·kw × H'W'; the 1×1 dictionary conv needs none. */
function lookupWorkspace(ctx: CostContext<LookupConvParams>): number {
  if (lookupIsGemm(ctx.params)) return 0;
  const d = dimsOf(ctx);
  return d.k * d.taps * d.ohw;
}

function formulas(ctx: CostContext<LookupConvParams>): readonly FormulaLine[] {
  const p = ctx.params;
  const d = dimsOf(ctx);
  const c = lookupCost(ctx);
  const e = lookupEffective(ctx);
  const [, , h = 0, w = 0] = ctx.inputs[0] ?? [];
  const [, , oh = 0, ow = 0] = ctx.outputs[0] ?? [];
  const k2 = `${p.kernel[0]}·${p.kernel[1]}`;
  const bias = p.bias ? ` + ${d.cout}` : '';
  const maps = d.k * d.hw;
  const io = elements(ctx.inputs[0] ?? []) + elements(ctx.outputs[0] ?? []);
  return [
    {
      figure: 'params',
      symbolic: `k·Cin + Cout·k·kh·kw${p.bias ? ' + Cout' : ''} (as exported: the dense lookup weight)`,
      substituted: `${d.k}·${d.cin} + ${d.cout}·${d.k}·${k2}${bias} = ${fmt(c.params)}`,
    },
    {
      figure: 'multiplyAdds',
      symbolic: "k·Cin·H·W + Cout·k·kh·kw·H'·W' (as exported)",
      substituted: `${d.k}·${d.cin}·${h}·${w} + ${d.cout}·${d.k}·${k2}·${oh}·${ow} = ${fmt(c.multiplyAdds)}`,
    },
    {
      figure: 'memoryAccessConvFc',
      symbolic: 'input + output + 2 × dictionary maps k·H·W + weights',
      substituted: `${fmt(io)} + 2·${fmt(maps)} + ${fmt(d.k * d.cin + d.cout * d.k * d.taps)} = ${fmt(c.memoryAccessConvFc)}`,
    },
    {
      figure: 'memoryAccess',
      symbolic: 'conv/FC memory access + bias',
      substituted: `${fmt(c.memoryAccessConvFc)}${bias} = ${fmt(c.memoryAccess)}`,
    },
    {
      figure: 'effectiveParams',
      symbolic: `dictionary k·Cin + coefficients s·kh·kw·Cout${p.bias ? ' + Cout' : ''}`,
      substituted: `${d.k}·${d.cin} + ${d.s}·${k2}·${d.cout}${bias} = ${fmt(e.params)}`,
    },
    {
      figure: 'effectiveMultiplyAdds',
      symbolic: "dictionary k·Cin·H·W + lookups s·kh·kw·Cout·H'·W'",
      substituted: `${d.k}·${d.cin}·${h}·${w} + ${d.s}·${k2}·${d.cout}·${oh}·${ow} = ${fmt(e.multiplyAdds)}`,
    },
    {
      figure: 'effectiveIndices',
      symbolic: 'one lookup index (an integer below k) per coefficient: s·kh·kw·Cout',
      substituted: `${d.s}·${k2}·${d.cout} = ${fmt(e.indices)}`,
    },
    {
      figure: 'workspace',
      symbolic: lookupIsGemm(p)
        ? '0: both convs are GEMMs on their inputs as they lie'
        : "im2col buffer of the lookup conv k·kh·kw × H'·W' (the 1×1 dictionary conv needs none)",
      substituted: lookupIsGemm(p) ? '0' : `${d.k}·${k2} × ${oh}·${ow} = ${fmt(lookupWorkspace(ctx))}`,
    },
  ];
}

/**
 * LCNN, a lookup-based conv (Bagherinezhad et al. 2017): every filter position's weight vector is a
 * combination of s of the layer's k dictionary vectors, W[o,:,y,x] = Σ_t c[o,y,x,t]·D[i[o,y,x,t],:].
 * Choices where the paper leaves room: the s indices of a position are distinct (s ≤ k); the
 * dictionary is applied at every input position (k·Cin·H·W) before the stride; padding pads the
 * dictionary maps (the same as padding the input, as the dictionary conv has no bias); one optional
 * bias per output channel. Exported exactly as its two convs; see docs/costs.md.
 */
export const lookupConv: OpDef<'LookupConv', typeof schema> = {
  kind: 'LookupConv',
  family: 'convolution',
  title: 'Lookup conv (LCNN)',
  description:
    'A conv whose filters are built from a small dictionary: k vectors, s lookups and coefficients per filter position.',
  paper: { ref: 'Bagherinezhad et al. 2017, LCNN' },
  schema,
  inputCount: one,
  outputCount: one,
  infer({ params: p, inputs }) {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    if (p.lookups > p.dictionarySize)
      return fail(
        'invalidParams',
        msg('lookupDictionary', { lookups: p.lookups, k: p.dictionarySize }),
        'lookups',
      );
    return convOutputShape(x.value, p);
  },
  cost: lookupCost,
  effective: lookupEffective,
  workspace: lookupWorkspace,
  formulas,
  summary(p, words) {
    const parts = [`${p.outChannels}`, `${p.kernel[0]}×${p.kernel[1]}`];
    if (p.stride[0] !== 1 || p.stride[1] !== 1)
      parts.push(`s${p.stride[0] === p.stride[1] ? p.stride[0] : p.stride.join('×')}`);
    if (p.dilation[0] !== 1 || p.dilation[1] !== 1) parts.push(`d${p.dilation.join('×')}`);
    parts.push(`k=${p.dictionarySize}`, sayIn(words, msg('sumLookups', { n: p.lookups })));
    return parts.join(' ');
  },
  palette: 'conv',
  traits: { widthFields: ['outChannels'] },
  pytorch: lookupConvTorch,
  onnx: { emit: emitLookupConv, patterns: [{ onnx: 'Conv', priority: 1, map: mapLookupConv }] },
  conformance: [
    { name: '3×3, k = 8, s = 2', params: { outChannels: 24, dictionarySize: 8, lookups: 2 } },
    {
      name: '5×5 stride 2 with bias, k = 12, s = 3',
      params: {
        outChannels: 16,
        kernel: [5, 5],
        stride: [2, 2],
        padding: [2, 2],
        dictionarySize: 12,
        lookups: 3,
        bias: true,
      },
    },
    {
      name: '1×3, s = k (every vector looked up)',
      params: { outChannels: 8, kernel: [1, 3], padding: [0, 1], dictionarySize: 4, lookups: 4 },
    },
  ],
};
