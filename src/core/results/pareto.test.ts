import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from './pareto';

describe('paretoFront', () => {
  it('keeps the points nothing beats on both cost and accuracy (a set worked by hand)', () => {
    // A: cheap and weak; B: dominated by C (costlier and less accurate); C and E on the front;
    // D dominated by E (same cost, less accurate); F costs most and is no better than E.
    const pts = [
      { name: 'A', cost: 10, accuracy: 0.6 },
      { name: 'B', cost: 40, accuracy: 0.7 },
      { name: 'C', cost: 30, accuracy: 0.75 },
      { name: 'D', cost: 50, accuracy: 0.8 },
      { name: 'E', cost: 50, accuracy: 0.85 },
      { name: 'F', cost: 90, accuracy: 0.85 },
    ];
    expect(paretoFront(pts).map((p) => p.name)).toEqual(['A', 'C', 'E']);
  });

  it('brute force agrees: a point is on the front exactly when no other point dominates it', () => {
    let s = 7;
    const rand = () => (s = (s * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 50; trial++) {
      const pts = Array.from({ length: 12 }, () => ({
        cost: Math.floor(rand() * 8),
        accuracy: Math.floor(rand() * 8) / 8,
      }));
      const front = paretoFront(pts);
      for (const p of pts) {
        const beaten = pts.some((q) => dominates(q, p));
        const onFront = front.some((f) => f.cost === p.cost && f.accuracy === p.accuracy);
        expect(onFront).toBe(!beaten);
      }
    }
  });

  it('ignores points with a cost or accuracy that is not a number', () => {
    expect(
      paretoFront([
        { cost: Number.NaN, accuracy: 1 },
        { cost: 1, accuracy: 0.5 },
      ]),
    ).toEqual([{ cost: 1, accuracy: 0.5 }]);
  });
});
