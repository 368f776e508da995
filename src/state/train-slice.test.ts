import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingResult } from '../core/document/results';
import { loadDesign } from '../core/document/format';
import { splitTree } from '../core/methods/splitnet-method';
import { createStudioStore } from './store';

function small() {
  const r = loadDesign(
    JSON.parse(readFileSync(join(__dirname, '../../fixtures/train/small-cnn.json'), 'utf8')),
  );
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.design;
}

const result: TrainingResult = {
  id: 'r-split',
  engine: 'tfjs-wasm',
  dataset: { name: 'fashion-mnist', split: 'test', classes: 10, trainImages: 100, evalImages: 10 },
  top1: 0.5,
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
  date: '2026-12-08T03:00:00Z',
  seconds: 1,
  designHash: '',
  costs: { params: 0, multiplyAdds: 0, memoryAccess: 0 },
};

/**
 * The small CNN (1×28×28; conv1 3×3 1→16, pool; depthwise 3×3 16, pointwise 16→32, pool; conv4 3×3
 * 32→64; global pooling; fc 64→10 with bias; batch norm γ, β per channel; convs without bias),
 * split after pool1 into 2 and after pool2 into 2: a copy at level j holds 1/G_j of its widths.
 */
const conv = (cin: number, cout: number, k = 3): number => cin * cout * k * k;
const unsplit = {
  params: conv(1, 16) + 32 + 16 * 9 + 32 + conv(16, 32, 1) + 64 + conv(32, 64) + 128 + 64 * 10 + 10,
  multiplyAdds:
    conv(1, 16) * 28 * 28 + 16 * 9 * 14 * 14 + conv(16, 32, 1) * 14 * 14 + conv(32, 64) * 7 * 7 + 640,
};
const tree = {
  params: conv(1, 16) + 32 + 2 * 8 * 9 + 32 + 2 * conv(8, 16, 1) + 64 + 4 * conv(8, 16) + 128 + 16 * 10 + 10,
  multiplyAdds:
    conv(1, 16) * 28 * 28 + 16 * 9 * 14 * 14 + 2 * conv(8, 16, 1) * 14 * 14 + 4 * conv(8, 16) * 7 * 7 + 160,
};

describe('a SplitNet run’s end in the studio store', () => {
  it('makes the split design the design’s, says its costs, and one undo returns to the unsplit one', () => {
    const store = createStudioStore();
    const design = small();
    store.getState().replaceDesign(design, { fresh: true });
    const levels = [
      { at: 'n5', groups: 2 },
      { at: 'n12', groups: 2 },
    ];
    const classes = [
      [0, 8],
      [1, 9, 3],
      [2, 4, 6],
      [5, 7],
    ];
    const split = splitTree(design, levels, classes);
    if (!split.ok) throw new Error(split.error);
    store.getState().trainStarted();
    store.getState().trainEvent({
      type: 'done',
      stopped: false,
      weights: { source: 'r-split', layers: {} },
      result,
      split: { design: split.design, levels, classes, fineTuned: 0 },
    });
    const state = store.getState();
    expect(state.train.status).toBe('done');
    expect(state.train.split).toEqual({
      classes,
      groups: [2, 2],
      fineTuned: 0,
      before: unsplit,
      after: tree,
    });
    expect(state.design.nodes.some((n) => n.kind === 'ClassMerge')).toBe(true);
    expect(state.design.results?.map((r) => r.id)).toEqual(['r-split']);
    store.temporal.getState().undo();
    expect(store.getState().design.nodes.map((n) => n.id)).toEqual(design.nodes.map((n) => n.id));
    expect(store.getState().design.results).toBeUndefined();
  });

  it('leaves the design alone when a split run ends without weights (stopped before a step)', () => {
    const store = createStudioStore();
    const design = small();
    store.getState().replaceDesign(design, { fresh: true });
    store.getState().trainStarted();
    store.getState().trainEvent({ type: 'done', stopped: true, weights: undefined, result: undefined });
    expect(store.getState().train.split).toBeUndefined();
    expect(store.getState().design.nodes).toHaveLength(design.nodes.length);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
