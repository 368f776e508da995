import { describe, expect, it } from 'vitest';
import { assignmentFromWeights } from './splitnet-affinity';

/**
 * Eight classes over 4 features built with a known hierarchy: classes 0, 3, 5, 6 read feature 1
 * and 1, 2, 4, 7 feature 2 (the first split); within them, the sign of feature 3 (0, 5 against
 * 3, 6) and of feature 4 (1, 7 against 2, 4) (the second). Small perturbations keep rows distinct.
 */
const rows: Record<number, number[]> = {
  0: [1, 0, 0.5, 0.02],
  5: [1, 0.01, 0.45, 0],
  3: [1, 0, -0.5, 0.01],
  6: [0.98, 0, -0.55, 0],
  1: [0, 1, 0.02, 0.5],
  7: [0.01, 1, 0, 0.45],
  2: [0, 1, 0, -0.5],
  4: [0, 0.97, 0.01, -0.55],
};
const weight = Float32Array.from(Array.from({ length: 8 }, (_, k) => rows[k] ?? []).flat());

describe('SplitNet class affinity from a trained classifier', () => {
  it('a 2 → 4 tree recovers the hierarchy the weights were built with', () => {
    expect(assignmentFromWeights(weight, 8, [2, 2])).toEqual([
      [0, 5],
      [3, 6],
      [1, 7],
      [2, 4],
    ]);
  });

  it('one level of 2 separates the two feature groups; 4 at once keeps near-equal sizes', () => {
    expect(assignmentFromWeights(weight, 8, [2])).toEqual([
      [0, 3, 5, 6],
      [1, 2, 4, 7],
    ]);
    const four = assignmentFromWeights(weight, 8, [4]);
    expect(four.map((g) => g.length)).toEqual([2, 2, 2, 2]);
    expect(four.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('10 classes in 3 groups: sizes 4, 3, 3, every class once', () => {
    const ten = Float32Array.from({ length: 10 * 5 }, (_, i) => Math.sin(i * 1.7));
    const groups = assignmentFromWeights(ten, 10, [3]);
    expect(groups.map((g) => g.length).sort()).toEqual([3, 3, 4]);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
