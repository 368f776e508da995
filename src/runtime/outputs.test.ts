import { describe, expect, it } from 'vitest';
import { isDistribution, latencyStats, softmax, summarize, topK } from './outputs';

describe('softmax and top-k', () => {
  it('gives a distribution, stable for large logits', () => {
    const p = softmax([1000, 1001, 1002]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[2]).toBeGreaterThan(p[1] ?? 1);
    expect(isDistribution(p)).toBe(true);
    expect(isDistribution([2, -1])).toBe(false);
  });
  it('ranks the k largest, largest first, ties by index', () => {
    expect(topK([0.1, 0.4, 0.2, 0.4, 0.05], 3)).toEqual([
      { index: 1, probability: 0.4 },
      { index: 3, probability: 0.4 },
      { index: 2, probability: 0.2 },
    ]);
    expect(topK([0.5], 5)).toHaveLength(1);
  });
});

describe('summarize', () => {
  it('gives min, max, mean and a histogram; skips non-finite values', () => {
    const s = summarize([0, 1, 2, 3, NaN, Infinity], 3);
    expect(s).toMatchObject({ count: 4, min: 0, max: 3, mean: 1.5, nonFinite: 2 });
    // Bins [0, 1), [1, 2), [2, 3]: the maximum falls in the last bin.
    expect(s.histogram).toEqual([1, 1, 2]);
  });
  it('puts a constant tensor in one bin', () => {
    expect(summarize([2, 2, 2], 4).histogram).toEqual([3, 0, 0, 0]);
  });
});

describe('latencyStats', () => {
  it('gives the median and the spread', () => {
    const s = latencyStats([5, 1, 3, 2, 4]);
    expect(s.median).toBe(3);
    expect(s.min).toBe(1);
    expect(s.runs).toBe(5);
    expect(s.p10).toBeCloseTo(1.4, 6);
    expect(s.p90).toBeCloseTo(4.6, 6);
    expect(s.spread).toBeCloseTo(3.2 / 3, 6);
    expect(Number.isNaN(latencyStats([]).median)).toBe(true);
  });
});
