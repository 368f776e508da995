import { msg } from '../message';
import { z } from 'zod';
import { ok, problem } from '../diagnostics';
import type { EmitContext } from '../onnx/export/export-context';
import { fromBase64 } from '../onnx/base64';
import { AttrType, type P } from '../onnx/proto';
import { nonNegativeInt } from './op-common';
import { zeroCost, type OpDef } from './op-types';
import { opaqueTorch } from '../torch/ops/opaque-torch';

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

function opaqueAttribute(a: OpaqueAttribute): P.IAttributeProto {
  const v = a.value;
  switch (a.type) {
    case 'float':
      return { name: a.name, type: AttrType.FLOAT, f: typeof v === 'number' ? v : 0 };
    case 'int':
      return { name: a.name, type: AttrType.INT, i: typeof v === 'number' ? v : 0 };
    case 'string':
      return { name: a.name, type: AttrType.STRING, s: new TextEncoder().encode(String(v)) };
    case 'floats':
      return { name: a.name, type: AttrType.FLOATS, floats: Array.isArray(v) ? v.map(Number) : [] };
    case 'ints':
      return { name: a.name, type: AttrType.INTS, ints: Array.isArray(v) ? v.map(Number) : [] };
    case 'strings':
      return {
        name: a.name,
        type: AttrType.STRINGS,
        strings: Array.isArray(v) ? v.map((s) => new TextEncoder().encode(String(s))) : [],
      };
  }
}

/** An opaque op goes back out as it came: its type, attributes and constant inputs. */
function emitOpaque(ctx: EmitContext, p: OpaqueParams): readonly string[] {
  const total = p.inputs + p.constants.length;
  const inputs: string[] = [];
  let next = 0;
  for (let i = 0; i < total; i++) {
    const k = p.constants.find((c) => c.input === i);
    if (k === undefined) inputs.push(ctx.inputs[next++] ?? '');
    else if (k.dataType === 0) inputs.push('');
    else
      inputs.push(
        ctx.w.raw({
          name: `${ctx.layer.name}.input${i}`,
          dims: k.dims,
          dataType: k.dataType,
          rawData: fromBase64(k.data) ?? new Uint8Array(),
        }),
      );
  }
  ctx.w.node(p.opType, ctx.layer.name, inputs, ctx.outputs, p.attributes.map(opaqueAttribute), p.domain);
  return ctx.outputs;
}

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
  notes: (p) => [problem('opaque', msg('opaqueOp', { op: p.opType }))],
  palette: null,
  traits: {},
  // Every ONNX node no other op's pattern takes becomes an opaque op: the importer's fallback.
  pytorch: opaqueTorch,
  onnx: { emit: emitOpaque, patterns: [] },
  conformance: [
    {
      name: 'an ONNX Softsign kept as it came',
      params: { opType: 'Softsign', inputs: 1, outputShapes: [[1, 16, 8, 8]] },
    },
    {
      name: 'an ONNX ThresholdedRelu with an attribute',
      params: {
        opType: 'ThresholdedRelu',
        inputs: 1,
        outputShapes: [[1, 16, 8, 8]],
        attributes: [{ name: 'alpha', type: 'float', value: 0.25 }],
      },
    },
  ],
} satisfies OpDef<'Opaque', typeof schema>;
