import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { torchGradients } from '../../../test-support/grad-reference';
import { seeded, useWasm } from '../../../test-support/tfjs';
import { learnedShift } from './learned-shift-form';

/**
 * Sparse shift's learnable form against PyTorch's autograd in float64 (fixtures/train/
 * grad_reference.py, op 'learnedshift', written there from the method's definition: the integer
 * shift by the rounded, clamped displacements as the value, the bilinear interpolation's derivative
 * at the real displacement for a and b). Forward value, dx, da and db within 1e-4, on WASM.
 */

type Shape4 = [number, number, number, number];

interface ShiftCase {
  readonly name: string;
  readonly shape: Shape4;
  readonly kernel: number;
  readonly dilation: number;
  readonly a: readonly number[];
  readonly b: readonly number[];
}

// Displacements on both sides of every rounding boundary, past the reach (clamped), none on a kink.
const cases: ShiftCase[] = [
  {
    name: '3×3, channels moving every way and some not at all',
    shape: [2, 8, 5, 6],
    kernel: 3,
    dilation: 1,
    a: [-1.3, -0.7, -0.2, 0.4, 0.6, 1.2, 0.1, -0.45],
    b: [0.3, -1.6, 0.8, -0.55, 0.2, -0.3, 0.05, 0.7],
  },
  {
    name: '5×5, displacements up to ±2 and past',
    shape: [1, 6, 7, 7],
    kernel: 5,
    dilation: 1,
    a: [-2.7, -1.4, 1.6, 0.3, 2.2, -0.6],
    b: [1.45, 2.9, -1.7, -2.3, 0.2, 0.8],
  },
  {
    name: '3×3 dilated by 2',
    shape: [2, 4, 7, 6],
    kernel: 3,
    dilation: 2,
    a: [0.7, -0.3, -0.9, 0.2],
    b: [-0.6, 0.9, 0.35, -1.1],
  },
];

let reference: Record<string, number[]>[] = [];
const inputs: Float32Array[] = [];
const dys: Float32Array[] = [];

beforeAll(async () => {
  await useWasm();
  const torchCases = cases.map((c, i) => {
    const [n, ch, h, w] = c.shape;
    const x = seeded(n * ch * h * w, 101 + i);
    const dy = seeded(n * ch * h * w, 201 + i);
    inputs.push(x);
    dys.push(dy);
    return {
      op: 'learnedshift',
      wantY: true,
      x: [...x],
      xShape: c.shape,
      a: c.a,
      b: c.b,
      kernel: c.kernel,
      dilation: c.dilation,
      dy: [...dy],
    };
  });
  reference = torchGradients(torchCases);
}, 120000);

const worst = (a: ArrayLike<number>, b: readonly number[]): number =>
  b.reduce((m, v, i) => Math.max(m, Math.abs((a[i] ?? NaN) - v)), 0);

describe('learned sparse shift equals PyTorch autograd', () => {
  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (_, i) => {
    const c = cases[i] as ShiftCase;
    const ref = reference[i] as Record<string, number[]>;
    const [n, ch, h, w] = c.shape;
    const toNHWC = (v: Float32Array) => tf.transpose(tf.tensor4d(v, [n, ch, h, w]), [0, 2, 3, 1]);
    const toNCHW = (t: tf.Tensor) => tf.transpose(t, [0, 3, 1, 2]).dataSync();
    const x = toNHWC(inputs[i] as Float32Array);
    const dy = toNHWC(dys[i] as Float32Array);
    const a = tf.tensor1d(c.a as number[]);
    const b = tf.tensor1d(c.b as number[]);
    const shift = (xi: tf.Tensor, ai: tf.Tensor, bi: tf.Tensor) =>
      learnedShift(xi as tf.Tensor4D, ai as tf.Tensor1D, bi as tf.Tensor1D, c.kernel, c.dilation);
    expect(worst(toNCHW(shift(x, a, b)), ref['y'] ?? []), 'y').toBeLessThan(1e-4);
    const [dx, da, db] = tf.grads((xi: tf.Tensor, ai: tf.Tensor, bi: tf.Tensor) =>
      tf.sum(tf.mul(shift(xi, ai, bi), dy)),
    )([x, a, b]) as [tf.Tensor, tf.Tensor, tf.Tensor];
    expect(worst(toNCHW(dx), ref['x'] ?? []), 'dx').toBeLessThan(1e-4);
    expect(worst(da.dataSync(), ref['a'] ?? []), 'da').toBeLessThan(1e-4);
    expect(worst(db.dataSync(), ref['b'] ?? []), 'db').toBeLessThan(1e-4);
    // Clamped displacements (|a| past the reach) get no gradient from the loss.
    c.a.forEach((v, j) => {
      if (Math.abs(v) > Math.floor(c.kernel / 2)) expect(da.dataSync()[j]).toBe(0);
    });
  });
});
