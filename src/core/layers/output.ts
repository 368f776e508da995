import { z } from 'zod';
import { ok } from '../diagnostics';
import { anyTensor, none, one } from './common';
import { zeroCost, type OpDef } from './types';

const schema = z.object({});

export const output = {
  kind: 'Output',
  family: 'io',
  title: 'Output',
  description: 'Marks a tensor as a result of the network.',
  schema,
  inputCount: one,
  outputCount: none,
  infer: ({ inputs }) => {
    const x = anyTensor(inputs);
    return x.ok ? ok([]) : x;
  },
  cost: () => zeroCost,
  formulas: () => [],
  summary: () => '',
} satisfies OpDef<'Output', typeof schema>;
