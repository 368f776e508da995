import { limits } from '../../limits';
import { DataType } from '../proto';
import { attrInt, attrInts, type Const, type IrNode } from './graph';
import { readTensor } from './read';

type Shape = readonly number[];
const normAxis = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);
const intConst = (ints: readonly number[], dims: Shape = [ints.length]): Const => ({
  dims,
  dataType: DataType.INT64,
  ints,
});

function intBinary(op: string, a: number, b: number): number | undefined {
  if (op === 'Add') return a + b;
  if (op === 'Sub') return a - b;
  if (op === 'Mul') return a * b;
  if (op === 'Div') return b === 0 ? undefined : Math.trunc(a / b);
  return undefined;
}

/**
 * The indices ONNX's Slice takes along one axis of `size` (negative starts and ends count from the
 * end; a negative step walks backwards, as torch.onnx.export writes a reversal).
 */
export function sliceRange(size: number, start: number, end: number, step: number): number[] {
  if (step === 0) return [];
  const norm = (v: number): number => (v < 0 ? v + size : v);
  const out: number[] = [];
  if (step > 0) {
    const e = Math.min(size, Math.max(0, norm(end)));
    for (let i = Math.min(size, Math.max(0, norm(start))); i < e; i += step) out.push(i);
  } else {
    const e = Math.min(size - 1, Math.max(-1, norm(end)));
    for (let i = Math.min(size - 1, Math.max(0, norm(start))); i > e; i += step) out.push(i);
  }
  return out;
}

/** Dims made of whole numbers of zero or more, few enough to be a tensor's. */
const wholeDims = (dims: readonly number[]): boolean =>
  dims.length <= limits.maxRank && dims.every((d) => Number.isSafeInteger(d) && d >= 0);

/** Element of a row-major tensor of these dims at this index. */
const strides = (dims: Shape): number[] => {
  const out = dims.map(() => 1);
  for (let i = dims.length - 2; i >= 0; i--) out[i] = (out[i + 1] ?? 1) * (dims[i + 1] ?? 1);
  return out;
};

/** Gathers `ints` (of `dims`) at every combination of the per-axis indices, row-major. */
function pick(ints: readonly number[], dims: Shape, indices: readonly (readonly number[])[]): number[] {
  const st = strides(dims);
  let offsets = [0];
  indices.forEach((idx, axis) => {
    offsets = offsets.flatMap((o) => idx.map((i) => o + i * (st[axis] ?? 1)));
  });
  return offsets.map((o) => ints[o] ?? 0);
}

/**
 * Folds the constant integer ops torch.onnx.export uses to build F.pad's pads (ConstantOfShape,
 * Reshape, reversing Slice, Transpose); undefined for anything else.
 */
function foldTensorOp(
  op: string,
  node: IrNode,
  a: Const,
  ints: readonly number[],
  c: (i: number) => Const | undefined,
  room: number,
): Const[] | undefined {
  if (op === 'ConstantOfShape') {
    const t = node.attrs.get('value')?.t;
    const k = t === undefined || t === null ? undefined : readTensor(t);
    const v = k === undefined ? 0 : typeof k === 'string' ? undefined : k.ints?.[0];
    // The size is checked before anything is allocated: a shape of [2^31] is not shape arithmetic.
    const count = ints.reduce((p, q) => p * q, 1);
    if (v === undefined || !wholeDims(ints) || count > room) return undefined;
    return [intConst(new Array<number>(count).fill(v), ints)];
  }
  if (op === 'Reshape') {
    const target = c(1)?.ints;
    if (target === undefined) return undefined;
    const dims = target.map((d, i) => (d === 0 ? (a.dims[i] ?? 0) : d));
    const known = dims.filter((d) => d !== -1).reduce((p, q) => p * q, 1);
    const out = dims.map((d) => (d === -1 ? ints.length / known : d));
    if (!wholeDims(out) || out.reduce((p, q) => p * q, 1) !== ints.length) return undefined;
    return [intConst(ints, out)];
  }
  if (op === 'Transpose') {
    const perm = attrInts(node, 'perm') ?? a.dims.map((_, i) => a.dims.length - 1 - i);
    const st = strides(a.dims);
    const dims = perm.map((p) => a.dims[p] ?? 0);
    // Walk the output row-major: output axis i runs along input axis perm[i].
    let offsets = [0];
    perm.forEach((p) => {
      offsets = offsets.flatMap((o) =>
        Array.from({ length: a.dims[p] ?? 0 }, (_, i) => o + i * (st[p] ?? 1)),
      );
    });
    return [
      intConst(
        offsets.map((o) => ints[o] ?? 0),
        dims,
      ),
    ];
  }
  if (op === 'Slice') {
    const starts = c(1)?.ints;
    const ends = c(2)?.ints;
    if (starts === undefined || ends === undefined) return undefined;
    const rank = a.dims.length;
    const axes = (node.inputs[3] ? c(3)?.ints : undefined) ?? starts.map((_, i) => i);
    const steps = (node.inputs[4] ? c(4)?.ints : undefined) ?? starts.map(() => 1);
    // An axis outside the rank would index a sparse array of 2^40 holes: not folded (infer says why).
    if (axes.some((x) => !Number.isSafeInteger(x) || x < -rank || x >= rank)) return undefined;
    const indices = a.dims.map((d) => Array.from({ length: d }, (_, i) => i));
    axes.forEach((axis, i) => {
      const ax = normAxis(axis, rank);
      indices[ax] = sliceRange(a.dims[ax] ?? 0, starts[i] ?? 0, ends[i] ?? 0, steps[i] ?? 1);
    });
    return [
      intConst(
        pick(ints, a.dims, indices),
        indices.map((idx) => idx.length),
      ),
    ];
  }
  return undefined;
}

