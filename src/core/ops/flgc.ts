import { english, sayIn, msg, type Message } from '../message';
import { z } from 'zod';
import { emitFlgc } from '../onnx/export/emit-flgc';
import { flgcPatterns } from '../onnx/import/map-flgc';
import { elements } from '../shape';
import { flgcTorch } from '../torch/ops/flgc-torch';
import { convOutputShape, featureMap, fmt, nonNegativeInt, one, pair, positiveInt } from './op-common';
import { pairedSum, resolveGroups, type GroupAssignment } from './flgc-groups';
import type { CostContext, FormulaLine, OpCost, OpDef } from './op-types';

/** A formula line's substituted text that holds words: English, and the message a UI says. */
const sayBoth = (m: Message) => ({ substituted: english(m), said: m });

const groupList = (label: string, items: string) =>
  z
    .array(nonNegativeInt)
    .max(65536)
    .readonly()
    .default([])
    .meta({
      label,
      help: `The group (0 to G − 1) of each of the ${items}, in order; every group needs at least one. Empty: a seeded random assignment.`,
    });

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
  groups: z
    .number()
    .int()
    .min(2)
    .max(1024)
    .default(4)
    .meta({ help: 'G: every input channel and every filter belongs to exactly one of G groups.' }),
  channelGroups: groupList('Input-channel groups', 'input channels'),
  filterGroups: groupList('Filter groups', 'filters (output channels)'),
  seed: nonNegativeInt
    .default(0)
    .meta({ help: 'Seed of the random assignment of a list left empty (as training would start).' }),
  bias: z.boolean().default(false),
});
export type FlgcParams = z.infer<typeof schema>;

const cinOf = (ctx: { readonly inputs: readonly (readonly number[])[] }): number => ctx.inputs[0]?.[1] ?? 0;

function groupsOf(ctx: CostContext<FlgcParams>): GroupAssignment | undefined {
  const r = resolveGroups(ctx.params, cinOf(ctx));
  return r.ok ? r.value : undefined;
}

interface Figures {
  readonly a: GroupAssignment;
  readonly taps: number;
  readonly weights: number;
  readonly bias: number;
  readonly positions: number;
  readonly input: number;
  readonly output: number;
}

function figuresOf(ctx: CostContext<FlgcParams>): Figures | undefined {
  const a = groupsOf(ctx);
  if (a === undefined) return undefined;
  const { params: p, inputs, outputs } = ctx;
  const out = outputs[0] ?? [];
  const taps = p.kernel[0] * p.kernel[1];
  return {
    a,
    taps,
    weights: pairedSum(a) * taps,
    bias: p.bias ? p.outChannels : 0,
    positions: (out[2] ?? 0) * (out[3] ?? 0),
    input: elements(inputs[0] ?? []),
    output: elements(out),
  };
}

/**
 * Params and multiply-adds: Σ_g |in_g|·|out_g|·kh·kw (+ a bias per filter), times H'W'. Memory
 * access in this codebase's conventions for the form that computes it (the ONNX and PyTorch
 * forms): each group conv reads its part and writes its output (input + output + weights + bias
 * over all groups), and the two gathers, the split and the concat each read and write the whole
 * map they move: 4 × input + 4 × output more. ShuffleNetV2's conv/FC MAC counts the convs only.
 */
function flgcCost(ctx: CostContext<FlgcParams>): OpCost {
  const f = figuresOf(ctx);
  if (f === undefined)
    return { params: 0, buffers: 0, multiplyAdds: 0, memoryAccess: 0, memoryAccessConvFc: 0 };
  const convFc = f.input + f.output + f.weights;
  return {
    params: f.weights + f.bias,
    buffers: 0,
    multiplyAdds: f.weights * f.positions,
    memoryAccessConvFc: convFc,
    memoryAccess: convFc + f.bias + 4 * f.input + 4 * f.output,
  };
}

/** The im2col buffer of the largest group (groups are lowered one after another); 0 for a 1×1, stride-1, unpadded conv. */
function flgcWorkspace(ctx: CostContext<FlgcParams>): number {
  const { params: p } = ctx;
  const gemm =
    p.kernel.every((k) => k === 1) && p.stride.every((s) => s === 1) && p.padding.every((s) => s === 0);
  const f = figuresOf(ctx);
  if (gemm || f === undefined) return 0;
  return Math.max(...f.a.inSizes) * f.taps * f.positions;
}

