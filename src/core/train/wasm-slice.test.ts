import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seeded, useWasm } from '../../../test-support/tfjs';

/**
 * The WASM backend's Slice kernel, replaced by one that reads a view of the heap (wasm-slice.ts),
 * gives what slicing means, element by element: out[i…] = x[begin + i…], for any rank and block,
 * float32 and int32, checked against an index-by-index copy written here.
 */
function reference(x: Float32Array, shape: number[], begin: number[], size: number[]): number[] {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const out: number[] = [];
  const total = size.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < total; flat++) {
    let rest = flat;
    let at = 0;
    for (let d = size.length - 1; d >= 0; d--) {
      const i = rest % (size[d] ?? 1);
      rest = Math.floor(rest / (size[d] ?? 1));
      at += ((begin[d] ?? 0) + i) * (strides[d] ?? 1);
    }
    out.push(x[at] ?? NaN);
  }
  return out;
}

beforeAll(useWasm);

describe('Slice on WASM from a view of the heap', () => {
  it('is the kernel the backend runs', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect((tf.getKernel('Slice', 'wasm') as { heapView?: boolean } | undefined)?.heapView).toBe(true);
  });

  it('takes any block of any tensor of rank 1 to 5, as an index-by-index copy does', () => {
    const block = fc
      .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })
      .chain((shape) =>
        fc.tuple(
          fc.constant(shape),
          fc.tuple(...shape.map((n) => fc.integer({ min: 0, max: n - 1 }))),
          fc.tuple(...shape.map((n) => fc.integer({ min: 0, max: n }))),
          fc.integer({ min: 1, max: 1000 }),
        ),
      );
    fc.assert(
      fc.property(block, ([shape, begin, want, seed]) => {
        const size = shape.map((n, d) => Math.min(want[d] ?? 0, n - (begin[d] ?? 0)));
        const values = seeded(
          shape.reduce((a, b) => a * b, 1),
          seed,
        );
        const got = tf.tidy(() => Array.from(tf.slice(tf.tensor(values, shape), begin, size).dataSync()));
        expect(got).toEqual(reference(values, shape, begin, size));
        const ints = tf.tidy(() =>
          Array.from(
            tf
              .slice(
                tf.tensor(
                  values.map((v) => Math.round(v * 100)),
                  shape,
                  'int32',
                ),
                begin,
                size,
              )
              .dataSync(),
          ),
        );
        expect(ints).toEqual(reference(values, shape, begin, size).map((v) => Math.round(v * 100)));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('keeps its values when later allocations grow the heap', () => {
    const x = tf.tensor(seeded(64 * 64, 3), [64, 64]);
    const part = tf.slice(x, [10, 5], [20, 30]);
    const big = tf.zeros([4_000_000]); // 16 MB: the heap grows
    expect(Array.from(part.dataSync())).toEqual(
      reference(x.dataSync() as Float32Array, [64, 64], [10, 5], [20, 30]),
    );
    tf.dispose([x, part, big]);
  });
});
