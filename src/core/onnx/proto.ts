import onnxProto from 'onnx-proto';
import type { onnx as P } from 'onnx-proto';

/** The generated protobufjs classes for ONNX (onnx-proto ships them as CommonJS). */
export const pb = onnxProto.onnx;
export type { P };

export const DataType = { FLOAT: 1, INT32: 6, INT64: 7, DOUBLE: 11 } as const;
export const AttrType = {
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
} as const;

type Int64 = number | { toNumber(): number } | null | undefined;
/** protobufjs gives int64 fields as Long objects when the long package is present. */
export const num = (x: Int64): number =>
  x === null || x === undefined ? 0 : typeof x === 'number' ? x : x.toNumber();

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
