import { z } from 'zod';
import { elements } from '../shape';
import { featureMap, fmt, movementCost, one } from './common';
import type { OpDef } from './types';

const schema = z.object({ epsilon: z.number().positive().default(1e-5) });

export const batchNorm = {
  kind: 'BatchNorm',
  family: 'normalisation',
  title: 'BatchNorm',
  description:
    'Batch normalisation: scale γ and shift β per channel (running mean and variance are buffers).',
  schema,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs);
    return x.ok ? { ok: true, value: [x.value] } : x;
  },
  cost: ({ inputs, outputs }) => {
    const c = inputs[0]?.[1] ?? 0;
    return { ...movementCost(inputs, outputs, 2 * c), params: 2 * c, buffers: 2 * c };
  },
  formulas: ({ inputs, outputs }) => {
    const c = inputs[0]?.[1] ?? 0;
    const i = elements(inputs[0] ?? []);
    const o = elements(outputs[0] ?? []);
    return [
      { figure: 'params', symbolic: '2·C (γ, β)', substituted: `2·${c} = ${fmt(2 * c)}` },
      { figure: 'buffers', symbolic: '2·C (running mean, variance)', substituted: `2·${c} = ${fmt(2 * c)}` },
      {
        figure: 'memoryAccess',
        symbolic: 'input + output + 2·C',
        substituted: `${fmt(i)} + ${fmt(o)} + ${fmt(2 * c)} = ${fmt(i + o + 2 * c)}`,
      },
    ];
  },
  summary: () => '',
} satisfies OpDef<'BatchNorm', typeof schema>;
