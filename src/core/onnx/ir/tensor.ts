import { limits, overLimit } from '../../limits';
import { DataType, num, type P } from '../proto';
import type { Const } from './graph';

/** Bytes per element of each TensorProto.DataType with a fixed width (string has none). */
export const elementBytes: Readonly<Record<number, number>> = {
  1: 4, // float
  2: 1, // uint8
  3: 1, // int8
  4: 2, // uint16
  5: 2, // int16
  6: 4, // int32
  7: 8, // int64
  9: 1, // bool
  10: 2, // float16
  11: 8, // double
  12: 4, // uint32
  13: 8, // uint64
  14: 8, // complex64
  15: 16, // complex128
  16: 2, // bfloat16
};

/** Types ONNX stores one per int32_data entry when not raw (the narrow integers, bool, 16-bit floats). */
const inInt32Data = new Set([2, 3, 4, 5, 9, 10, 16]);

/** A tensor's dims, checked before anything is allocated for them: whole, non-negative, within limits. */
export function tensorDims(t: P.ITensorProto): number[] | string {
  const dims = (t.dims ?? []).map(num);
  if (dims.length > limits.maxRank) return `its ${dims.length} dims are ${overLimit('maxRank')}`;
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0))
    return `its dims ${dims.join('×')} are not all whole numbers of zero or more`;
  const count = dims.reduce((a, b) => a * b, 1);
  if (count > limits.maxTensorElements)
    return `its dims ${dims.join('×')} make ${count.toLocaleString('en-US')} values, ${overLimit('maxTensorElements')}`;
  return dims;
}

/** The bytes a tensor's values take, as its type stores them (0 for strings). */
export function tensorBytes(t: P.ITensorProto): number {
  const dims = tensorDims(t);
  return typeof dims === 'string'
    ? 0
    : dims.reduce((a, b) => a * b, 1) * (elementBytes[t.dataType ?? 0] ?? 0);
}

const mismatch = (held: number, dims: readonly number[], need: number): string =>
  `holds ${held.toLocaleString('en-US')} values but its dims ${dims.join('×')} need ${need.toLocaleString('en-US')}`;

/**
 * A tensor's values: float32 (float64 narrowed) or integers; other types are kept as raw bytes.
 * Raw data is read through a DataView at its own offset, so a Node Buffer (a view into a shared
 * pool at any offset) and a browser ArrayBuffer read the same. A string says what is wrong: data
 * that does not fit the dims, or dims over the limits (checked before any allocation).
 */
export function readTensor(t: P.ITensorProto): Const | string {
  const dims = tensorDims(t);
  if (typeof dims === 'string') return dims;
  const count = dims.reduce((a, b) => a * b, 1);
  const dataType = t.dataType ?? 0;
  // ONNX's checker and onnxruntime refuse a tensor of no type or of a code ONNX does not define.
  if (dataType === 0) return 'its data type is not set';
  if (
    !Number.isSafeInteger(dataType) ||
    dataType < 0 ||
    (elementBytes[dataType] === undefined && dataType !== 8)
  )
    return `its data type ${dataType} is none of ONNX's tensor types`;
  const per = elementBytes[dataType];
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : undefined;
  if (raw !== undefined) {
    if (per !== undefined && raw.byteLength !== count * per)
      return raw.byteLength % per === 0
        ? mismatch(raw.byteLength / per, dims, count)
        : `holds ${raw.byteLength} bytes, not a whole number of ${per}-byte values`;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    if (dataType === DataType.FLOAT || dataType === DataType.DOUBLE) {
      const floats = new Float32Array(count);
      for (let i = 0; i < count; i++)
        floats[i] = dataType === DataType.FLOAT ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
      return { dims, dataType, floats };
    }
    if (dataType === DataType.INT64 || dataType === DataType.INT32) {
      const ints: number[] = new Array<number>(count);
      for (let i = 0; i < count; i++)
        ints[i] =
          dataType === DataType.INT64 ? Number(view.getBigInt64(i * 8, true)) : view.getInt32(i * 4, true);
      return { dims, dataType, ints };
    }
    return { dims, dataType, raw: new Uint8Array(raw) };
  }
  const typed = (values: ArrayLike<unknown> | null | undefined): string | undefined => {
    const held = values?.length ?? 0;
    return held === count ? undefined : mismatch(held, dims, count);
  };
  if (dataType === DataType.FLOAT || dataType === DataType.DOUBLE) {
    const values = dataType === DataType.FLOAT ? t.floatData : t.doubleData;
    return typed(values) ?? { dims, dataType, floats: Float32Array.from(values ?? []) };
  }
  if (dataType === DataType.INT64)
    return typed(t.int64Data) ?? { dims, dataType, ints: (t.int64Data ?? []).map(num) };
  if (dataType === DataType.INT32)
    return typed(t.int32Data) ?? { dims, dataType, ints: [...(t.int32Data ?? [])] };
  if (inInt32Data.has(dataType) && per !== undefined) {
    const problem = typed(t.int32Data);
    if (problem !== undefined) return problem;
    // Back to the little-endian bytes raw_data would have held, so the tensor exports unchanged.
    const bytes = new Uint8Array(count * per);
    const view = new DataView(bytes.buffer);
    (t.int32Data ?? []).forEach((v, i) => {
      if (per === 1) view.setUint8(i, v & 0xff);
      else view.setUint16(i * 2, v & 0xffff, true);
    });
    return { dims, dataType, raw: bytes };
  }
  // Values of the remaining types (uint32, uint64, complex, string) stored outside raw_data are not
  // read: kept empty, they would go back out as a tensor that holds nothing.
  if (count > 0)
    return `its ${count.toLocaleString('en-US')} values of type ${dataType} are not stored as raw data, the only way they are read`;
  return { dims, dataType, raw: new Uint8Array() };
}
