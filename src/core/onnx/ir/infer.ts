import { onnxKeepsShape, onnxShapeRule } from '../../kind-table';
import { limits, shapeProblem } from '../../limits';
import { ident, quote } from '../../quote';
import { windowOutput } from '../../shape';
import { foldFloats } from './fold-floats';
import { fold, sliceRange } from './fold';
import { opRuleProblem } from './op-rules';
import { flowProblem, integerProblem, outputTypes, SCHEMA_OPSET, structureProblem } from './op-schema';
import { DataType } from '../proto';
import {
  attrInt,
  attrInts,
  elementCount,
  IrError,
  type Const,
  type Inferred,
  type IrGraph,
  type IrNode,
} from './graph';

export type { Inferred } from './graph';

type Shape = readonly number[];

function broadcast(a: Shape, b: Shape): Shape {
  const n = Math.max(a.length, b.length);
  return Array.from({ length: n }, (_, i) => {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    return x === 1 ? y : x;
  });
}

const normAxis = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);

const at = (node: IrNode): string => `node ${quote(node.name)} (${ident(node.opType)})`;

/** An axis of a node, checked against the rank before anything is indexed or allocated with it. */
function axisOf(node: IrNode, axis: number, rank: number): number {
  if (!Number.isSafeInteger(axis) || axis < -rank || axis >= rank)
    throw new IrError(
      `${at(node)}: axis ${axis.toLocaleString('en-US')} is outside the ${rank} axes of its input`,
    );
  return normAxis(axis, rank);
}

function window(node: IrNode, x: Shape, kernel: readonly number[], outC: number): Shape {
  const rank = kernel.length;
  const strides = attrInts(node, 'strides') ?? kernel.map(() => 1);
  const dil = attrInts(node, 'dilations') ?? kernel.map(() => 1);
  const pads = attrInts(node, 'pads') ?? kernel.map(() => 0).concat(kernel.map(() => 0));
  const ceil = attrInt(node, 'ceil_mode', 0) === 1;
  const autoPad = node.attrs.get('auto_pad')?.s;
  const same =
    autoPad !== undefined && autoPad !== null && new TextDecoder().decode(autoPad).startsWith('SAME');
  const spatial = Array.from({ length: rank }, (_, i) => {
    const size = x[2 + i] ?? 0;
    const s = strides[i] ?? 1;
    if (same) return Math.ceil(size / s);
    return windowOutput(size, kernel[i] ?? 1, s, pads[i] ?? 0, pads[i + rank] ?? 0, dil[i] ?? 1, ceil);
  });
  return [x[0] ?? 1, outC, ...spatial];
}

/** Slice bounds: from inputs (opset 10+) or attributes. */
export function sliceSpec(node: IrNode, c: (i: number) => Const | undefined, rank: number) {
  const fromInput = (i: number): readonly number[] | undefined => c(i)?.ints;
  const starts = fromInput(1) ?? attrInts(node, 'starts');
  const ends = fromInput(2) ?? attrInts(node, 'ends');
  if (starts === undefined || ends === undefined) return undefined;
  const axes =
    (node.inputs[3] ? fromInput(3) : undefined) ?? attrInts(node, 'axes') ?? starts.map((_, i) => i);
  const steps = (node.inputs[4] ? fromInput(4) : undefined) ?? starts.map(() => 1);
  return { starts, ends, axes: axes.map((a) => axisOf(node, a, rank)), steps };
}

function sliceShape(x: Shape, spec: NonNullable<ReturnType<typeof sliceSpec>>): Shape {
  const out = [...x];
  spec.axes.forEach((axis, i) => {
    const size = x[axis] ?? 0;
    out[axis] = sliceRange(size, spec.starts[i] ?? 0, spec.ends[i] ?? size, spec.steps[i] ?? 1).length;
  });
  return out;
}

