import { DataType, num, pb, type P } from '../proto';
import type { Const, IrGraph, IrInput, IrNode } from './graph';

export type ReadResult =
  { readonly ok: true; readonly graph: IrGraph } | { readonly ok: false; readonly error: string };

const fail = (error: string): ReadResult => ({ ok: false, error });

/** Larger than any model a browser tab can hold: refuse before decoding. */
export const MAX_MODEL_BYTES = 2 ** 31 - 1;

const dataTypeNames: Readonly<Record<number, string>> = {
  1: 'float32',
  6: 'int32',
  7: 'int64',
  10: 'float16',
  11: 'float64',
};

/** A fresh, aligned copy (Node's Buffer.slice would give a view into a shared pool). */
function copyBytes(raw: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(raw.byteLength);
  copy.set(raw);
  return copy.buffer;
}

function bytesToInts(raw: Uint8Array, dataType: number): number[] {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: number[] = [];
  if (dataType === DataType.INT64)
    for (let i = 0; i + 8 <= raw.byteLength; i += 8) out.push(Number(view.getBigInt64(i, true)));
  else for (let i = 0; i + 4 <= raw.byteLength; i += 4) out.push(view.getInt32(i, true));
  return out;
}

/** A tensor's values: float32 (float64 narrowed) or integers; other types are kept as raw bytes. */
export function readTensor(t: P.ITensorProto): Const {
  const dims = (t.dims ?? []).map(num);
  const dataType = t.dataType ?? 0;
  const raw = t.rawData && t.rawData.length > 0 ? t.rawData : undefined;
  if (dataType === DataType.FLOAT) {
    if (raw !== undefined) {
      return { dims, dataType, floats: new Float32Array(copyBytes(raw), 0, Math.floor(raw.byteLength / 4)) };
    }
    return { dims, dataType, floats: Float32Array.from(t.floatData ?? []) };
  }
  if (dataType === DataType.DOUBLE) {
    if (raw !== undefined) {
      const copy = raw.slice();
      return {
        dims,
        dataType,
        floats: Float32Array.from(new Float64Array(copy.buffer, 0, Math.floor(copy.byteLength / 8))),
      };
    }
    return { dims, dataType, floats: Float32Array.from(t.doubleData ?? []) };
  }
  if (dataType === DataType.INT64)
    return {
      dims,
      dataType,
      ints: raw !== undefined ? bytesToInts(raw, dataType) : (t.int64Data ?? []).map(num),
    };
  if (dataType === DataType.INT32)
    return {
      dims,
      dataType,
      ints: raw !== undefined ? bytesToInts(raw, dataType) : [...(t.int32Data ?? [])],
    };
  return { dims, dataType, raw: raw === undefined ? new Uint8Array() : new Uint8Array(copyBytes(raw)) };
}

const isExternal = (t: P.ITensorProto): boolean =>
  t.dataLocation === pb.TensorProto.DataLocation.EXTERNAL || (t.externalData?.length ?? 0) > 0;

function readInput(v: P.IValueInfoProto, notes: string[]): IrInput | string {
  const name = v.name ?? '';
  const tensor = v.type?.tensorType;
  if (tensor === undefined || tensor === null) return `input "${name}" is not a tensor`;
  if (tensor.elemType !== DataType.FLOAT)
    return `input "${name}" is ${dataTypeNames[tensor.elemType ?? 0] ?? `type ${tensor.elemType ?? 0}`}; only float32 inputs are supported`;
  const dims = tensor.shape?.dim ?? [];
  const shape: number[] = [];
  for (const [axis, d] of dims.entries()) {
    const value = num(d.dimValue);
    if (value > 0) shape.push(value);
    else if (axis === 0) {
      shape.push(1);
      notes.push(
        `input "${name}": the dynamic batch dimension${d.dimParam ? ` "${d.dimParam}"` : ''} is taken as 1`,
      );
    } else
      return `input "${name}" has a dynamic dimension${d.dimParam ? ` "${d.dimParam}"` : ''} (axis ${axis}) with no value: export the model with a fixed input size`;
  }
  if (shape.length === 0) return `input "${name}" has no shape: export the model with a fixed input size`;
  return { name, shape };
}

