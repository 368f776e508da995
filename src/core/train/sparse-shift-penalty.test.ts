import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import * as tf from '@tensorflow/tfjs-core';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { trainedHash } from '../document/design-hash';
import { plainSgd, useWasm } from '../../../test-support/tfjs';
import { learnedMasks, learnShifts, trainDesign, type ImageSet } from '.';
import { learnedShift } from './learned-shift-form';
import { maskOf, roundShift } from './shift-rounding';

/**
 * Sparse shift learning's plumbing against closed forms. With all-zero images the loss gives the
 * displacements no gradient, so under plain SGD (rate η, no momentum, no decay) only the L1 term's
 * proximal step moves them: after T steps |a| = max(0, |a₀| − Tηλ). They start at Shift's grouped
 * assignment: with 18 channels and a 3×3 kernel, channels 2g and 2g + 1 take offset g (row-major),
 * so a₀ = ⌊g/3⌋ − 1, b₀ = g mod 3 − 1, and 16 of the 18 move.
 */
const CHANNELS = 18;
const SIDE = 6;

function design(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: CHANNELS, height: SIDE, width: SIDE }, [], 'image');
  const s = g.add('SparseShift', { kernel: 3, fraction: 0.25 }, [x], 'sparse');
  const p = g.add('GlobalAvgPool', {}, [s], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  g.output(g.add('Linear', { outFeatures: 2 }, [f], 'fc'));
  return g.design('shift-toy');
}

const zeros = (count: number): ImageSet => ({
  images: new Float32Array(count * CHANNELS * SIDE * SIDE),
  labels: Int32Array.from({ length: count }, (_, i) => i % 2),
  count,
  channels: CHANNELS,
  height: SIDE,
  width: SIDE,
  classNames: ['a', 'b'],
});

const [LR, STEPS] = [0.1, 4];

async function learn(lambda: number) {
  const recipe = { ...plainSgd(LR, STEPS), augment: { flip: false, crop: 0 } };
  const data = { name: 'zeros', train: zeros(16), eval: zeros(4) };
  return trainDesign(design(), data, recipe, {}, { penalties: [learnShifts({ lambda })] });
}

const maskAfter = (d: Design): readonly number[] | undefined =>
  learnedMasks(d).find((m) => m.nodeId === d.nodes.find((n) => n.kind === 'SparseShift')?.id)?.shifts;

const shiftAccess = (d: Design): number | undefined =>
  analyze(d).layers.find((l) => l.op === 'SparseShift')?.cost.memoryAccess;

/** Shift's grouped start as mask entries: channels 2g and 2g + 1 at offset g. */
const grouped = Array.from({ length: CHANNELS }, (_, c) => Math.floor(c / 2));

beforeAll(useWasm);

describe('the rounding rule', () => {
  it('rounds to the nearest offset, halves away from zero, inside the kernel', () => {
    expect([0.49, -0.49, 0.5, -0.5, 0.51, 1.49, 1.5, -1.5, 7].map((v) => roundShift(v, 1))).toEqual([
      0, 0, 1, -1, 1, 1, 1, -1, 1,
    ]);
    expect([1.5, -1.5, 2.5, -2.6, 2.49].map((v) => roundShift(v, 2))).toEqual([2, -2, 2, -2, 2]);
    expect(Object.is(roundShift(-0.2, 1), 0)).toBe(true);
  });
  it('writes offsets row-major, the centre unshifted', () => {
    // (dy, dx) = (−1, 1) → row 0, column 2 → 2; (0, 0) → 4; (1, −1) → 6; (0.4, −0.4) rounds to the centre.
    expect(maskOf([-1, 0, 1, 0.4], [1, 0, -1, -0.4], 3)).toEqual([2, 4, 6, 4]);
    // 5×5: (−2, −2) → 0, (2, 2) → 24, (1, 0) → 17.
    expect(maskOf([-2, 2, 1], [-2, 2, 0], 5)).toEqual([0, 24, 17]);
  });
});

describe('the forward pass moves each channel by its rounded displacement', () => {
  it('at halves, past the reach and just under a half, as the mask rounds them', () => {
    const a = [0.5, -0.5, 0.49, -1.5, 1.2];
    const b = [-0.5, 0.5, -0.49, 0.3, -2];
    // Halves away from zero, |·| < 0.5 to none, past ±1 clamped (3×3).
    const [qa, qb] = [
      [1, -1, 0, -1, 1],
      [-1, 1, 0, 0, -1],
    ];
    const [h, w, c] = [4, 5, a.length];
    const x = Float32Array.from({ length: h * w * c }, (_, i) => i + 1);
    const y = learnedShift(tf.tensor4d(x, [1, h, w, c]), tf.tensor1d(a), tf.tensor1d(b), 3, 1).dataSync();
    // out[y, x, ch] = in[y + q(a), x + q(b), ch], zero outside (written out here, NHWC).
    const want = Array.from({ length: h * w * c }, (_, i) => {
      const [yy, xx, ch] = [Math.floor(i / (w * c)), Math.floor(i / c) % w, i % c];
      const sy = yy + (qa[ch] ?? NaN);
      const sx = xx + (qb[ch] ?? NaN);
      return sy < 0 || sy >= h || sx < 0 || sx >= w ? 0 : (x[(sy * w + sx) * c + ch] ?? NaN);
    });
    expect(Array.from(y)).toEqual(want);
  });
});

describe('the shift penalty drives displacements to zero', () => {
  it('λ = 0 keeps every displacement where it started', async () => {
    const out = await learn(0);
    expect(maskAfter(out.design)).toEqual(grouped);
    // The design's costs and the result's follow the learned mask: 2 · 16 moved channels · H·W.
    expect(shiftAccess(out.design)).toBe(2 * 16 * SIDE * SIDE);
    expect(out.result.costs.memoryAccess).toBe(analyze(out.design).totals.memoryAccess);
    expect(out.result.designHash).toBe(trainedHash(out.design));
  });
  it('a shrink of Tηλ = 0.4 leaves |a| = 0.6, still rounding to its offset', async () => {
    const out = await learn(0.4 / (STEPS * LR));
    expect(maskAfter(out.design)).toEqual(grouped);
  });
  it('a shrink of Tηλ = 0.6 leaves |a| = 0.4: every channel back at the centre', async () => {
    const out = await learn(0.6 / (STEPS * LR));
    expect(maskAfter(out.design)).toEqual(new Array<number>(CHANNELS).fill(4));
    expect(shiftAccess(out.design)).toBe(0);
    expect(out.result.costs.memoryAccess).toBe(analyze(out.design).totals.memoryAccess);
  });
  it('a huge λ zeroes every displacement in one step', async () => {
    const out = await learn(1e4);
    expect(maskAfter(out.design)).toEqual(new Array<number>(CHANNELS).fill(4));
    // The fraction stays as it was; the mask replaces it.
    expect(out.design.nodes.find((n) => n.kind === 'SparseShift')?.params).toMatchObject({ fraction: 0.25 });
  });
});
