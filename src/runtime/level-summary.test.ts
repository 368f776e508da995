import { describe, expect, it } from 'vitest';
import { levelRun, topFiveOverlap } from './level-summary';

describe('NestedNet level runs', () => {
  it('ranks the softmax of logits, largest first, and takes the median latency', () => {
    const logits = Float32Array.from([0, 3, 1, 5, 2, 4, -1]);
    const r = levelRun(0.5, [4, 1, 3, 2, 5], [{ name: 'logits', shape: [1, 7], data: logits }]);
    expect(r.top5.map((x) => x.index)).toEqual([3, 5, 1, 4, 2]);
    // softmax by hand: e^5 / Σ e^x
    const sum = [0, 3, 1, 5, 2, 4, -1].reduce((s, x) => s + Math.exp(x), 0);
    expect(r.top5[0]?.probability).toBeCloseTo(Math.exp(5) / sum, 6);
    expect(r.latency.median).toBe(3);
    expect(r.width).toBe(0.5);
    expect(r.classes).toBe(7);
  });
  it('keeps an output that is already a distribution', () => {
    const probs = Float32Array.from([0.1, 0.6, 0.3]);
    expect(
      levelRun(1, [1], [{ name: 'p', shape: [1, 3], data: probs }]).top5.map((x) => x.probability),
    ).toEqual([probs[1], probs[2], probs[0]]);
  });
  it('counts the classes two top-5 lists share', () => {
    const a = [1, 2, 3, 4, 5].map((index) => ({ index, probability: 0 }));
    const b = [5, 6, 1, 7, 8].map((index) => ({ index, probability: 0 }));
    expect(topFiveOverlap(a, b)).toBe(2);
  });
});
