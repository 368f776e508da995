import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import { windowOutput } from '../shape';
import { featureMap, movementCost, movementFormula, nonNegativeInt, one, pair } from './common';
import type { OpDef } from './types';

const windowSchema = z.object({
  kernel: pair(1).default([3, 3]),
  stride: pair(1).default([2, 2]),
  padding: z.tuple([nonNegativeInt, nonNegativeInt]).readonly().default([1, 1]),
  ceilMode: z.boolean().default(false),
});
const avgSchema = windowSchema.extend({ countIncludePad: z.boolean().default(true) });
type WindowParams = z.infer<typeof windowSchema>;

function windowPool<K extends string, S extends typeof windowSchema | typeof avgSchema>(
  kind: K,
  title: string,
  description: string,
  schema: S,
) {
  return {
    kind,
    family: 'pooling',
    title,
    description,
    schema,
    inputCount: one,
    outputCount: one,
    infer: ({ params, inputs }) => {
      const p: WindowParams = params;
      const x = featureMap(inputs);
      if (!x.ok) return x;
      const [n = 1, c = 0, h = 0, w = 0] = x.value;
      if (2 * p.padding[0] > p.kernel[0] || 2 * p.padding[1] > p.kernel[1])
        return fail('invalidParams', 'Padding may be at most half the kernel size.', 'padding');
      const oh = windowOutput(h, p.kernel[0], p.stride[0], p.padding[0], p.padding[0], 1, p.ceilMode);
      const ow = windowOutput(w, p.kernel[1], p.stride[1], p.padding[1], p.padding[1], 1, p.ceilMode);
      if (oh < 1 || ow < 1)
        return fail(
          'spatialCollapse',
          `A ${p.kernel.join('×')} window does not fit a ${h}×${w} input.`,
          'kernel',
        );
      return ok([[n, c, oh, ow]]);
    },
    cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
    formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
    summary: (params) => {
      const p: WindowParams = params;
      return `${p.kernel.join('×')} s${p.stride[0]}${p.ceilMode ? ' ceil' : ''}`;
    },
  } satisfies OpDef<K, S>;
}

export const maxPool = windowPool('MaxPool', 'MaxPool', 'Maximum over a sliding window.', windowSchema);
export const avgPool = windowPool('AvgPool', 'AvgPool', 'Average over a sliding window.', avgSchema);

const empty = z.object({});
export const globalAvgPool = {
  kind: 'GlobalAvgPool',
  family: 'pooling',
  title: 'Global average pool',
  description: 'Averages each channel over H×W to 1×1.',
  schema: empty,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const [n = 1, c = 0] = x.value;
    return ok([[n, c, 1, 1]]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: () => '',
} satisfies OpDef<'GlobalAvgPool', typeof empty>;
