import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { elements, type Shape } from '../shape';
import { featureMap, fmt, movementCost, movementFormula, one, positiveInt } from './common';
import type { OpDef } from './types';

const shuffleSchema = z.object({ groups: z.number().int().min(2).default(3) });

export const channelShuffle = {
  kind: 'ChannelShuffle',
  family: 'channel',
  title: 'Channel shuffle',
  description: 'Interleaves channels across g groups so group convs exchange information (ShuffleNet).',
  schema: shuffleSchema,
  inputCount: one,
  outputCount: one,
  infer: ({ params: p, inputs }) => {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const c = x.value[1] ?? 0;
    if (c % p.groups !== 0)
      return fail('groupsDoNotDivide', `groups = ${p.groups} does not divide the ${c} channels.`, 'groups');
    return ok([x.value]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: (p) => `g${p.groups}`,
} satisfies OpDef<'ChannelShuffle', typeof shuffleSchema>;

const splitSchema = z.object({
  /** Equal parts, used when `sizes` is empty. */
  parts: z.number().int().min(2).max(16).default(2),
  /** Explicit channel counts per output; they must add up to the input's channels. */
  sizes: z.array(positiveInt).max(16).readonly().default([]),
});
type SplitParams = z.infer<typeof splitSchema>;

export const splitSizes = (p: SplitParams, c: number): number[] =>
  p.sizes.length > 0 ? [...p.sizes] : Array.from({ length: p.parts }, () => c / p.parts);

export const channelSplit = {
  kind: 'ChannelSplit',
  family: 'channel',
  title: 'Channel split',
  description: 'Splits the channels into parts, each its own output (ShuffleNetV2).',
  schema: splitSchema,
  inputCount: one,
  outputCount: (p) => (p.sizes.length > 0 ? p.sizes.length : p.parts),
  infer: ({ params: p, inputs }) => {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [n = 1, c = 0, h = 0, w = 0] = x.value;
    if (p.sizes.length === 1) return fail('splitSizes', 'A split needs at least two sizes.', 'sizes');
    if (p.sizes.length === 0 && c % p.parts !== 0)
      return fail('splitSizes', `${c} channels do not split into ${p.parts} equal parts.`, 'parts');
    const sizes = splitSizes(p, c);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== c)
      return fail('splitSizes', `The sizes add up to ${total}, not the ${c} input channels.`, 'sizes');
    return ok(sizes.map((s): Shape => [n, s, h, w]));
  },
  // DESIGN.md section 3: the outputs are written and read, 2 × input.
  cost: ({ inputs }) => movementCost(inputs, inputs),
  formulas: ({ inputs }) => [
    {
      figure: 'memoryAccess',
      symbolic: '2 × input (outputs written and read)',
      substituted: `2·${fmt(elements(inputs[0] ?? []))} = ${fmt(2 * elements(inputs[0] ?? []))}`,
    },
  ],
  summary: (p) => (p.sizes.length > 0 ? p.sizes.join('/') : `${p.parts} parts`),
} satisfies OpDef<'ChannelSplit', typeof splitSchema>;

const shiftSchema = z.object({
  /** Shifts come from a kernel×kernel neighbourhood: channels are divided among its offsets. */
  kernel: z.number().int().min(1).max(9).default(3),
  dilation: positiveInt.default(1),
});

export const shift = {
  kind: 'Shift',
  family: 'channel',
  title: 'Shift',
  description:
    'Moves each channel by one spatial offset: zero parameters, zero multiply-adds (Wu et al. 2018).',
  schema: shiftSchema,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs);
    return x.ok ? ok([x.value]) : x;
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: (p) => `${p.kernel}×${p.kernel}${p.dilation > 1 ? ` d${p.dilation}` : ''}`,
} satisfies OpDef<'Shift', typeof shiftSchema>;

const sparseShiftSchema = shiftSchema.extend({
  /** Share of channels that move; the rest pass through untouched. */
  fraction: z.number().min(0).max(1).default(0.25),
});

/** Channels that move: the fraction, rounded to whole channels. */
export const shiftedChannels = (fraction: number, c: number): number => Math.round(fraction * c);

export const sparseShift = {
  kind: 'SparseShift',
  family: 'channel',
  title: 'Sparse shift',
  description: 'Shift where only a fraction of channels move; the rest pass through (Chen et al. 2019, SSL).',
  schema: sparseShiftSchema,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs);
    return x.ok ? ok([x.value]) : x;
  },
  cost: ({ params: p, inputs }) => {
    const x = inputs[0] ?? [];
    const moved = shiftedChannels(p.fraction, x[1] ?? 0) * (x[2] ?? 0) * (x[3] ?? 0);
    return { ...movementCost([], []), memoryAccess: 2 * moved };
  },
  formulas: ({ params: p, inputs }) => {
    const [, c = 0, h = 0, w = 0] = inputs[0] ?? [];
    const m = shiftedChannels(p.fraction, c);
    return [
      {
        figure: 'memoryAccess',
        symbolic: '2 × shifted channels·H·W (the rest is not touched)',
        substituted: `2·${m}·${h}·${w} = ${fmt(2 * m * h * w)}`,
      },
    ];
  },
  summary: (p) => `${Math.round(p.fraction * 100)}% of channels`,
} satisfies OpDef<'SparseShift', typeof sparseShiftSchema>;
