import { describe, expect, it } from 'vitest';
import type { TrainingResult } from '../document/results';
import type { Design } from '../design/design-types';
import { trainedBy } from './provenance';

const result = {
  id: 'r1',
  top1: 0.894,
  epochs: 3,
  dataset: { name: 'fashion-mnist' },
} as unknown as TrainingResult;
const base: Design = { name: 'd', nodes: [], edges: [] };

describe('trainedBy', () => {
  it('finds the result the weights name as their source', () => {
    expect(trainedBy({ ...base, weights: { source: 'r1', layers: {} }, results: [result] })).toBe(result);
  });
  it('reads the engine’s own source, "<dataset> (trained)", as the newest result on that dataset', () => {
    const older = { ...result, id: 'r0' };
    const design = {
      ...base,
      weights: { source: 'fashion-mnist (trained)', layers: {} },
      results: [older, result],
    };
    expect(trainedBy(design)).toBe(result);
    expect(trainedBy({ ...design, weights: { source: 'pets (trained)', layers: {} } })).toBeUndefined();
  });
  it('is undefined for imported weights, for no weights, and for a result of other weights', () => {
    expect(
      trainedBy({ ...base, weights: { source: 'model.onnx', layers: {} }, results: [result] }),
    ).toBeUndefined();
    expect(trainedBy({ ...base, results: [result] })).toBeUndefined();
    expect(trainedBy({ ...base, weights: { source: 'r2', layers: {} }, results: [result] })).toBeUndefined();
  });
});
