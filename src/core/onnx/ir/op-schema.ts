import table from './onnx-op-schemas.json' with { type: 'json' };
import { AttrType, DataType } from '../proto';
import { quote } from '../../quote';
import type { IrNode } from './graph';

/**
 * What ONNX's own operator schemas require of a node of the default domain, read from the table
 * scripts/onnx-op-schemas.py writes from the onnx package: that the op exists, its input and
 * output counts, its required attributes, and which inputs take int64 (or int32) tensors and which
 * carry the op's flowing type. Every node is held to it, the ones kept as opaque ops included, so
 * that an accepted file is one onnxruntime loads.
 */

/** The newest opset the table knows; files of a newer opset are checked by the hand rules alone. */
export const SCHEMA_OPSET: number = table.opset;

type Row = readonly [
  since: number,
  minInputs: number,
  maxInputs: number,
  minOutputs: number,
  maxOutputs: number,
  required: readonly string[],
  attributes: readonly string[],
  inputs: string,
  outputs: string,
];

const ops = table.ops as unknown as Readonly<Record<string, readonly Row[] | undefined>>;

/** One version of an op's schema. */
export interface OpSchema {
  readonly since: number;
  readonly inputs: readonly [min: number, max: number];
  readonly outputs: readonly [min: number, max: number];
  readonly required: readonly string[];
  /** Every attribute the op defines: onnxruntime refuses a node that sets another. */
  readonly attributes: readonly string[];
  /** Per formal input: f (the flowing type), F (floating point), i (int64), n (int32 or int64), . (any). */
  readonly inputKinds: string;
  readonly outputKinds: string;
}

/** Schemas by op type and opset, made once: every node of a file asks for its own four times. */
const made = new Map<string, Map<number, OpSchema | undefined>>();

/** The schema of `opType` in force at `opset`, or undefined when ONNX has no such op then. */
export function onnxSchema(opType: string, opset: number): OpSchema | undefined {
  let byOpset = made.get(opType);
  if (byOpset === undefined) made.set(opType, (byOpset = new Map<number, OpSchema | undefined>()));
  if (byOpset.has(opset)) return byOpset.get(opset);
  const schema = schemaAt(opType, opset);
  // Only the table's op types are kept: a file's made-up names do not grow the cache.
  if (rowsOf(opType) !== undefined) byOpset.set(opset, schema);
  else made.delete(opType);
  return schema;
}

const rowsOf = (opType: string) => (Object.hasOwn(ops, opType) ? ops[opType] : undefined);

function schemaAt(opType: string, opset: number): OpSchema | undefined {
  const rows = Object.hasOwn(ops, opType) ? ops[opType] : undefined;
  const row = rows?.filter((r) => r[0] <= opset).at(-1);
  if (row === undefined) return undefined;
  const count = (n: number): number => (n < 0 ? Infinity : n);
  return {
    since: row[0],
    inputs: [row[1], count(row[2])],
    outputs: [row[3], count(row[4])],
    required: row[5],
    attributes: row[6],
    inputKinds: row[7],
    outputKinds: row[8],
  };
}

/** The kind of the i-th formal parameter (a variadic last one stands for all after it). */
export const kindAt = (kinds: string, i: number): string => kinds[Math.min(i, kinds.length - 1)] ?? '.';

const FLOAT_TYPES: ReadonlySet<number> = new Set([DataType.FLOAT, DataType.DOUBLE]);

const typeNames: Readonly<Record<number, string>> = {
  0: 'of no type',
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  16: 'bfloat16',
};
export const typeName = (t: number): string => typeNames[t] ?? `of type ${t}`;

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;
const range = (min: number, max: number): string =>
  min === max ? String(min) : max === Infinity ? `${min} or more` : `${min} to ${max}`;

