import { describe, expect, it } from 'vitest';
import { trainEventProblem, type TrainEvent } from './protocol';
import { splitNetOutcomeProblem, splitNetRequestProblem } from './splitnet-messages';

const request = {
  levels: [
    { at: 'n5', groups: 2 },
    { at: 'n12', groups: 2 },
  ],
  terms: { overlap: 1, weight: 1, balance: 10 },
  groupingSteps: 200,
  fineTuneSteps: 0,
};

describe('the SplitNet part of the training messages', () => {
  it('accepts a two-level request with the authors’ γ and no fine-tuning', () => {
    expect(splitNetRequestProblem(request)).toBeUndefined();
  });

  it.each([
    ['one group', { ...request, levels: [{ at: 'n5', groups: 1 }] }, 'levels.0.groups'],
    [
      'five levels',
      { ...request, levels: Array.from({ length: 5 }, () => ({ at: 'n5', groups: 2 })) },
      'levels',
    ],
    ['no levels', { ...request, levels: [] }, 'levels'],
    ['an unnamed split point', { ...request, levels: [{ at: '', groups: 2 }] }, 'levels.0.at'],
    ['a negative γ', { ...request, terms: { ...request.terms, balance: -1 } }, 'terms.balance'],
    ['a γ past the bound', { ...request, terms: { ...request.terms, overlap: 101 } }, 'terms.overlap'],
    ['a fractional step count', { ...request, groupingSteps: 2.5 }, 'groupingSteps'],
    ['no grouping steps', { ...request, groupingSteps: 0 }, 'groupingSteps'],
    ['negative fine-tuning', { ...request, fineTuneSteps: -1 }, 'fineTuneSteps'],
  ])('refuses %s, naming the field', (_, bad, path) => {
    expect(splitNetRequestProblem(bad)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}:`));
  });

  const outcome = {
    design: { name: 'small', nodes: [], edges: [] },
    levels: request.levels,
    classes: [
      [0, 8],
      [1, 9],
      [2, 4, 6],
      [3, 5, 7],
    ],
    fineTuned: 0,
  };

  it('accepts a split design with each leaf’s classes', () => {
    expect(splitNetOutcomeProblem(outcome)).toBeUndefined();
  });

  it.each([
    ['a design without edges', { ...outcome, design: { name: 'x', nodes: [] } }, 'design'],
    ['a class that is not a whole number', { ...outcome, classes: [[0.5], [1]] }, 'classes.0.0'],
    ['a single leaf', { ...outcome, classes: [[0, 1]] }, 'classes'],
    ['no levels', { ...outcome, levels: [] }, 'levels'],
  ])('refuses an outcome with %s', (_, bad, path) => {
    expect(splitNetOutcomeProblem(bad)).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}:`));
  });

  it('checks a done message’s split, and lets every other message through', () => {
    const done = (split: unknown): TrainEvent =>
      ({ type: 'done', stopped: false, weights: undefined, result: undefined, split }) as TrainEvent;
    expect(trainEventProblem(done(outcome))).toBeUndefined();
    expect(trainEventProblem(done({ ...outcome, classes: 'all' }))).toMatch(/^classes:/);
    expect(
      trainEventProblem({ type: 'done', stopped: true, weights: undefined, result: undefined }),
    ).toBeUndefined();
    expect(trainEventProblem({ type: 'paused', paused: true })).toBeUndefined();
  });
});
