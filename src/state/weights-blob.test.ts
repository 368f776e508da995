import { describe, expect, it } from 'vitest';
import type { DesignWeights } from '../core/design/design-types';
import { packWeights, unpackWeights, type PackedWeights } from './weights-blob';

const weights: DesignWeights = {
  source: 'net.onnx',
  layers: {
    n2: { weight: Float32Array.from([1, -2.5, 3]), bias: Float32Array.from([0.25]) },
    'n3/expand': { weight: Float32Array.from([Math.fround(0.1), 7]) },
    n4: { running_var: new Float32Array(0) },
  },
};

describe('weights in IndexedDB: one Blob and an index', () => {
  it('packs every value into one Blob of 4 bytes a value, and unpacks the same values', async () => {
    const packed = packWeights(weights);
    expect(packed.blob.size).toBe((3 + 1 + 2 + 0) * 4);
    expect(packed.index).toEqual([
      ['n2', 'weight', 3],
      ['n2', 'bias', 1],
      ['n3/expand', 'weight', 2],
      ['n4', 'running_var', 0],
    ]);
    expect(await unpackWeights(packed)).toEqual(weights);
  });

  it('opens without weights when the index does not fit the bytes', async () => {
    const packed = packWeights(weights);
    const short: PackedWeights = { ...packed, index: [...packed.index, ['n5', 'weight', 1]] };
    expect(await unpackWeights(short)).toBeUndefined();
    const long: PackedWeights = { ...packed, index: packed.index.slice(1) };
    expect(await unpackWeights(long)).toBeUndefined();
    const negative: PackedWeights = { ...packed, index: [['n2', 'weight', -1]] };
    expect(await unpackWeights(negative)).toBeUndefined();
  });

  it('hands earlier saves (arrays, base64 text) on as they were', async () => {
    expect(await unpackWeights(weights)).toBe(weights);
    const text = { source: 'old', layers: { n2: { weight: 'AACAPw==' } } };
    expect(await unpackWeights(text)).toBe(text);
    expect(await unpackWeights(undefined)).toBeUndefined();
  });
});
