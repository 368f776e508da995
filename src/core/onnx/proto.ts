import onnxProto from 'onnx-proto';
import type { onnx as P } from 'onnx-proto';

/** The generated protobufjs classes for ONNX (onnx-proto ships them as CommonJS). */
export const pb = onnxProto.onnx;
export type { P };

/** TensorProto.DataType codes (the typings give tensors' dataType as a plain number). */
export const DataType = { FLOAT: 1, INT32: 6, INT64: 7, DOUBLE: 11 } as const;
const A = pb.AttributeProto.AttributeType;
export const AttrType = {
  FLOAT: A.FLOAT,
  INT: A.INT,
  STRING: A.STRING,
  TENSOR: A.TENSOR,
  GRAPH: A.GRAPH,
  FLOATS: A.FLOATS,
  INTS: A.INTS,
  STRINGS: A.STRINGS,
} as const;

/**
 * int64 fields come as numbers or as Long objects (the long package is present); onnx-proto's
 * typings name a Long type that is not installed, so they are taken as unknown here.
 */
type Int64 = unknown;
/** protobufjs gives int64 fields as Long objects when the long package is present. */
export function num(x: Int64): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'object' && x !== null && 'toNumber' in x && typeof x.toNumber === 'function')
    return Number((x as { toNumber(): unknown }).toNumber());
  return 0;
}

export const encodeModel = (model: P.IModelProto): Uint8Array => pb.ModelProto.encode(model).finish();

export function floatTensor(name: string, dims: readonly number[], values: Float32Array): P.ITensorProto {
  return {
    name,
    dims: [...dims],
    dataType: DataType.FLOAT,
    rawData: new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
  };
}

export function int64Tensor(
  name: string,
  dims: readonly number[],
  values: readonly number[],
): P.ITensorProto {
  return { name, dims: [...dims], dataType: DataType.INT64, int64Data: [...values] };
}

export const attrInt = (name: string, i: number): P.IAttributeProto => ({ name, type: AttrType.INT, i });
export const attrInts = (name: string, ints: readonly number[]): P.IAttributeProto => ({
  name,
  type: AttrType.INTS,
  ints: [...ints],
});
export const attrFloat = (name: string, f: number): P.IAttributeProto => ({ name, type: AttrType.FLOAT, f });
export const attrString = (name: string, s: string): P.IAttributeProto => ({
  name,
  type: AttrType.STRING,
  s: new TextEncoder().encode(s),
});
