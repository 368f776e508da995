import { describe, expect, it } from 'vitest';
import { findPreset } from '../presets/registry';
import { analyze } from './analyze';
import { checkBudgets, costliestNodes, fitWidth } from './budget';
import { scaleChannels, scaleDesign } from './scale';

const v2 = () => {
  const p = findPreset('mobilenet_v2');
  if (p === undefined) throw new Error('missing preset');
  return p.build();
};

describe('budgets', () => {
  it('flags the figures over their limit', () => {
    const a = analyze(v2());
    const checks = checkBudgets(a, { multiplyAdds: 250e6, params: 4e6 });
    expect(checks.map((c) => [c.figure, c.over])).toEqual([
      ['multiplyAdds', true],
      ['params', false],
    ]);
    expect(checks[0]?.value).toBe(300_774_272);
  });

  it('points at the nodes that cost most', () => {
    const a = analyze(v2());
    const top = costliestNodes(a, 'params', 2);
    expect(top).toHaveLength(2);
    expect(top[0]?.value).toBeGreaterThanOrEqual(top[1]?.value ?? 0);
    // The classifier (1280·1000 + 1000) is the largest single node in params.
    expect(a.design.nodes.find((n) => n.id === top[0]?.nodeId)?.kind).toBe('Linear');
  });
});

describe('uniform width scaling (MorphNet)', () => {
  it.each([
    [32, 0.5, 16],
    [24, 0.75, 24],
    [96, 0.35, 48],
    [240, 0.5, 120],
    [116, 0.5, 60],
    [3, 2, 6],
  ])('scales %i channels by %f to %i', (c, w, out) => {
    expect(scaleChannels(c, w)).toBe(out);
  });

  it('keeps the classifier width and changes the resolution', () => {
    const a = analyze(scaleDesign(v2(), { width: 0.5, resolution: 160 }));
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const layers = a.layers;
    expect(layers[0]?.outputShapes[0]).toEqual([1, 3, 160, 160]);
    expect(layers[layers.length - 1]?.inputShapes[0]).toEqual([1, 1000]);
    expect(a.totals.multiplyAdds).toBeLessThan(300_774_272 / 4);
  });

  it('fits the largest width within a multiply-add budget', () => {
    const fit = fitWidth(v2(), { multiplyAdds: 150e6 });
    expect(fit).toBeDefined();
    if (fit === undefined) return;
    expect(fit.analysis.totals.multiplyAdds).toBeLessThanOrEqual(150e6);
    const wider = analyze(scaleDesign(v2(), { width: fit.width + 0.05 }));
    expect(wider.totals.multiplyAdds).toBeGreaterThan(150e6);
    expect(fit.width).toBeGreaterThan(0.5);
    expect(fit.width).toBeLessThan(1);
  });

  it('gives up when even the narrowest design is over budget', () => {
    expect(fitWidth(v2(), { params: 1000 })).toBeUndefined();
  });
});