function declared(v: P.IValueInfoProto): readonly number[] | undefined {
  const dims = v.type?.tensorType?.shape?.dim;
  if (dims === undefined || dims === null || dims.length === 0) return undefined;
  const shape = dims.map((d, i) => (num(d.dimValue) > 0 ? num(d.dimValue) : i === 0 ? 1 : -1));
  return shape.includes(-1) ? undefined : shape;
}

/** Decodes and checks an ONNX file; every way it can be unusable becomes one clear sentence. */
export function readModel(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.length > MAX_MODEL_BYTES)
    return fail('the file is larger than 2 GB, the limit of a single ONNX file');
  let model: P.ModelProto;
  try {
    model = pb.ModelProto.decode(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail(`not an ONNX model, or a truncated one: the protobuf does not decode (${why})`);
  }
  const g = model.graph;
  const graphNodes: P.INodeProto[] = g?.node ?? [];
  if (g === null || g === undefined || num(model.irVersion) <= 0 || graphNodes.length === 0)
    return fail('not an ONNX model: no graph with nodes and no IR version were found');
  const opset = model.opsetImport.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  if (opset === undefined) return fail('the model declares no opset for the default ONNX domain');
  const consts = new Map<string, Const>();
  for (const t of g.initializer ?? []) {
    if (isExternal(t))
      return fail(
        `initializer "${t.name ?? ''}" keeps its data in an external file; save the model with its weights inside (onnx.save(..., save_as_external_data=False))`,
      );
    consts.set(t.name ?? '', readTensor(t));
  }
  const notes: string[] = [];
  const inputs: IrInput[] = [];
  for (const v of g.input ?? []) {
    if (consts.has(v.name ?? '')) continue;
    const input = readInput(v, notes);
    if (typeof input === 'string') return fail(input);
    inputs.push(input);
  }
  if (inputs.length === 0) return fail('the model has no input that is not a weight');
  const nodes: IrNode[] = graphNodes.map((n, i) => ({
    name: n.name !== undefined && n.name !== null && n.name !== '' ? n.name : `${n.opType ?? 'node'}_${i}`,
    opType: n.opType ?? '',
    domain: n.domain ?? '',
    inputs: [...(n.input ?? [])],
    outputs: [...(n.output ?? [])],
    attrs: new Map((n.attribute ?? []).map((a) => [a.name ?? '', a])),
  }));
  const defined = new Set([...consts.keys(), ...inputs.map((i) => i.name), '']);
  for (const n of nodes) {
    for (const t of n.inputs)
      if (!defined.has(t))
        return fail(
          `node "${n.name}" (${n.opType}) reads "${t}", which no node, input or initializer defines (a missing initializer, or nodes out of order)`,
        );
    for (const t of n.outputs) defined.add(t);
  }
  const outputs = (g.output ?? []).map((o) => o.name ?? '');
  const missing = outputs.find((o) => !defined.has(o));
  if (missing !== undefined) return fail(`the output "${missing}" is not produced by any node`);
  const declaredShapes = new Map<string, readonly number[]>();
  for (const v of [...(g.valueInfo ?? []), ...(g.output ?? [])]) {
    const s = declared(v);
    if (s !== undefined) declaredShapes.set(v.name ?? '', s);
  }
  return {
    ok: true,
    graph: {
      name: g.name ?? '',
      opset: num(opset.version),
      inputs,
      outputs,
      nodes,
      consts,
      declaredShapes,
      metadata: new Map(model.metadataProps.map((m) => [m.key ?? '', m.value ?? ''])),
      notes,
    },
  };
}
