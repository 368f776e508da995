import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { emitShiftGroups } from '../onnx/export/emit-shift';
import { shiftPatterns } from '../onnx/import/map-shift';
import {
  centreIndex,
  maskShiftGroups,
  shiftGroups,
  sparseShiftGroups,
  type ShiftGroup,
} from '../onnx/shift-onnx';
import {
  featureMap,
  fmt,
  movementCost,
  movementFormula,
  nonNegativeInt,
  one,
  positiveInt,
} from './op-common';
import type { OpDef } from './op-types';
import { shiftTorch, sparseShiftTorch } from '../torch/ops/shift-torch';

const shiftSchema = z.object({
  kernel: z
    .number()
    .int()
    .min(1)
    .max(9)
    .default(3)
    .meta({ unit: 'px', help: 'Channels are divided among the offsets of a kernel×kernel neighbourhood.' }),
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
  palette: 'channel',
  traits: {},
  pytorch: shiftTorch,
  onnx: {
    emit: (ctx, p) => {
      const c = ctx.layer.inputShapes[0]?.[1] ?? 0;
      return emitShiftGroups(ctx, shiftGroups(p.kernel, p.dilation, c), p.kernel, p.dilation);
    },
    patterns: shiftPatterns('Shift'),
  },
  conformance: [
    { name: '3×3 as a fixed depthwise conv', params: { kernel: 3 }, inputs: [[18, 7, 7]] },
    { name: '3×3 as slices', params: { kernel: 3 }, exportOptions: { shift: 'slice' } },
    { name: '3×3 dilated', params: { kernel: 3, dilation: 2 }, exportOptions: { shift: 'slice' } },
    { name: '5×5', params: { kernel: 5 }, inputs: [[50, 9, 9]] },
  ],
} satisfies OpDef<'Shift', typeof shiftSchema>;

const sparseShiftSchema = shiftSchema.extend({
  fraction: z
    .number()
    .min(0)
    .max(1)
    .default(0.25)
    .meta({ help: 'Share of channels that move; the rest pass through untouched.' }),
  /**
   * The per-channel shift mask (Chen et al. 2019 learn one, with an L1 penalty on the shifts): one
   * entry per channel, its offset in the kernel×kernel neighbourhood, row-major (the centre stays).
   * Set by hand until training exists; when given it replaces the fraction.
   */
  shifts: z.array(nonNegativeInt).readonly().optional().meta({
    label: 'Per-channel shifts',
    help: 'One offset per channel, row-major in the kernel×kernel neighbourhood; the centre stays (empty: the fraction).',
  }),
});

type SparseShiftParams = z.infer<typeof sparseShiftSchema>;

/** The channel groups a sparse shift moves: its mask when it has one, else the fraction's. */
export function sparseShiftGroupsOf(p: SparseShiftParams, c: number): ShiftGroup[] {
  return p.shifts === undefined
    ? sparseShiftGroups(p.kernel, p.dilation, c, shiftedChannels(p.fraction, c))
    : maskShiftGroups(p.kernel, p.dilation, p.shifts);
}

/** Channels a sparse shift moves: its mask's channels off the centre, else the fraction's. */
const movedChannels = (p: SparseShiftParams, c: number): number =>
  p.shifts === undefined
    ? shiftedChannels(p.fraction, c)
    : p.shifts.filter((i) => i !== centreIndex(p.kernel)).length;

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
  infer: ({ params: p, inputs }) => {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const c = x.value[1] ?? 0;
    const mask = p.shifts;
    if (mask !== undefined && mask.length !== c)
      return fail('invalidParams', msg('shiftMaskLength', { given: mask.length, channels: c }), 'shifts');
    const bad = mask?.find((i) => i >= p.kernel * p.kernel);
    if (bad !== undefined)
      return fail(
        'invalidParams',
        msg('shiftMaskOffset', { offset: bad, kernel: p.kernel, last: p.kernel * p.kernel - 1 }),
        'shifts',
      );
    return ok([x.value]);
  },
  cost: ({ params: p, inputs }) => {
    const x = inputs[0] ?? [];
    const moved = movedChannels(p, x[1] ?? 0) * (x[2] ?? 0) * (x[3] ?? 0);
    return { ...movementCost([], []), memoryAccess: 2 * moved };
  },
  formulas: ({ params: p, inputs }) => {
    const [, c = 0, h = 0, w = 0] = inputs[0] ?? [];
    const m = movedChannels(p, c);
    return [
      {
        figure: 'memoryAccess',
        symbolic: '2 × shifted channels·H·W (the rest is not touched)',
        substituted: `2·${m}·${h}·${w} = ${fmt(2 * m * h * w)}`,
      },
    ];
  },
  summary: (p, words) =>
    sayIn(
      words,
      msg('sumShifted', {
        share: Math.round(
          (p.shifts === undefined
            ? p.fraction
            : movedChannels(p, p.shifts.length) / Math.max(1, p.shifts.length)) * 100,
        ),
      }),
    ),
  palette: 'channel',
  traits: {},
  pytorch: sparseShiftTorch,
  onnx: {
    emit: (ctx, p) => {
      const c = ctx.layer.inputShapes[0]?.[1] ?? 0;
      return emitShiftGroups(ctx, sparseShiftGroupsOf(p, c), p.kernel, p.dilation);
    },
    patterns: shiftPatterns('SparseShift'),
  },
  conformance: [
    { name: 'a quarter of the channels', params: { fraction: 0.25 } },
    { name: 'three quarters, as slices', params: { fraction: 0.75 }, exportOptions: { shift: 'slice' } },
    {
      name: 'a per-channel mask',
      params: { shifts: [4, 0, 4, 4, 8, 1, 4, 4, 2, 4, 4, 4, 7, 4, 4, 3] },
      inputs: [[16, 7, 7]],
    },
    {
      name: 'a per-channel mask, as slices',
      params: { shifts: [4, 0, 4, 4, 8, 1, 4, 4, 2, 4, 4, 4, 7, 4, 4, 3] },
      inputs: [[16, 7, 7]],
      exportOptions: { shift: 'slice' },
    },
  ],
} satisfies OpDef<'SparseShift', typeof sparseShiftSchema>;
