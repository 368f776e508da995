import { describe, expect, it } from 'vitest';
import { DataType } from '../proto';
import { AttrType } from '../proto';
import { foldFloats } from './fold-floats';
import type { Const, IrGraph, IrNode } from './graph';
import { infer } from './infer';

const floats = (dims: number[], f: (i: number) => number): Const => {
  const n = dims.reduce((a, b) => a * b, 1);
  return { dims, dataType: DataType.FLOAT, floats: Float32Array.from({ length: n }, (_, i) => f(i)) };
};
const ints = (values: number[]): Const => ({ dims: [values.length], dataType: DataType.INT64, ints: values });
const node = (
  name: string,
  opType: string,
  inputs: string[],
  attrs: IrNode['attrs'] = new Map(),
): IrNode => ({
  name,
  opType,
  domain: '',
  inputs,
  outputs: [name],
  attrs,
});

describe('float constants built from stored tensors are folded', () => {
  // torch.onnx.export with constant folding off writes a versatile conv's weight as
  // weight.unsqueeze(0) * masks, flattened over the first two axes.
  const P = 2;
  const C = 3;
  const S = 2;
  const k = 3;
  const weight = floats([P, C, k, k], (i) => i + 1);
  const masks = floats([S, 1, C, k, k], (i) => (i % 4 === 0 ? 0 : (i % 5) + 0.5));
  const graph: IrGraph = {
    name: 'g',
    opset: 17,
    inputs: [{ name: 'x', shape: [1, C, 5, 5] }],
    outputs: ['y'],
    nodes: [
      node('u', 'Unsqueeze', ['w', 'axes']),
      node('m', 'Mul', ['u', 'masks']),
      node('r', 'Reshape', ['m', 'shape']),
      node('y', 'Conv', ['x', 'r']),
    ],
    consts: new Map([
      ['w', weight],
      ['masks', masks],
      ['axes', ints([0])],
      ['shape', ints([-1, C, k, k])],
    ]),
    declaredShapes: new Map(),
    metadata: new Map(),
    notes: [],
  };

  it('weight × masks: out[s·P + p, c, y, x] = w[p, c, y, x] · mask[s, 0, c, y, x]', () => {
    const inferred = infer(graph);
    const got = inferred.consts.get('r');
    expect(got?.dims).toEqual([S * P, C, k, k]);
    const want: number[] = [];
    for (let s = 0; s < S; s++)
      for (let p = 0; p < P; p++)
        for (let c = 0; c < C; c++)
          for (let t = 0; t < k * k; t++)
            want.push(
              Math.fround(
                (weight.floats?.[(p * C + c) * k * k + t] ?? NaN) *
                  (masks.floats?.[(s * C + c) * k * k + t] ?? NaN),
              ),
            );
    expect(Array.from(got?.floats ?? [])).toEqual(want);
    expect(inferred.shapes.get('y')).toEqual([1, S * P, 3, 3]);
  });

  it('Transpose of a 2×3 weight, and a bias added with broadcasting', () => {
    const a = floats([2, 3], (i) => i);
    const perm = new Map([['perm', { name: 'perm', ints: [1, 0], type: AttrType.INTS }]]);
    const t = foldFloats(node('t', 'Transpose', ['a'], perm), () => a, [3, 2], 100);
    expect(Array.from(t?.floats ?? [])).toEqual([0, 3, 1, 4, 2, 5]);
    const b = floats([3], (i) => 10 * (i + 1));
    const c = (i: number) => (i === 0 ? a : b);
    expect(Array.from(foldFloats(node('s', 'Add', ['a', 'b']), c, [2, 3], 100)?.floats ?? [])).toEqual([
      10, 21, 32, 13, 24, 35,
    ]);
    const col = floats([2, 1], (i) => i + 1);
    const d = (i: number) => (i === 0 ? col : b);
    expect(Array.from(foldFloats(node('q', 'Div', ['c', 'b']), d, [2, 3], 100)?.floats ?? [])).toEqual(
      [1 / 10, 1 / 20, 1 / 30, 2 / 10, 2 / 20, 2 / 30].map(Math.fround),
    );
  });

  it('makes nothing past its room, and leaves integer and mixed inputs to the shape folds', () => {
    const a = floats([4, 1], (i) => i);
    const b = floats([1, 4], (i) => i);
    const c = (i: number) => (i === 0 ? a : b);
    expect(foldFloats(node('m', 'Mul', ['a', 'b']), c, [4, 4], 15)).toBeUndefined();
    expect(foldFloats(node('m', 'Mul', ['a', 'b']), c, [4, 4], 16)?.floats?.length).toBe(16);
    expect(
      foldFloats(node('m', 'Mul', ['a', 'i']), (i) => (i === 0 ? a : ints([1])), [4, 1], 16),
    ).toBeUndefined();
    expect(
      foldFloats(node('m', 'Mul', ['a', 'x']), (i) => (i === 0 ? a : undefined), [4, 1], 16),
    ).toBeUndefined();
  });
});
