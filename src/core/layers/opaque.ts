import { z } from 'zod';
import { ok } from '../diagnostics';
import { nonNegativeInt } from './common';
import { zeroCost, type OpDef } from './types';

/** An ONNX attribute kept as it came: its ONNX type name and a JSON value. */
const attribute = z.object({
  name: z.string().min(1),
  type: z.enum(['float', 'int', 'string', 'floats', 'ints', 'strings']),
  value: z.union([z.number(), z.string(), z.array(z.number()), z.array(z.string())]),
});
export type OpaqueAttribute = z.infer<typeof attribute>;

/**
 * A constant input of the op (an initializer in the file), kept by input position so the op
 * exports as it came. `dataType` is ONNX's TensorProto.DataType; 0 marks an omitted optional input.
 */
const constantInput = z.object({
  input: nonNegativeInt,
  dataType: nonNegativeInt,
  dims: z.array(nonNegativeInt),
  /** Raw little-endian bytes, base64. */
  data: z.string(),
});
export type OpaqueConstant = z.infer<typeof constantInput>;

const schema = z.object({
  opType: z.string().min(1).default('Unknown'),
  domain: z.string().default(''),
  attributes: z.array(attribute).default([]),
  /** Inputs that come from other nodes (constant inputs are in `constants`). */
  inputs: z.number().int().min(0).max(64).default(1),
  /** The shapes the file gave or implied for each output; they are not inferred. */
  outputShapes: z
    .array(z.array(nonNegativeInt))
    .min(1)
    .default([[1]]),
  constants: z.array(constantInput).default([]),
});
export type OpaqueParams = z.infer<typeof schema>;

/** An ONNX op with no mapping to a primitive: kept, exported as it came, neither shaped nor costed. */
export const opaque = {
  kind: 'Opaque',
  family: 'shape',
  title: 'Opaque ONNX op',
  description: 'An imported ONNX op Compact Studio does not model: kept as it came, not analysed.',
  schema,
  inputCount: (p) => p.inputs,
  outputCount: (p) => p.outputShapes.length,
  // The stored shapes are taken on trust; notes() says so for each node.
  infer: ({ params }) => ok(params.outputShapes),
  cost: () => zeroCost,
  formulas: () => [{ figure: 'params', symbolic: 'not analysed (opaque op)', substituted: '0' }],
  summary: (p) => p.opType,
  notes: (p) => [
    {
      key: 'opaque',
      message: `${p.opType} is an ONNX op Compact Studio does not model: it is kept as it came, its output shapes are taken from the file and its costs are not analysed (counted as 0).`,
    },
  ],
} satisfies OpDef<'Opaque', typeof schema>;
