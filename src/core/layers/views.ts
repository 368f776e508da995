import { z } from 'zod';
import { ok } from '../diagnostics';
import { elements } from '../shape';
import { anyTensor, movementCost, movementFormula, one, sameShape } from './common';
import { zeroCost, type OpDef } from './types';

const empty = z.object({});
const viewFormula = { figure: 'memoryAccess', symbolic: 'a view: no data moves', substituted: '0' } as const;

export const flatten = {
  kind: 'Flatten',
  family: 'shape',
  title: 'Flatten',
  description: 'Reshapes N×C×H×W to N×(C·H·W); a view, no data moves.',
  schema: empty,
  inputCount: one,
  outputCount: one,
  view: true,
  infer: ({ inputs }) => {
    const x = anyTensor(inputs);
    if (!x.ok) return x;
    return ok([[x.value[0] ?? 1, elements(x.value.slice(1))]]);
  },
  cost: () => zeroCost,
  formulas: () => [viewFormula],
  summary: () => '',
} satisfies OpDef<'Flatten', typeof empty>;

const dropoutSchema = z.object({ p: z.number().min(0).max(1).default(0.2) });
export const dropout = {
  kind: 'Dropout',
  family: 'shape',
  title: 'Dropout',
  description: 'Zeroes a fraction p of activations while training; the identity at inference.',
  schema: dropoutSchema,
  inputCount: one,
  outputCount: one,
  view: true,
  infer: ({ inputs }) => sameShape(inputs),
  cost: () => zeroCost,
  formulas: () => [{ ...viewFormula, symbolic: 'identity at inference' }],
  summary: (p) => `p=${p.p}`,
} satisfies OpDef<'Dropout', typeof dropoutSchema>;

export const softmax = {
  kind: 'Softmax',
  family: 'activation',
  title: 'Softmax',
  description: 'Normalises the class scores (axis 1) into probabilities.',
  schema: empty,
  inputCount: one,
  outputCount: one,
  infer: ({ inputs }) => sameShape(inputs),
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: () => '',
} satisfies OpDef<'Softmax', typeof empty>;
