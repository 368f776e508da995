import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import type { TrainingResult } from '../document/results';
import { trainedHash } from '../document/design-hash';
import * as edit from '../design/edit';
import { latestResult } from './latest';

function design(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 1, height: 8, width: 8 }, [], 'image');
  const c = g.add('Conv2d', { outChannels: 4, kernel: [3, 3], padding: [1, 1] }, [x], 'conv');
  const p = g.add('GlobalAvgPool', {}, [c], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return g.design('d');
}

const result = (id: string, hash: string, top1: number) =>
  ({
    id,
    designHash: hash,
    top1,
    engine: 'tfjs-wasm',
    dataset: { name: 'fashion-mnist' },
  }) as unknown as TrainingResult;

describe('latestResult', () => {
  it('is undefined without results', () => {
    expect(latestResult(design())).toBeUndefined();
  });
  it('is the newest result, current while only weights, names or positions change', () => {
    const d = design();
    const hash = trainedHash(d);
    const newest = result('r2', hash, 0.8);
    const trained: Design = {
      ...d,
      name: 'renamed',
      weights: { source: 'r2', layers: {} },
      results: [result('r1', hash, 0.5), newest],
    };
    expect(latestResult(trained)).toEqual({ result: newest, current: true });
  });
  it('says "earlier" after a layer changed', () => {
    const d = design();
    const withResult: Design = { ...d, results: [result('r1', trainedHash(d), 0.7)] };
    const conv = d.nodes.find((n) => n.kind === 'Conv2d');
    if (conv === undefined) throw new Error('no conv');
    const edited = edit.updateParams(withResult, conv.id, { outChannels: 8 });
    expect(latestResult(edited)?.current).toBe(false);
    expect(latestResult(edited)?.result.top1).toBe(0.7);
  });
});
