import { describe, expect, it } from 'vitest';
import { findPreset } from '../presets/preset-registry';
import { analyze } from './analyze';
import { checkBudgets, costliestNodes, fitWidth } from './budget';
import { GraphBuilder } from '../design/builder';
import { smallCnn } from '../examples/small-cnn';
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
  // MorphNet (Gordon et al. 2018) resizes each layer to any width: round(c·w), at least 1.
  it.each([
    [32, 0.5, 16],
    [24, 0.75, 18],
    [96, 0.35, 34],
    [240, 0.5, 120],
    [116, 0.5, 58],
    [32, 1.06, 34],
    [3, 2, 6],
    [3, 0.1, 1],
  ])('scales %i channels by %f to %i (to the channel)', (c, w, out) => {
    expect(scaleChannels(c, w)).toBe(out);
  });

  // torchvision's _make_divisible(v, 8): max(8, ⌊v + 4⌋ rounded down to 8), + 8 when below 0.9·v.
  it.each([
    [32, 0.5, 16],
    [24, 0.75, 24], // 18 → 16 < 16.2 → 24
    [96, 0.35, 32], // 33.6 → 32
    [116, 0.5, 56], // 58 → 56
    [32, 1.06, 32], // 33.92 → 32
    [3, 0.1, 8],
  ])('scales %i channels by %f to %i (a multiple of 8)', (c, w, out) => {
    expect(scaleChannels(c, w, 8)).toBe(out);
  });

  it('a kind with groups rounds to a multiple of them; an invalid result keeps the divisibility it had', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 24, height: 8, width: 8 }, []);
    const a = g.add('Conv2d', { outChannels: 48, kernel: [1, 1], padding: [0, 0], groups: 3 }, [x], 'a');
    // b's groups (4) also divide a's width: a to the channel (48·0.9 = 43.2 → 42, the nearest multiple of 3)
    // would break b, so every width keeps its divisibility: 43.2 in steps of gcd(48, 24) = 24 → 48.
    const b = g.add('Conv2d', { outChannels: 40, kernel: [1, 1], padding: [0, 0], groups: 4 }, [a], 'b');
    g.output(b);
    const scaled = scaleDesign(g.design('groups'), { width: 0.9 });
    const width = (label: string) =>
      (scaled.nodes.find((n) => n.label === label)?.params as { outChannels: number }).outChannels;
    expect(analyze(scaled).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(width('a')).toBe(48);
    expect(width('b')).toBe(40); // 36 in steps of gcd(40, 24) = 8: 40
    const alone = new GraphBuilder();
    const y = alone.add('Input', { channels: 24, height: 8, width: 8 }, []);
    alone.output(
      alone.add('Conv2d', { outChannels: 48, kernel: [1, 1], padding: [0, 0], groups: 3 }, [y], 'a'),
    );
    const one = scaleDesign(alone.design('one'), { width: 0.9 });
    expect((one.nodes.find((n) => n.label === 'a')?.params as { outChannels: number }).outChannels).toBe(42);
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

  it('widths to the channel fill a budget to within one step of the multiplier (MorphNet)', () => {
    // The small CNN (convs 3 → c1 → c2 → c2, 10 classes): c1·27·32² + (c2·c1 + c2²)·9·16² + 10·c2.
    const madds = (c1: number, c2: number): number =>
      c1 * 27 * 1024 + (c2 * c1 + c2 * c2) * 9 * 256 + 10 * c2;
    const budget = 2 * madds(32, 64);
    // The closed form: the widest w (hundredths) with round(32w), round(64w) within the budget.
    let best = 0;
    for (let h = 5; h <= 400; h++)
      if (madds(Math.round(0.32 * h), Math.round(0.64 * h)) <= budget) best = h / 100;
    const fit = fitWidth(smallCnn('s'), { multiplyAdds: budget });
    expect(fit?.width).toBe(best);
    expect(fit?.analysis.totals.multiplyAdds).toBe(madds(Math.round(32 * best), Math.round(64 * best)));
    expect((fit?.analysis.totals.multiplyAdds ?? 0) / budget).toBeGreaterThan(0.97);
  });

  it('with rounding to 8, the widest multiplier whose widths are torchvision’s multiples of 8', () => {
    const madds = (c1: number, c2: number): number =>
      c1 * 27 * 1024 + (c2 * c1 + c2 * c2) * 9 * 256 + 10 * c2;
    // torchvision's _make_divisible(v, 8): int(v + 4) // 8 · 8, at least 8, plus 8 if under 0.9·v.
    const divisible = (v: number): number => {
      const n = Math.max(8, Math.floor((v + 4) / 8) * 8);
      return n < 0.9 * v ? n + 8 : n;
    };
    const budget = 2 * madds(32, 64);
    let best = 0;
    for (let h = 5; h <= 400; h++)
      if (madds(divisible(0.32 * h), divisible(0.64 * h)) <= budget) best = h / 100;
    const fit = fitWidth(smallCnn('s'), { multiplyAdds: budget }, 4, undefined, 8);
    expect(fit?.width).toBe(best);
    expect(fit?.analysis.totals.multiplyAdds).toBe(madds(divisible(32 * best), divisible(64 * best)));
    // Coarser steps than to the channel: the fit reaches no further than MorphNet's own.
    const channel = fitWidth(smallCnn('s'), { multiplyAdds: budget });
    expect(fit?.analysis.totals.multiplyAdds).toBeLessThanOrEqual(channel?.analysis.totals.multiplyAdds ?? 0);
  });

  it('gives up when even the narrowest design is over budget', () => {
    expect(fitWidth(v2(), { params: 1000 })).toBeUndefined();
  });
});
