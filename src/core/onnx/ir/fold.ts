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

/** Folds a node whose inputs are all constant integers (shape arithmetic); undefined otherwise. */
export function fold(
  node: IrNode,
  c: (i: number) => Const | undefined,
  shape: (i: number) => Shape | undefined,
): Const[] | undefined {
  const op = node.opType;
  if (op === 'Constant') {
    const t = node.attrs.get('value')?.t;
    if (t !== undefined && t !== null) return [readTensor(t)];
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
    if (idx === undefined || a.dims.length !== 1) return undefined;
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
    const all = parts.flatMap((p) => p ?? []);
    return [intConst(all)];
  }
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
