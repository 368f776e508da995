import { limits, overLimit, shapeProblem } from '../../limits';
import { ident, quote } from '../../quote';
import { AttrType, DataType, num, pb, type P } from '../proto';
import type { Const, IrGraph, IrInput, IrNode } from './graph';
import { readTensor, tensorBytes } from './tensor';

export { readTensor } from './tensor';

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

const isExternal = (t: P.ITensorProto): boolean =>
  t.dataLocation === pb.TensorProto.DataLocation.EXTERNAL || (t.externalData?.length ?? 0) > 0;

function readInput(v: P.IValueInfoProto, notes: string[]): IrInput | string {
  const name = v.name ?? '';
  const tensor = v.type?.tensorType;
  if (tensor === undefined || tensor === null) return `input ${quote(name)} is not a tensor`;
  if (tensor.elemType !== DataType.FLOAT)
    return `input ${quote(name)} is ${dataTypeNames[tensor.elemType ?? 0] ?? `type ${tensor.elemType ?? 0}`}; only float32 inputs are supported`;
  const dims = tensor.shape?.dim ?? [];
  const shape: number[] = [];
  for (const [axis, d] of dims.entries()) {
    const value = num(d.dimValue);
    const param = d.dimParam ? ` ${quote(d.dimParam)}` : '';
    if (value > 0) shape.push(value);
    else if (axis === 0) {
      shape.push(1);
      notes.push(`input ${quote(name)}: the dynamic batch dimension${param} is taken as 1`);
    } else
      return `input ${quote(name)} has a dynamic dimension${param} (axis ${axis}) with no value: export the model with a fixed input size`;
  }
  if (shape.length === 0)
    return `input ${quote(name)} has no shape: export the model with a fixed input size`;
  const problem = shapeProblem(shape);
  return problem === undefined ? { name, shape } : `input ${quote(name)}: ${problem}`;
}

function declared(v: P.IValueInfoProto): readonly number[] | undefined {
  const dims = v.type?.tensorType?.shape?.dim;
  if (dims === undefined || dims === null || dims.length === 0) return undefined;
  const shape = dims.map((d, i) => (num(d.dimValue) > 0 ? num(d.dimValue) : i === 0 ? 1 : -1));
  return shape.includes(-1) ? undefined : shape;
}

/** The first name of the model longer than the limit, said as where it is. */
function longName(g: P.IGraphProto, nodes: readonly P.INodeProto[]): string | undefined {
  const tooLong = (s: string | null | undefined): boolean => (s?.length ?? 0) > limits.maxNameLength;
  const say = (what: string, name: string): string =>
    `${what} ${quote(name)}: its name is ${overLimit('maxNameLength')}`;
  if (tooLong(g.name)) return say('the graph', g.name ?? '');
  for (const n of nodes) {
    if (tooLong(n.name)) return say('node', n.name ?? '');
    const t = [...(n.input ?? []), ...(n.output ?? [])].find(tooLong);
    if (t !== undefined) return say(`node ${quote(n.name ?? '')} names the tensor`, t);
  }
  for (const v of [...(g.input ?? []), ...(g.output ?? []), ...(g.initializer ?? [])])
    if (tooLong(v.name)) return say('the tensor', v.name ?? '');
  return undefined;
}

/** The tensors of Constant nodes and other tensor attributes, checked like initializers. */
function attributeTensors(nodes: readonly P.INodeProto[]): { node: P.INodeProto; t: P.ITensorProto }[] {
  const out: { node: P.INodeProto; t: P.ITensorProto }[] = [];
  for (const n of nodes)
    for (const a of n.attribute ?? []) if (a.type === AttrType.TENSOR && a.t) out.push({ node: n, t: a.t });
  return out;
}

