import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import type { Design } from '../../core/design/design-types';
import { findPreset } from '../../core/presets/preset-registry';
import { accuracyRow, differenceBars, pairRows, pairStatus, totalRows, type PairRow } from './compare-data';
import { resolveSource, sourceOptions } from './sources';

const preset = (name: string): Design => {
  const p = findPreset(name);
  if (p === undefined) throw new Error(name);
  return p.build();
};
const full = analyze(preset('mobilenet_v1_conv'));
const separable = analyze(preset('mobilenet_v1'));

describe('comparing two designs', () => {
  it('pairs MobileNet’s full convs with its depthwise-separable layers by structure, with closed-form figures', () => {
    const rows = pairRows(full, separable);
    const changed = rows.filter((r) => r.status === 'changed');
    expect(changed).toHaveLength(13);
    // conv2: a 3×3 conv 32 → 64 at 112×112 against depthwise 3×3 + pointwise 32 → 64 (MobileNet, Table 1).
    const first = changed[0];
    expect(first?.leftLabel).toBe('conv2');
    expect(first?.kind).toBe('DepthwiseSeparable');
    expect(first?.left.multiplyAdds).toBe(112 * 112 * 9 * 32 * 64);
    expect(first?.right.multiplyAdds).toBe(112 * 112 * (9 * 32 + 32 * 64));
    // The pairs account for every figure of both designs.
    const sum = (side: 'left' | 'right') => rows.reduce((s, r) => s + r[side].multiplyAdds, 0);
    expect(sum('left')).toBe(full.totals.multiplyAdds);
    expect(sum('right')).toBe(separable.totals.multiplyAdds);
  });
  it('gives totals with their change and ratio', () => {
    const byKey = new Map(totalRows(full, separable).map((r) => [r.key, r]));
    const madds = byKey.get('multiplyAdds');
    expect(madds?.delta).toBe(separable.totals.multiplyAdds - full.totals.multiplyAdds);
    expect(madds?.ratio).toBeCloseTo(separable.totals.multiplyAdds / full.totals.multiplyAdds, 12);
    // MobileNet, Table 4: 4866M → 569M multiply-adds, 29.3M → 4.2M params (rounded as printed).
    expect(Math.round(full.totals.multiplyAdds / 1e6)).toBeCloseTo(4866, -1);
    expect(Math.round(separable.totals.multiplyAdds / 1e6)).toBe(569);
    expect(byKey.get('params')?.ratio).toBeCloseTo(4.2 / 29.3, 2);
  });
  it('charts the largest differences first, scaled to the largest', () => {
    const bars = differenceBars(pairRows(full, separable), 'multiplyAdds', 5);
    expect(bars).toHaveLength(5);
    expect(bars[0]?.fraction).toBe(-1);
    for (const b of bars) expect(Math.abs(b.fraction)).toBeLessThanOrEqual(1);
    const sizes = bars.map((b) => Math.abs(b.delta));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    // A design against itself has nothing to chart.
    expect(differenceBars(pairRows(full, full), 'params', 10)).toEqual([]);
  });
  it('offers the session’s designs, every preset and every example, and resolves them', () => {
    const design = preset('squeezenet1_0');
    expect(sourceOptions(false).some((o) => o.id === 'baseline')).toBe(false);
    const options = sourceOptions(true);
    expect(options.slice(0, 2).map((o) => o.id)).toEqual(['current', 'baseline']);
    for (const o of options) expect(resolveSource(o.id, { design, baseline: design }), o.id).toBeDefined();
    expect(resolveSource('baseline', { design, baseline: undefined })).toBeUndefined();
    expect(resolveSource('preset:nope', { design, baseline: undefined })).toBeUndefined();
  });
});

describe('accuracyRow', () => {
  const r = (id: string, dataset: string, top1: number) => ({ id, dataset: { name: dataset }, top1 });
  const design = (results: ReturnType<typeof r>[]) =>
    ({ name: 'd', nodes: [], edges: [], results }) as unknown as Design;

  it('pairs the newest results on a dataset both sides were trained on', () => {
    const left = design([r('a', 'fashion-mnist', 0.8), r('b', 'pets', 0.5), r('c', 'fashion-mnist', 0.82)]);
    const right = design([r('d', 'fashion-mnist', 0.86), r('e', 'flowers', 0.7)]);
    // "flowers" is the right side's newest but the left has none on it: Fashion-MNIST it is.
    const row = accuracyRow(left, right);
    expect(row?.dataset).toBe('fashion-mnist');
    expect(row?.left).toBe(0.82);
    expect(row?.right).toBe(0.86);
    expect(row?.delta).toBeCloseTo(0.04, 12);
  });

  it('is undefined when either side is untrained or they share no dataset', () => {
    expect(accuracyRow(design([]), design([r('a', 'x', 1)]))).toBeUndefined();
    expect(accuracyRow(design([r('a', 'x', 1)]), design([r('b', 'y', 1)]))).toBeUndefined();
  });
});

describe('pairStatus', () => {
  const row = (status: PairRow['status'], left: number[], right: number[]): PairRow => ({
    position: 1,
    status,
    kind: 'Conv2d',
    leftLabel: 'a',
    rightLabel: 'b',
    left: { multiplyAdds: left[0] ?? 0, params: left[1] ?? 0, memoryAccess: left[2] ?? 0 },
    right: { multiplyAdds: right[0] ?? 0, params: right[1] ?? 0, memoryAccess: right[2] ?? 0 },
    changes: [],
  });

  it('tags a pair changed only when the figure shown differs exactly', () => {
    // The diff calls it changed (its memory access moved), but its multiply-adds and params did not.
    const moved = row('changed', [1_204_224, 864, 10_000], [1_204_224, 864, 12_544]);
    expect(pairStatus(moved, 'multiplyAdds')).toBe('same');
    expect(pairStatus(moved, 'params')).toBe('same');
    expect(pairStatus(moved, 'memoryAccess')).toBe('changed');
    // Differences that round away in the text (1.20M both ways) still count.
    expect(pairStatus(row('same', [1_204_224, 0, 0], [1_204_227, 0, 0]), 'multiplyAdds')).toBe('changed');
  });

  it('keeps one-sided rows as they are', () => {
    expect(pairStatus(row('added', [0, 0, 0], [5, 5, 5]), 'params')).toBe('added');
    expect(pairStatus(row('removed', [5, 5, 5], [0, 0, 0]), 'params')).toBe('removed');
  });

  it('finds no changed pair for a renamed layer, and exactly the 13 rewritten ones in MobileNet', () => {
    const rows = pairRows(full, separable);
    for (const f of ['multiplyAdds', 'params', 'memoryAccess'] as const) {
      expect(rows.filter((r) => pairStatus(r, f) === 'changed')).toHaveLength(13);
      expect(pairRows(full, full).every((r) => pairStatus(r, f) === 'same')).toBe(true);
    }
  });
});
