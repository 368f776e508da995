import { AttrType, num, type P } from '../proto';

/** A constant tensor: float data for weights, integer data for shapes and indices. */
export interface Const {
  readonly dims: readonly number[];
  /** ONNX TensorProto.DataType of the file (FLOAT, INT64, …). */
  readonly dataType: number;
  readonly floats?: Float32Array;
  readonly ints?: readonly number[];
  /** The bytes as stored, for types kept but not read (they go back out unchanged). */
  readonly raw?: Uint8Array;
}

export interface IrNode {
  readonly name: string;
  readonly opType: string;
  readonly domain: string;
  /** Tensor names; '' marks an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attrs: ReadonlyMap<string, P.IAttributeProto>;
}

export interface IrInput {
  readonly name: string;
  readonly shape: readonly number[];
}

/** An ONNX graph read into plain data: what the counter and the importer work on. */
export interface IrGraph {
  readonly name: string;
  readonly opset: number;
  readonly inputs: readonly IrInput[];
  readonly outputs: readonly string[];
  readonly nodes: readonly IrNode[];
  readonly consts: ReadonlyMap<string, Const>;
  /** Shapes the file states (value_info and outputs), used where an op is not inferred. */
  readonly declaredShapes: ReadonlyMap<string, readonly number[]>;
  readonly metadata: ReadonlyMap<string, string>;
  /** Things read but worth telling the user (a dynamic batch taken as 1, …). */
  readonly notes: readonly string[];
}

/** Shapes of every tensor that can be known, and constants folded (Shape → Gather → Div chains). */
export interface Inferred {
  readonly shapes: Map<string, readonly number[]>;
  readonly consts: Map<string, Const>;
}

export const elementCount = (dims: readonly number[]): number => dims.reduce((a, b) => a * b, 1);

export function attrInt(node: IrNode, name: string, fallback: number): number {
  const a = node.attrs.get(name);
  if (a?.i === undefined || a.i === null) return fallback;
  return num(a.i);
}

export function attrFloat(node: IrNode, name: string, fallback: number): number {
  const f = node.attrs.get(name)?.f;
  return f === undefined || f === null ? fallback : f;
}

export function attrInts(node: IrNode, name: string): number[] | undefined {
  const a = node.attrs.get(name);
  if (a?.ints === undefined || a.ints === null || (a.ints.length === 0 && a.type !== AttrType.INTS))
    return undefined;
  return a.ints.map(num);
}

export function attrString(node: IrNode, name: string): string | undefined {
  const s = node.attrs.get(name)?.s;
  return s === undefined || s === null ? undefined : new TextDecoder().decode(s);
}

/** A file that cannot be shaped or folded within the limits: one sentence for the user. */
export class IrError extends Error {}
