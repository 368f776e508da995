import { describe, expect, it } from 'vitest';
import { hierarchyWeight } from '../../../test-support/class-hierarchy';
import { assignmentFromWeights } from './splitnet-affinity';

const weight = hierarchyWeight();

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