/** Output shapes of one node, or undefined when its op is not known here. */
function shapeOf(
  node: IrNode,
  s: (i: number) => Shape | undefined,
  c: (i: number) => Const | undefined,
  opset: number,
): Shape[] | undefined {
  const x = s(0);
  if (x === undefined) return undefined;
  const same = [x];
  switch (node.opType) {
    case 'Relu':
    case 'Clip':
    case 'Sigmoid':
    case 'HardSigmoid':
    case 'HardSwish':
    case 'LeakyRelu':
    case 'Tanh':
    case 'BatchNormalization':
    case 'Softmax':
    case 'LogSoftmax':
    case 'Dropout':
    case 'Identity':
    case 'Cast':
    case 'Erf':
    case 'Neg':
    case 'Sqrt':
      return same;
    case 'Add':
    case 'Sub':
    case 'Mul':
    case 'Div':
    case 'Pow':
    case 'Max':
    case 'Min':
    case 'Sum': {
      let out = x;
      for (let i = 1; i < node.inputs.length; i++) out = broadcast(out, s(i) ?? c(i)?.dims ?? []);
      return [out];
    }
    case 'Conv': {
      const w = c(1)?.dims ?? s(1);
      if (w === undefined) return undefined;
      return [window(node, x, attrInts(node, 'kernel_shape') ?? w.slice(2), w[0] ?? 0)];
    }
    case 'MaxPool':
    case 'AveragePool': {
      const k = attrInts(node, 'kernel_shape');
      return k === undefined ? undefined : [window(node, x, k, x[1] ?? 0)];
    }
    case 'GlobalAveragePool':
    case 'GlobalMaxPool':
      return [[...x.slice(0, 2), ...x.slice(2).map(() => 1)]];
    case 'ReduceMean':
    case 'ReduceMax':
    case 'ReduceSum': {
      const axes =
        (opset >= 18 || node.opType === 'ReduceSum' ? c(1)?.ints : undefined) ??
        attrInts(node, 'axes') ??
        x.map((_, i) => i);
      const norm = axes.map((a) => normAxis(a, x.length));
      const keep = attrInt(node, 'keepdims', 1) === 1;
      return [keep ? x.map((d, i) => (norm.includes(i) ? 1 : d)) : x.filter((_, i) => !norm.includes(i))];
    }
    case 'Flatten': {
      const axis =
        attrInt(node, 'axis', 1) === x.length ? x.length : axisOf(node, attrInt(node, 'axis', 1), x.length);
      return [[elementCount(x.slice(0, axis)), elementCount(x.slice(axis))]];
    }
    case 'Reshape': {
      const target = c(1)?.ints;
      if (target === undefined || target.length > limits.maxRank) return undefined;
      const out = target.map((d, i) => (d === 0 ? (x[i] ?? 0) : d));
      const known = out.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
      return [out.map((d) => (d === -1 ? elementCount(x) / known : d))];
    }
    case 'Transpose': {
      const perm = attrInts(node, 'perm') ?? x.map((_, i) => x.length - 1 - i);
      return [perm.map((p) => x[p] ?? 0)];
    }
    case 'Concat': {
      const axis = axisOf(node, attrInt(node, 'axis', 1), x.length);
      const shapes = node.inputs.map((_, i) => s(i) ?? c(i)?.dims);
      if (shapes.some((t) => t === undefined)) return undefined;
      const out = [...x];
      out[axis] = shapes.reduce((a, t) => a + (t?.[axis] ?? 0), 0);
      return [out];
    }
    case 'Split': {
      const axis = axisOf(node, attrInt(node, 'axis', 0), x.length);
      const n = node.outputs.length;
      const sizes =
        c(1)?.ints ??
        attrInts(node, 'split') ??
        Array.from({ length: n }, () => Math.ceil((x[axis] ?? 0) / n));
      return sizes.map((size) => x.map((d, i) => (i === axis ? size : d)));
    }
    case 'Gather': {
      // Data gathered along one axis: that axis becomes the indices' shape (a channel gather).
      const axis = axisOf(node, attrInt(node, 'axis', 0), x.length);
      const indices = s(1) ?? c(1)?.dims;
      if (indices === undefined) return undefined;
      return [[...x.slice(0, axis), ...indices, ...x.slice(axis + 1)]];
    }
    case 'Slice': {
      const spec = sliceSpec(node, c, x.length);
      return spec === undefined ? undefined : [sliceShape(x, spec)];
    }
    case 'Pad': {
      const pads = c(1)?.ints ?? attrInts(node, 'pads');
      if (pads === undefined) return undefined;
      return [x.map((d, i) => d + (pads[i] ?? 0) + (pads[i + x.length] ?? 0))];
    }
    case 'Gemm': {
      const b = s(1) ?? c(1)?.dims;
      if (b === undefined) return undefined;
      const m = attrInt(node, 'transA', 0) === 1 ? x[1] : x[0];
      const n = attrInt(node, 'transB', 0) === 1 ? b[0] : b[1];
      return [[m ?? 1, n ?? 0]];
    }
    case 'MatMul': {
      const b = s(1) ?? c(1)?.dims;
      if (b === undefined) return undefined;
      return [[...x.slice(0, -1), b[b.length - 1] ?? 0]];
    }
    case 'Unsqueeze':
    case 'Squeeze': {
      const given = c(1)?.ints ?? attrInts(node, 'axes') ?? [];
      if (given.length > limits.maxRank) return undefined;
      const axes = given.map((a) =>
        axisOf(node, a, node.opType === 'Unsqueeze' ? x.length + given.length : x.length),
      );
      if (node.opType === 'Squeeze')
        return [x.filter((d, i) => (axes.length === 0 ? d !== 1 : !axes.includes(i)))];
      const out = [...x];
      for (const a of [...axes].sort((p, q) => p - q)) out.splice(a, 0, 1);
      return [out];
    }
    default: {
      // Ops of the kinds' import patterns bring their own rule (an op added later needs none here).
      const rule = onnxShapeRule(node.opType);
      const out = rule?.(
        node,
        node.inputs.map((_, i) => s(i)),
      );
      if (out !== undefined) return [...out];
      return onnxKeepsShape(node.opType) ? same : undefined;
    }
  }
}

