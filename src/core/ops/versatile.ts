import { msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { elements, windowOutput } from '../shape';
import { emitVersatile } from '../onnx/export/emit-versatile';
import { mapVersatile } from '../onnx/import/map-versatile';
import { versatileTorch } from '../torch/ops/versatile-torch';
import { featureMap, fmt, nonNegativeInt, one, positiveInt } from './op-common';
import type { CostContext, EffectiveCost, FormulaLine, OpCost, OpDef } from './op-types';
import { channelCount, primaryShape, spatialCount, tapSum, tapsOf } from './versatile-structure';

const schema = z.object({
  outChannels: positiveInt.default(32).meta({
    label: 'Output channels',
    help: 'Cout = P·s·n: primary filters × spatial × channel secondary filters.',
  }),
  kernel: positiveInt.default(3).meta({
    label: 'Primary filter size d',
    unit: 'px',
    help: 'A d×d primary filter gives s = ⌈d/2⌉ spatial secondary filters: its centred (d − 2i)² masks.',
  }),
  stride: positiveInt.default(1),
  padding: nonNegativeInt.default(1).meta({ unit: 'px', help: 'Zeros added on each side.' }),
  bias: z.boolean().default(false).meta({ help: 'One bias per output channel, as the authors’ VConv2d.' }),
  channelDelta: nonNegativeInt.default(0).meta({
    label: 'Channel reach δ = c − ĉ',
    help: 'Channel versatile filters: each primary filter spans the c input channels and each secondary filter keeps a window of ĉ = c − δ of them; 0 = spatial versatile filters only.',
  }),
  channelStride: positiveInt.default(1).meta({
    label: 'Channel stride g',
    help: 'Channel offset between the secondary filters’ windows: n = δ/g + 1 of them per primary filter (g must divide δ).',
  }),
});
export type VersatileParams = z.infer<typeof schema>;

export const VERSATILE_KERNEL = 'versatile filters (primaries stored)';

interface Figures {
  readonly cin: number;
  readonly d: number;
  readonly s: number;
  readonly n: number;
  readonly primaries: number;
  readonly cHat: number;
  readonly positions: number;
  readonly bias: number;
  /** The dense weight the export writes: Cout·c·d². */
  readonly denseWeights: number;
  readonly primaryWeights: number;
  /** The paper's counts: P·c·d² stored, P·n·ĉ·Σᵢ(d − 2i)²·H'W' multiply-adds. */
  readonly paperMultiplyAdds: number;
}

function figures({ params: p, inputs, outputs }: CostContext<VersatileParams>): Figures {
  const cin = inputs[0]?.[1] ?? 0;
  const out = outputs[0] ?? [];
  const d = p.kernel;
  const n = channelCount(p.channelDelta, p.channelStride);
  const { primaries, cHat } = primaryShape({ ...p, inChannels: cin });
  const positions = (out[2] ?? 0) * (out[3] ?? 0);
  return {
    cin,
    d,
    s: spatialCount(d),
    n,
    primaries,
    cHat,
    positions,
    bias: p.bias ? p.outChannels : 0,
    denseWeights: p.outChannels * cin * d * d,
    primaryWeights: primaries * cin * d * d,
    paperMultiplyAdds: primaries * n * cHat * tapSum(d) * positions,
  };
}

/** As exported: a dense Conv whose Cout·c·d² weight holds every secondary filter written out. */
function versatileCost(ctx: CostContext<VersatileParams>): OpCost {
  const f = figures(ctx);
  const io = elements(ctx.inputs[0] ?? []) + elements(ctx.outputs[0] ?? []);
  return {
    params: f.denseWeights + f.bias,
    buffers: 0,
    multiplyAdds: ctx.params.outChannels * f.positions * f.cin * f.d * f.d,
    memoryAccess: io + f.denseWeights + f.bias,
    memoryAccessConvFc: io + f.denseWeights,
  };
}

/** The method's own figures: the primary filters (and biases) stored, each secondary over its own taps. */
function versatileEffective(ctx: CostContext<VersatileParams>): EffectiveCost {
  const f = figures(ctx);
  return {
    params: f.primaryWeights + f.bias,
    multiplyAdds: f.paperMultiplyAdds,
    indices: 0,
    kernel: VERSATILE_KERNEL,
  };
}

function versatileFormulas(ctx: CostContext<VersatileParams>): readonly FormulaLine[] {
  const p = ctx.params;
  const f = figures(ctx);
  const c = versatileCost(ctx);
  const e = versatileEffective(ctx);
  const [, , oh = 0, ow = 0] = ctx.outputs[0] ?? [];
  const biasSym = p.bias ? ' + Cout' : '';
  const biasNum = p.bias ? ` + ${p.outChannels}` : '';
  const taps = Array.from({ length: f.s }, (_, i) => `${tapsOf(f.d, i)}`).join(' + ');
  const shape = `s = ⌈${f.d}/2⌉ = ${f.s}, n = ${p.channelDelta}/${p.channelStride} + 1 = ${f.n}, P = ${p.outChannels}/(${f.s}·${f.n}) = ${f.primaries}, ĉ = ${f.cin} − ${p.channelDelta} = ${f.cHat}`;
  return [
    {
      figure: 'params',
      symbolic: `as exported, a dense Conv with the secondary filters written out: Cout·c·d²${biasSym}`,
      substituted: `${p.outChannels}·${f.cin}·${f.d}·${f.d}${biasNum} = ${fmt(c.params)}`,
    },
    {
      figure: 'multiplyAdds',
      symbolic: "as exported: Cout·H'·W'·c·d²",
      substituted: `${p.outChannels}·${oh}·${ow}·${f.cin}·${f.d}·${f.d} = ${fmt(c.multiplyAdds)}`,
    },
    {
      figure: 'memoryAccessConvFc',
      symbolic: 'input + output + weights (as exported)',
      substituted: `${fmt(elements(ctx.inputs[0] ?? []))} + ${fmt(elements(ctx.outputs[0] ?? []))} + ${fmt(f.denseWeights)} = ${fmt(c.memoryAccessConvFc)}`,
    },
    {
      figure: 'memoryAccess',
      symbolic: 'input + output + weights + bias (as exported)',
      substituted: `${fmt(c.memoryAccessConvFc)}${biasNum} = ${fmt(c.memoryAccess)}`,
    },
    {
      figure: 'effectiveParams',
      symbolic: `the paper's storage, primary filters only (each c×d×d, Fig. 2(b)): P·c·d²${biasSym}, P = Cout/(s·n), s = ⌈d/2⌉, n = δ/g + 1`,
      substituted: `${shape}: ${f.primaries}·${f.cin}·${f.d}·${f.d}${biasNum} = ${fmt(e.params)}`,
    },
    {
      figure: 'effectiveMultiplyAdds',
      symbolic:
        "as the paper counts them, each secondary filter over its own taps and its window of ĉ = c − δ channels from j·g: P·n·ĉ·Σᵢ(d − 2i)²·H'·W'",
      substituted: `${f.primaries}·${f.n}·${f.cHat}·(${taps})·${oh}·${ow} = ${fmt(e.multiplyAdds)}`,
    },
    {
      figure: 'workspace',
      symbolic: "im2col buffer of the exported conv, c·d² × H'·W' (0 for a direct conv)",
      substituted: `${f.cin}·${f.d}·${f.d} × ${oh}·${ow} = ${fmt(f.cin * f.d * f.d * f.positions)}`,
    },
  ];
}

/**
 * Versatile filters (Wang et al., NeurIPS 2018): a conv whose secondary filters are masks of its
 * primary filters, spatial (the centred (d − 2i)² taps, i < ⌈d/2⌉) and, with δ > 0, along the
 * channels (ĉ = c − δ channels at offsets 0, g, …, δ). Its figures as exported are a dense conv's;
 * its effective figures store only the primary filters and count each secondary filter's
 * multiply-adds over its own taps, as the paper does. See versatile-structure.ts for the layout.
 *
 * Storage as the paper defines it (Fig. 2(b)): a primary filter spans all c input channels, and
 * the j-th channel secondary filter is its window of ĉ = c − δ channels from j·g, over the same
 * input channels, so P·c·d² weights are stored. The authors' released VConv2d allocates the same
 * P·c·d² but reads the first ĉ channels for every window (an alternative they confirm in their
 * repository's issue #1); the tool follows the paper. Choices where the paper leaves room, as
 * that VConv2d: outputs are ordered spatial index, channel window, primary; a secondary filter is
 * the d×d conv with its outer taps zero, which equals their cropped conv with the padding reduced
 * by i; the bias is one per output channel. With δ = 0 the channel stride has no effect (an
 * import gives 1).
 */
export const versatileConv: OpDef<'VersatileConv', typeof schema> = {
  kind: 'VersatileConv',
  family: 'convolution',
  title: 'Versatile conv',
  description:
    'Versatile filters: each primary d×d filter gives ⌈d/2⌉ centred secondary filters (and, with δ > 0, channel-strided ones), each its own output channel; only the primaries are stored.',
  paper: {
    ref: 'Wang et al., Learning Versatile Filters for Efficient CNNs, NeurIPS 2018',
    after: ' (survey ref. [136])',
  },
  schema,
  inputCount: one,
  outputCount: one,
  infer({ params: p, inputs }) {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [batch = 1, c = 0, h = 0, w = 0] = x.value;
    if (p.channelDelta >= c)
      return fail(
        'invalidParams',
        msg('versatileDelta', { delta: p.channelDelta, channels: c }),
        'channelDelta',
      );
    if (p.channelDelta % p.channelStride !== 0)
      return fail(
        'invalidParams',
        msg('versatileStride', { stride: p.channelStride, delta: p.channelDelta }),
        'channelStride',
      );
    const secondaries = spatialCount(p.kernel) * channelCount(p.channelDelta, p.channelStride);
    if (p.outChannels % secondaries !== 0)
      return fail(
        'invalidParams',
        msg('versatileOutputs', {
          out: p.outChannels,
          s: spatialCount(p.kernel),
          n: channelCount(p.channelDelta, p.channelStride),
          per: secondaries,
        }),
        'outChannels',
      );
    const oh = windowOutput(h, p.kernel, p.stride, p.padding, p.padding);
    const ow = windowOutput(w, p.kernel, p.stride, p.padding, p.padding);
    if (oh < 1 || ow < 1)
      return fail(
        'spatialCollapse',
        msg('filterTooBig', { kernel: `${p.kernel}×${p.kernel}`, input: `${h}×${w}`, padding: p.padding }),
        'kernel',
      );
    return ok([[batch, p.outChannels, oh, ow]]);
  },
  cost: versatileCost,
  effective: versatileEffective,
  workspace: (ctx) => {
    const f = figures(ctx);
    return f.cin * f.d * f.d * f.positions;
  },
  formulas: versatileFormulas,
  summary(p) {
    // P primary filters stored (Cout / (s·n)); the stride as Conv2d writes it.
    const secondaries = spatialCount(p.kernel) * channelCount(p.channelDelta, p.channelStride);
    const parts = [`${p.outChannels}`, `${p.kernel}×${p.kernel}`, `P${p.outChannels / secondaries}`];
    if (p.channelDelta > 0) parts.push(`δ${p.channelDelta} g${p.channelStride}`);
    if (p.stride !== 1) parts.push(`s${p.stride}`);
    return parts.join(' ');
  },
  palette: 'conv',
  traits: { widthFields: ['outChannels'] },
  pytorch: versatileTorch,
  onnx: { emit: emitVersatile, patterns: [{ onnx: 'Conv', priority: 1, map: mapVersatile }] },
  conformance: [
    { name: 'spatial 3×3 (2 secondary filters)', params: { outChannels: 24 } },
    {
      name: 'spatial 5×5 stride 2 with bias',
      params: { outChannels: 18, kernel: 5, padding: 2, stride: 2, bias: true },
    },
    {
      name: 'spatial and channel, δ = 4, g = 2',
      params: { outChannels: 24, channelDelta: 4, channelStride: 2 },
    },
    {
      name: 'channel only, 1×1, δ = 8, g = 8',
      params: { outChannels: 16, kernel: 1, padding: 0, channelDelta: 8, channelStride: 8 },
    },
  ],
};