function formulas(ctx: CostContext<FlgcParams>): readonly FormulaLine[] {
  const f = figuresOf(ctx);
  if (f === undefined) return [];
  const { params: p, outputs } = ctx;
  const c = flgcCost(ctx);
  const [, , oh = 0, ow = 0] = outputs[0] ?? [];
  const k = `${p.kernel[0]}·${p.kernel[1]}`;
  const pairs = f.a.inSizes.map((n, g) => `${n}·${f.a.outSizes[g] ?? 0}`).join(' + ');
  const sum = `(${pairs})`;
  const bias = p.bias ? ` + ${p.outChannels}` : '';
  return [
    {
      figure: 'params',
      symbolic: `Σ_g |in_g|·|out_g|·kh·kw${p.bias ? ' + Cout' : ''}`,
      substituted: `${sum}·${k}${bias} = ${fmt(c.params)}`,
    },
    {
      figure: 'multiplyAdds',
      symbolic: "Σ_g |in_g|·|out_g|·kh·kw·H'·W'",
      substituted: `${sum}·${k}·${oh}·${ow} = ${fmt(c.multiplyAdds)}`,
    },
    {
      figure: 'memoryAccessConvFc',
      symbolic: 'input + output + weights (the group convs)',
      substituted: `${fmt(f.input)} + ${fmt(f.output)} + ${fmt(f.weights)} = ${fmt(c.memoryAccessConvFc)}`,
    },
    {
      figure: 'memoryAccess',
      symbolic:
        'group convs (input + output + weights + bias) + gathers, split and concat (4·input + 4·output)',
      substituted: `${fmt(c.memoryAccessConvFc)}${bias} + 4·${fmt(f.input)} + 4·${fmt(f.output)} = ${fmt(c.memoryAccess)}`,
    },
    {
      figure: 'workspace',
      symbolic: "im2col buffer of the largest group, max_g |in_g|·kh·kw × H'·W' (0 for a direct conv)",
      substituted: `${Math.max(...f.a.inSizes)}·${k} × ${oh}·${ow} = ${fmt(flgcWorkspace(ctx))}`,
    },
    {
      figure: 'condition',
      symbolic: 'each input channel and each filter in exactly one of G groups, none empty; sizes may differ',
      ...sayBoth(
        msg(p.channelGroups.length === 0 || p.filterGroups.length === 0 ? 'flgcSizesSeeded' : 'flgcSizes', {
          groups: p.groups,
          ins: f.a.inSizes.join(' + '),
          outs: f.a.outSizes.join(' + '),
          seed: p.seed,
        }),
      ),
    },
  ];
}

/** Fully learnable group convolution (Wang et al. 2019) at inference: its learned groups fixed. */
export const fullyLearnableGroupConv: OpDef<'FullyLearnableGroupConv', typeof schema> = {
  kind: 'FullyLearnableGroupConv',
  family: 'convolution',
  title: 'Fully learnable group conv (FLGC)',
  description:
    'A group conv whose input channels and filters are assigned to groups by learning: groups may differ in size; costs Σ|in_g|·|out_g|·k²·H′W′.',
  paper: { ref: 'Wang et al. 2019, FLGC', after: ' (fully learnable group convolution)' },
  schema,
  inputCount: one,
  outputCount: one,
  infer({ params: p, inputs }) {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [, c = 0] = x.value;
    const groups = resolveGroups(p, c);
    if (!groups.ok) return groups;
    return convOutputShape(x.value, p);
  },
  cost: flgcCost,
  workspace: flgcWorkspace,
  formulas,
  summary(p, words) {
    const parts = [`${p.outChannels}`, `${p.kernel[0]}×${p.kernel[1]}`];
    if (p.stride[0] !== 1 || p.stride[1] !== 1)
      parts.push(`s${p.stride[0] === p.stride[1] ? p.stride[0] : p.stride.join('×')}`);
    parts.push(
      `G${p.groups}`,
      sayIn(
        words,
        msg(p.channelGroups.length === 0 || p.filterGroups.length === 0 ? 'sumSeeded' : 'sumLearned'),
      ),
    );
    return parts.join(' ');
  },
  palette: 'conv',
  traits: { widthFields: ['outChannels'] },
  pytorch: flgcTorch,
  onnx: { emit: emitFlgc, patterns: flgcPatterns },
  conformance: [
    {
      name: '3×3, unequal groups',
      params: {
        outChannels: 12,
        groups: 3,
        channelGroups: [2, 0, 0, 1, 2, 0, 0, 1, 0, 0, 2, 0, 1, 0, 0, 2],
        filterGroups: [1, 2, 1, 1, 0, 2, 1, 1, 2, 1, 1, 1],
      },
    },
    {
      name: '1×1 stride 2 with bias',
      params: {
        outChannels: 6,
        kernel: [1, 1],
        padding: [0, 0],
        stride: [2, 2],
        bias: true,
        groups: 2,
        channelGroups: [1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0],
        filterGroups: [0, 1, 1, 0, 1, 1],
      },
    },
  ],
};
