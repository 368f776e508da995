import { DataType } from '../proto';
import { attrInts, type Const, type IrNode } from './graph';

type Shape = readonly number[];

/** Ops that only give a tensor new dims: the values keep their row-major order. */
const RESHAPING: ReadonlySet<string> = new Set(['Unsqueeze', 'Squeeze', 'Reshape', 'Flatten']);

const ELEMENTWISE: Readonly<Record<string, (a: number, b: number) => number>> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
};

const count = (dims: Shape): number => dims.reduce((p, q) => p * q, 1);

/** Row-major strides of `dims`, aligned to the right of a rank-`rank` output; 0 on a broadcast axis. */
function broadcastStrides(dims: Shape, out: Shape): number[] {
  const rank = out.length;
  const st = new Array<number>(rank).fill(0);
  let step = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    const d = dims[i] ?? 1;
    const axis = rank - dims.length + i;
    st[axis] = d === 1 && (out[axis] ?? 1) !== 1 ? 0 : step;
    step *= d;
  }
  return st;
}

/** `a op b` over NumPy broadcasting, written into a tensor of dims `out`. */
function broadcastBinary(f: (a: number, b: number) => number, a: Const, b: Const, out: Shape): Float32Array {
  const av = a.floats ?? new Float32Array(0);
  const bv = b.floats ?? new Float32Array(0);
  const sa = broadcastStrides(a.dims, out);
  const sb = broadcastStrides(b.dims, out);
  const n = count(out);
  const values = new Float32Array(n);
  const index = new Array<number>(out.length).fill(0);
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < n; k++) {
    values[k] = f(av[ia] ?? 0, bv[ib] ?? 0);
    // Odometer over the output's index: the last axis fastest.
    for (let axis = out.length - 1; axis >= 0; axis--) {
      const i = (index[axis] ?? 0) + 1;
      if (i < (out[axis] ?? 1)) {
        index[axis] = i;
        ia += sa[axis] ?? 0;
        ib += sb[axis] ?? 0;
        break;
      }
      index[axis] = 0;
      ia -= (i - 1) * (sa[axis] ?? 0);
      ib -= (i - 1) * (sb[axis] ?? 0);
    }
  }
  return values;
}

/** A float tensor's values with its axes permuted by `perm`. */
function transposed(a: Const, perm: readonly number[], out: Shape): Float32Array {
  const from = a.floats ?? new Float32Array(0);
  const inStrides = broadcastStrides(a.dims, a.dims);
  const permuted = new Array<number>(perm.length);
  perm.forEach((p, i) => (permuted[i] = inStrides[p] ?? 0));
  const values = new Float32Array(count(out));
  const index = new Array<number>(out.length).fill(0);
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    values[k] = from[at] ?? 0;
    for (let axis = out.length - 1; axis >= 0; axis--) {
      const i = (index[axis] ?? 0) + 1;
      if (i < (out[axis] ?? 1)) {
        index[axis] = i;
        at += permuted[axis] ?? 0;
        break;
      }
      index[axis] = 0;
      at -= (i - 1) * (permuted[axis] ?? 0);
    }
  }
  return values;
}

/**
 * Folds a float32 tensor built from stored tensors by the ops torch.onnx.export writes when its
 * constant folding is off (a versatile conv's weight is weight.unsqueeze(0) × masks, flattened):
 * reshapes, Transpose and the four elementwise ops with broadcasting. `out` is the node's
 * inferred output shape; undefined when an input is not a float constant or the result would
 * hold more than `room` values (nothing is allocated then).
 */
export function foldFloats(
  node: IrNode,
  c: (i: number) => Const | undefined,
  out: Shape | undefined,
  room: number,
): Const | undefined {
  const a = c(0);
  if (a?.floats === undefined || a.dataType !== DataType.FLOAT || out === undefined) return undefined;
  if (!out.every((d) => Number.isSafeInteger(d) && d >= 0) || count(out) > room) return undefined;
  const op = node.opType;
  if (RESHAPING.has(op))
    return count(out) === a.floats.length
      ? { dims: out, dataType: DataType.FLOAT, floats: a.floats }
      : undefined;
  if (op === 'Transpose') {
    const perm = attrInts(node, 'perm') ?? a.dims.map((_, i) => a.dims.length - 1 - i);
    return { dims: out, dataType: DataType.FLOAT, floats: transposed(a, perm, out) };
  }
  const f = ELEMENTWISE[op];
  const b = c(1);
  if (f === undefined || node.inputs.length !== 2 || b?.floats === undefined || b.dataType !== DataType.FLOAT)
    return undefined;
  return { dims: out, dataType: DataType.FLOAT, floats: broadcastBinary(f, a, b, out) };
}
