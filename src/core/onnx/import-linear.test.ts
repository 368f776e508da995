import { describe, expect, it } from 'vitest';
import { scalingGraphs } from '../../../test-support/scaling-graphs';
import { countWork } from '../../../test-support/work-probe';
import { importModel } from './import/import';

/**
 * Import stays linear, checked without a clock: the work the import does (collection sizes walked
 * or copied, test-support/work-probe.ts) on 4× the nodes is about 4× (linear), never about 16×
 * (quadratic). The bench (`npm run bench -- import`) gives the times.
 */
describe('import does work linear in the nodes', () => {
  const work = (make: (n: number) => Uint8Array, n: number): number => {
    const bytes = make(n);
    let ok = false;
    const w = countWork(() => {
      const r = importModel(bytes);
      ok = r.ok && r.invalid === undefined;
    });
    expect(ok).toBe(true);
    return w;
  };

  it.each(Object.entries(scalingGraphs))('%s: 4× the nodes, under 6× the work', (_name, make) => {
    const small = work(make, 400);
    const large = work(make, 1_600);
    expect(large / small).toBeGreaterThan(3);
    expect(large / small).toBeLessThan(6);
  });

  it('equal settings share one params object, so the analysis validates and expands them once', () => {
    const r = importModel(scalingGraphs['1×1 convs']?.(2_000) ?? new Uint8Array());
    if (!r.ok) throw new Error(r.error);
    const blocks = r.design.nodes.filter((n) => n.kind !== 'Input' && n.kind !== 'Output');
    expect(blocks).toHaveLength(1_000);
    expect(new Set(blocks.map((n) => n.params)).size).toBe(1);
  });

  it('catches a scan of a growing list per node (the probe itself)', () => {
    const quadratic = (n: number): number =>
      countWork(() => {
        const seen: number[] = [];
        for (let i = 0; i < n; i++) if (!seen.includes(i)) seen.push(i);
        // Built from a list per item, as `new Map(all.map(...))` inside a loop would be.
        for (let i = 0; i < n; i += 10) new Set(seen);
      });
    expect(quadratic(1_600) / quadratic(400)).toBeGreaterThan(12);
  });
});
