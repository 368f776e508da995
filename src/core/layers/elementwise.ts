import { z } from 'zod';
import { movementCost, movementFormula, one, sameShape } from './common';
import type { OpDef } from './types';

const empty = z.object({});

/** Activations: one read and one write per element, no weights, no multiply-adds. */
function activation<K extends string>(kind: K, title: string, description: string) {
  return {
    kind,
    family: 'activation',
    title,
    description,
    schema: empty,
    inputCount: one,
    outputCount: one,
    infer: ({ inputs }) => sameShape(inputs),
    cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
    formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
    summary: () => '',
  } satisfies OpDef<K, typeof empty>;
}

export const relu = activation('ReLU', 'ReLU', 'max(0, x).');
export const relu6 = activation('ReLU6', 'ReLU6', 'min(max(0, x), 6), the MobileNet activation.');
export const hardSwish = activation(
  'HardSwish',
  'Hard-swish',
  'x·ReLU6(x + 3)/6, MobileNetV3’s cheap swish.',
);
export const hardSigmoid = activation(
  'HardSigmoid',
  'Hard-sigmoid',
  'ReLU6(x + 3)/6, MobileNetV3’s cheap sigmoid.',
);
export const sigmoid = activation('Sigmoid', 'Sigmoid', '1/(1 + e^−x).');