/** Counts of inputs and outputs, and required attributes, against the schema, said as the problem. */
export function structureProblem(node: IrNode, opset: number): string | undefined {
  const schema = onnxSchema(node.opType, opset);
  if (schema === undefined)
    return `ONNX has no operator ${node.opType} at opset ${opset}, so no runtime could load the file`;
  // Trailing omitted optional inputs ('') do not count, as ONNX reads them.
  let given = node.inputs.length;
  while (given > 0 && node.inputs[given - 1] === '') given--;
  const [minIn, maxIn] = schema.inputs;
  if (given < minIn || given > maxIn)
    return `it has ${plural(given, 'input')}; ONNX's ${node.opType} takes ${range(minIn, maxIn)}`;
  const required = schema.inputs[0];
  const missing = node.inputs.slice(0, required).findIndex((t) => t === '');
  if (missing >= 0) return `its input ${missing + 1} is required, but the node leaves it empty`;
  const [minOut, maxOut] = schema.outputs;
  const outs = node.outputs.length;
  if (outs < minOut || outs > maxOut)
    return `it has ${plural(outs, 'output')}; ONNX's ${node.opType} gives ${range(minOut, maxOut)}`;
  const absent = schema.required.find((a) => !node.attrs.has(a));
  if (absent !== undefined) return `it sets no ${absent}, which ONNX requires`;
  const unknown = [...node.attrs.keys()].find((a) => !schema.attributes.includes(a));
  if (unknown !== undefined)
    return `it sets the attribute ${quote(unknown)}, which ONNX's ${node.opType} does not have`;
  if (node.opType === 'Cast') {
    const to = node.attrs.get('to');
    if (to?.type !== AttrType.INT) return 'its attribute to is not an integer type code';
  }
  return undefined;
}

/** Integer inputs of the schema (i: int64, n: int32 or int64) given a tensor of another type. */
export function integerProblem(
  node: IrNode,
  opset: number,
  type: (i: number) => number | undefined,
): string | undefined {
  const schema = onnxSchema(node.opType, opset);
  if (schema === undefined) return undefined;
  for (let i = 0; i < node.inputs.length; i++) {
    const kind = kindAt(schema.inputKinds, i);
    const t = node.inputs[i] === '' ? undefined : type(i);
    if (t === undefined || (kind !== 'i' && kind !== 'n')) continue;
    const ok = kind === 'i' ? t === DataType.INT64 : t === DataType.INT64 || t === DataType.INT32;
    if (!ok)
      return `its input ${quote(node.inputs[i] ?? '')} is ${typeName(t)}; ONNX's ${node.opType} takes ${kind === 'i' ? 'int64' : 'int32 or int64'} there`;
  }
  return undefined;
}

/**
 * A node that stays in the network (not folded into a constant) computes on the tensors flowing
 * between layers, which are float32 here: each input of its flowing or floating-point type must
 * be float32 (a float64 constant is narrowed, as the export writes it), and a Cast must cast to it.
 */
export function flowProblem(
  node: IrNode,
  opset: number,
  type: (i: number) => number | undefined,
): string | undefined {
  const schema = onnxSchema(node.opType, opset);
  if (schema === undefined) return undefined;
  if (node.opType === 'Cast') {
    const to = Number(node.attrs.get('to')?.i ?? 0);
    if (to !== DataType.FLOAT)
      return `it casts a tensor between layers to ${typeName(to)}, but only float32 tensors flow between layers`;
  }
  for (let i = 0; i < node.inputs.length; i++) {
    const kind = kindAt(schema.inputKinds, i);
    if ((kind !== 'f' && kind !== 'F') || node.inputs[i] === '') continue;
    const t = type(i) ?? 0;
    if (!FLOAT_TYPES.has(t))
      return `its input ${quote(node.inputs[i] ?? '')} is ${typeName(t)}, but it computes on the float32 tensors that flow between layers (integers only as constants that fold away)`;
  }
  return undefined;
}

/** The element type of each output of a node that stays in the network. */
export function outputTypes(node: IrNode, opset: number): number[] {
  const schema = onnxSchema(node.opType, opset);
  return node.outputs.map((_, i) => {
    // An op of another domain (an opaque custom op): taken as float32, as its file states.
    if (schema === undefined) return DataType.FLOAT;
    const kind = kindAt(schema.outputKinds, i);
    if (kind === 'f' || kind === 'F') return DataType.FLOAT;
    if (kind === 'i' || kind === 'n') return DataType.INT64;
    if (node.opType === 'Cast') return Number(node.attrs.get('to')?.i ?? 0);
    if (node.opType === 'Constant' || node.opType === 'ConstantOfShape')
      return node.attrs.get('value')?.t?.dataType ?? DataType.FLOAT;
    return 0;
  });
}