/** The first attribute name a node sets more than once, if any. */
function repeatedAttribute(n: P.INodeProto): string | undefined {
  const seen = new Set<string>();
  for (const a of n.attribute ?? []) {
    const name = a.name ?? '';
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/** Decodes and checks an ONNX file; every way it can be unusable becomes one clear sentence. */
export function readModel(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return fail('the file is empty');
  if (bytes.length > MAX_MODEL_BYTES)
    return fail('the file is larger than 2 GB, the limit of a single ONNX file');
  let model: P.ModelProto;
  try {
    model = pb.ModelProto.decode(bytes);
  } catch {
    return fail('not an ONNX model, or a truncated one: the protobuf does not decode');
  }
  const g = model.graph;
  const graphNodes: P.INodeProto[] = g?.node ?? [];
  if (g === null || g === undefined || num(model.irVersion) <= 0 || graphNodes.length === 0)
    return fail('not an ONNX model: no graph with nodes and no IR version were found');
  const opset = model.opsetImport.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  if (opset === undefined) return fail('the model declares no opset for the default ONNX domain');
  if (graphNodes.length > limits.maxNodes)
    return fail(`the graph has ${graphNodes.length.toLocaleString('en-US')} nodes, ${overLimit('maxNodes')}`);
  const long = longName(g, graphNodes);
  if (long !== undefined) return fail(long);
  let weightBytes = 0;
  const consts = new Map<string, Const>();
  for (const t of g.initializer ?? []) {
    const at = `initializer ${quote(t.name ?? '')}`;
    if (consts.has(t.name ?? '')) return fail(`${at} is listed twice (ONNX names each initializer once)`);
    if (isExternal(t))
      return fail(
        `${at} keeps its data in an external file; save the model with its weights inside (onnx.save(..., save_as_external_data=False))`,
      );
    const k = readTensor(t);
    if (typeof k === 'string') return fail(`${at}: ${k}`);
    weightBytes += tensorBytes(t);
    consts.set(t.name ?? '', k);
  }
  for (const { node, t } of attributeTensors(graphNodes)) {
    const k = readTensor(t);
    if (typeof k === 'string')
      return fail(`node ${quote(node.name ?? '')} (${ident(node.opType ?? '')}): its tensor ${k}`);
    weightBytes += tensorBytes(t);
  }
  if (weightBytes > limits.maxWeightBytes)
    return fail(
      `the model's weights take ${weightBytes.toLocaleString('en-US')} bytes, ${overLimit('maxWeightBytes')}`,
    );
  const notes: string[] = [];
  const inputs: IrInput[] = [];
  /** Who writes each tensor: ONNX allows one writer (SSA), and a second one would make a loop. */
  const writer = new Map<string, { what: string; name: string }>();
  const said = (w: { what: string; name: string }): string => `${w.what} ${quote(w.name)}`;
  for (const name of consts.keys()) writer.set(name, { what: 'initializer', name });
  for (const v of g.input ?? []) {
    const name = v.name ?? '';
    if (consts.has(name)) continue;
    const input = readInput(v, notes);
    if (typeof input === 'string') return fail(input);
    if (writer.has(name)) return fail(`the graph input ${quote(name)} is listed twice`);
    writer.set(name, { what: 'graph input', name });
    inputs.push(input);
  }
  if (inputs.length === 0) return fail('the model has no input that is not a weight');
  const twice = graphNodes.findIndex((n) => repeatedAttribute(n) !== undefined);
  const doubled = graphNodes[twice];
  if (doubled !== undefined)
    return fail(
      `node ${quote(doubled.name ?? `${doubled.opType ?? 'node'}_${twice}`)} (${ident(doubled.opType ?? '')}) sets the attribute ${quote(repeatedAttribute(doubled) ?? '')} twice (ONNX allows each attribute once)`,
    );
  const nodes: IrNode[] = graphNodes.map((n, i) => ({
    name: n.name !== undefined && n.name !== null && n.name !== '' ? n.name : `${n.opType ?? 'node'}_${i}`,
    opType: n.opType ?? '',
    domain: n.domain ?? '',
    inputs: [...(n.input ?? [])],
    outputs: [...(n.output ?? [])],
    attrs: new Map((n.attribute ?? []).map((a) => [a.name ?? '', a])),
  }));
  for (const n of nodes) {
    for (const t of n.inputs)
      if (t !== '' && !writer.has(t))
        return fail(
          `node ${quote(n.name)} (${ident(n.opType)}) reads ${quote(t)}, which no node, input or initializer defines before it (a missing initializer, nodes out of order, or a loop)`,
        );
    for (const t of n.outputs) {
      if (t === '') continue;
      const before = writer.get(t);
      if (before !== undefined)
        return fail(
          `${quote(t)} is written twice: by ${said(before)} and by node ${quote(n.name)} (ONNX allows one writer per tensor)`,
        );
      writer.set(t, { what: 'node', name: n.name });
    }
  }
  const outputs = (g.output ?? []).map((o) => o.name ?? '');
  if (outputs.length === 0) return fail('the model has no outputs');
  const missing = outputs.find((o) => !writer.has(o));
  if (missing !== undefined) return fail(`the output ${quote(missing)} is not produced by any node`);
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