/**
 * Folds a node whose inputs are all constant integers (shape arithmetic); undefined otherwise,
 * and undefined when the result would hold more than `room` values (nothing is allocated then:
 * doubling a constant 26 times is not shape arithmetic, and must not take gigabytes).
 */
export function fold(
  node: IrNode,
  c: (i: number) => Const | undefined,
  shape: (i: number) => Shape | undefined,
  room: number,
): Const[] | undefined {
  const op = node.opType;
  if (op === 'Constant') {
    const t = node.attrs.get('value')?.t;
    if (t !== undefined && t !== null) {
      const k = readTensor(t);
      return typeof k === 'string' ? undefined : [k];
    }
    const vi = attrInts(node, 'value_ints');
    if (vi !== undefined) return [intConst(vi)];
    const i = node.attrs.get('value_int');
    if (i !== undefined) return [intConst([attrInt(node, 'value_int', 0)], [])];
    const f = node.attrs.get('value_float')?.f;
    if (f !== undefined && f !== null)
      return [{ dims: [], dataType: DataType.FLOAT, floats: new Float32Array([f]) }];
    return undefined;
  }
  if (op === 'Shape') {
    const s = shape(0);
    if (s === undefined) return undefined;
    const start = normAxis(attrInt(node, 'start', 0), s.length);
    const end = node.attrs.has('end') ? normAxis(attrInt(node, 'end', s.length), s.length) : s.length;
    return [intConst(s.slice(start, end))];
  }
  const a = c(0);
  if (a === undefined) return undefined;
  if (op === 'Identity' || op === 'Cast') return [a];
  const ints = a.ints;
  if (ints === undefined) return undefined;
  if (op === 'Gather') {
    const idx = c(1)?.ints;
    if (idx === undefined || a.dims.length !== 1 || idx.length > room) return undefined;
    return [
      intConst(
        idx.map((i) => ints[normAxis(i, ints.length)] ?? 0),
        c(1)?.dims ?? [],
      ),
    ];
  }
  if (op === 'Unsqueeze' || op === 'Squeeze')
    return [intConst(ints, op === 'Unsqueeze' ? [ints.length] : ints.length === 1 ? [] : [ints.length])];
  if (op === 'Concat') {
    const parts = node.inputs.map((_, i) => c(i)?.ints);
    if (parts.some((p) => p === undefined)) return undefined;
    if (parts.reduce((a, p) => a + (p?.length ?? 0), 0) > room) return undefined;
    const all = parts.flatMap((p) => p ?? []);
    return [intConst(all)];
  }
  const tensorOp = foldTensorOp(op, node, a, ints, c, room);
  if (tensorOp !== undefined) return tensorOp;
  if (['Add', 'Sub', 'Mul', 'Div'].includes(op)) {
    const b = c(1)?.ints;
    if (b === undefined) return undefined;
    const n = Math.max(ints.length, b.length);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = intBinary(op, ints[ints.length === 1 ? 0 : i] ?? 0, b[b.length === 1 ? 0 : i] ?? 0);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return [intConst(out, a.dims.length >= (c(1)?.dims.length ?? 0) ? a.dims : (c(1)?.dims ?? []))];
  }
  return undefined;
}