/** Folds that hand on a constant they were given (no new values) rather than compute one. */
const passThrough = new Set(['Constant', 'Identity', 'Cast', 'Unsqueeze', 'Squeeze']);

/** Float folds that make no new values. */
const RESHAPES = new Set(['Unsqueeze', 'Squeeze', 'Reshape', 'Flatten']);

/** A shape made of whole numbers of zero or more (a Reshape by −1 of an empty tensor is not). */
const wellFormed = (shape: Shape): boolean => shape.every((d) => Number.isSafeInteger(d) && d >= 0);

/**
 * Walks the graph in order, folding constants and inferring shapes; unknown ops take declared
 * shapes. Every shape is checked against the limits as it is made, so nothing downstream sees a
 * dimension of 2^31; folding stops once it has made the limit's worth of values. Throws IrError.
 */
export function infer(graph: IrGraph): Inferred {
  const shapes = new Map<string, readonly number[]>(graph.inputs.map((i) => [i.name, i.shape]));
  const consts = new Map(graph.consts);
  for (const [name, k] of consts) shapes.set(name, k.dims);
  /** Element types (TensorProto.DataType) of the tensors, to hold every node to its schema. */
  const types = new Map<string, number>(graph.inputs.map((i) => [i.name, DataType.FLOAT]));
  for (const [name, k] of consts) types.set(name, k.dataType);
  let folded = 0;
  let foldedFloats = 0;
  // The lookups of the node at hand, made once (not three closures per node of 150,000).
  let node = graph.nodes[0] as IrNode;
  const c = (i: number): Const | undefined => consts.get(node.inputs[i] ?? '');
  const s = (i: number): Shape | undefined => shapes.get(node.inputs[i] ?? '');
  const t = (i: number): number | undefined => types.get(node.inputs[i] ?? '');
  const sc = (i: number): Shape | undefined => s(i) ?? c(i)?.dims;
  for (node of graph.nodes) {
    // ONNX's schema of the op (files of an opset newer than the table: the hand rules alone).
    const schema = graph.opset <= SCHEMA_OPSET && (node.domain === '' || node.domain === 'ai.onnx');
    const structure = schema
      ? (structureProblem(node, graph.opset) ?? integerProblem(node, graph.opset, t))
      : undefined;
    const rule = structure ?? opRuleProblem(node, graph.opset, sc(0), c, sc);
    if (rule !== undefined) throw new IrError(`${at(node)}: ${rule}`);
    const made = fold(node, c, s, limits.maxFoldedValues - folded);
    if (made !== undefined) {
      made.forEach((k, i) => {
        const out = node.outputs[i];
        if (out === undefined) return;
        if (!passThrough.has(node.opType)) folded += k.ints?.length ?? k.floats?.length ?? 0;
        consts.set(out, k);
        shapes.set(out, k.dims);
        types.set(out, k.dataType);
      });
      continue;
    }
    const outs = shapeOf(node, s, c, graph.opset);
    // Shapes first (an axis outside the input is the sharper sentence), then the types that flow.
    const flow = schema ? flowProblem(node, graph.opset, t) : undefined;
    if (flow !== undefined) throw new IrError(`${at(node)}: ${flow}`);
    // A weight computed from stored tensors (torch.onnx.export with constant folding off) is
    // folded too, within the weight limit: what it makes becomes a weight of the design.
    const floats = foldFloats(node, c, outs?.[0], limits.maxWeightBytes / 4 - foldedFloats);
    const only = node.outputs.length === 1 ? node.outputs[0] : undefined;
    if (floats !== undefined && only !== undefined) {
      if (!RESHAPES.has(node.opType)) foldedFloats += floats.floats?.length ?? 0;
      consts.set(only, floats);
      shapes.set(only, floats.dims);
      types.set(only, floats.dataType);
      continue;
    }
    const kinds = outputTypes(node, graph.opset);
    node.outputs.forEach((name, i) => types.set(name, kinds[i] ?? 0));
    node.outputs.forEach((name, i) => {
      const inferred = outs?.[i];
      const shape =
        inferred !== undefined && wellFormed(inferred) ? inferred : graph.declaredShapes.get(name);
      if (shape === undefined) return;
      const problem = shapeProblem(shape);
      if (problem !== undefined) throw new IrError(`${at(node)}: output ${quote(name)}: ${problem}`);
      shapes.set(name, shape);
    });
  }
  return { shapes, consts };
}
