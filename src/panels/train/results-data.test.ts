import { describe, expect, it } from 'vitest';
import type { TrainingResult } from '../../core/document/results';
import type { Design } from '../../core/design/design-types';
import { datasetsOf, resultPoints } from './results-data';

const result = (id: string, dataset: string, top1: number, multiplyAdds: number): TrainingResult => ({
  id,
  engine: 'tfjs-wasm',
  dataset: { name: dataset, split: 'test', classes: 10, trainImages: 100, evalImages: 10 },
  top1,
  loss: 1,
  epochs: 1,
  steps: 10,
  recipe: {
    epochs: 1,
    batch: 10,
    optimizer: 'adam',
    learningRate: 0.001,
    weightDecay: 0,
    warmupEpochs: 0,
    schedule: 'constant',
    labelSmoothing: 0,
    augment: { flip: false, crop: 0 },
    seed: 0,
  },
  date: '2026-12-07T12:00:00Z',
  seconds: 1,
  designHash: '',
  costs: { params: multiplyAdds / 10, multiplyAdds, memoryAccess: multiplyAdds * 2 },
});

const design = (name: string, results: TrainingResult[]): Design => ({ name, nodes: [], edges: [], results });

describe('the results view’s data', () => {
  const current = design('narrow', [result('a', 'fashion-mnist', 0.8, 1000), result('b', 'pets', 0.6, 1000)]);
  const baseline = design('wide', [
    result('c', 'fashion-mnist', 0.85, 4000),
    result('d', 'fashion-mnist', 0.7, 5000),
    result('a', 'fashion-mnist', 0.8, 1000),
  ]);

  it('lists datasets newest first, once each', () => {
    expect(datasetsOf([current, baseline])).toEqual(['pets', 'fashion-mnist']);
  });

  it('puts both designs’ results on one dataset together, the front by the chosen cost', () => {
    const { points, front } = resultPoints(current, baseline, 'fashion-mnist', 'multiplyAdds');
    expect(points.map((p) => [p.id, p.who, p.cost, p.accuracy])).toEqual([
      ['a', 'current', 1000, 0.8],
      ['c', 'baseline', 4000, 0.85],
      ['d', 'baseline', 5000, 0.7],
    ]);
    // d costs more than c and is less accurate: off the front.
    expect(front.map((p) => p.id)).toEqual(['a', 'c']);
    expect(
      resultPoints(current, undefined, 'fashion-mnist', 'memoryAccess').points.map((p) => p.cost),
    ).toEqual([2000]);
  });
});
