import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { findPreset } from './registry';
import { shufflenetV1 } from './shufflenet-v1';
import type { PresetDef, PresetOptions } from './types';

const M = 1e6;
const millions = (n: number, digits: number): number => Number((n / M).toFixed(digits));

function run(preset: PresetDef, options?: PresetOptions) {
  const a = analyze(preset.build(options));
  const fc = a.layers.filter((l) => l.op === 'Linear').reduce((s, l) => s + l.cost.multiplyAdds, 0);
  return { a, params: a.totals.params, multiplyAdds: a.totals.multiplyAdds, fc };
}

function preset(name: string): PresetDef {
  const p = findPreset(name);
  if (p === undefined) throw new Error(`no preset ${name}`);
  return p;
}

// DESIGN.md section 3, ShuffleNetV2 (authors' layout), and the exact counts of this build
// (cross-checked against an independent closed-form count of megvii's ShuffleNetV2 code).
const v2 = [
  {
    name: 'shufflenet_v2_x0_5',
    paper: { params: 1.4, multiplyAdds: 41 },
    params: 1_365_792,
    multiplyAdds: 40_476_448,
  },
  {
    name: 'shufflenet_v2_x1_0',
    paper: { params: 2.3, multiplyAdds: 146 },
    params: 2_278_760,
    multiplyAdds: 145_814_296,
  },
  {
    name: 'shufflenet_v2_x1_5',
    paper: { params: 3.5, multiplyAdds: 299 },
    params: 3_506_720,
    multiplyAdds: 298_970_656,
  },
  {
    name: 'shufflenet_v2_x2_0',
    paper: { params: 7.4, multiplyAdds: 591 },
    params: 7_402_600,
    multiplyAdds: 590_783_000,
  },
];

describe('ShuffleNetV2 presets', () => {
  it.each(v2)('$name lists the paper figures', ({ name, paper }) => {
    const [fig] = preset(name).paperFigures;
    expect(fig?.params).toBe(paper.params * M);
    expect(fig?.multiplyAdds).toBe(paper.multiplyAdds * M);
  });

  it.each(v2)('$name builds to $params params and $multiplyAdds multiply-adds', ({ name, ...want }) => {
    const r = run(preset(name));
    expect(r.a.diagnostics).toEqual([]);
    expect(r.params).toBe(want.params);
    expect(r.multiplyAdds).toBe(want.multiplyAdds);
  });

  it.each(v2)('$name matches the paper’s params to 0.1M', ({ name, paper }) => {
    expect(millions(run(preset(name)).params, 1)).toBe(paper.params);
  });

  // 0.5× builds to 40.48M against the printed 41M: conv + FC only, as the authors say they count
  // (megvii ShuffleNet-Series issue #12). The 24k shortfall is not in the layout, which matches the
  // authors' code layer for layer; the other three widths round to the printed figure.
  it.each(v2.filter((r) => r.name !== 'shufflenet_v2_x0_5'))(
    '$name matches the paper’s multiply-adds to 1M',
    ({ name, paper }) => {
      expect(Math.round(run(preset(name)).multiplyAdds / M)).toBe(paper.multiplyAdds);
    },
  );

  it('0.5× falls short of rounding up to the printed 41M by under 25k multiply-adds', () => {
    const { multiplyAdds } = run(preset('shufflenet_v2_x0_5'));
    expect(40.5 * M - multiplyAdds).toBeGreaterThan(0);
    expect(40.5 * M - multiplyAdds).toBeLessThan(25_000);
  });
});

// DESIGN.md section 3, ShuffleNetV1 1× (Table 1 complexity), and this build's exact counts.
const v1 = [
  { groups: 1, paper: 143, multiplyAdds: 143_078_976, params: 1_530_936 },
  { groups: 2, paper: 140, multiplyAdds: 140_836_512, params: 1_732_848 },
  { groups: 3, paper: 137, multiplyAdds: 137_460_672, params: 1_864_728 },
  { groups: 4, paper: 133, multiplyAdds: 134_339_776, params: 1_967_344 },
  { groups: 8, paper: 137, multiplyAdds: 138_365_952, params: 2_433_768 },
];

describe('ShuffleNetV1 preset', () => {
  it.each(v1)('g$groups lists the paper figure', ({ groups, paper }) => {
    const fig = shufflenetV1.paperFigures.find((f) => f.options.groups === groups);
    expect(fig?.multiplyAdds).toBe(paper * M);
  });

  it.each(v1)('g$groups builds to $multiplyAdds multiply-adds', ({ groups, multiplyAdds, params }) => {
    const r = run(shufflenetV1, { groups });
    expect(r.a.diagnostics).toEqual([]);
    expect(r.multiplyAdds).toBe(multiplyAdds);
    expect(r.params).toBe(params);
  });

  // Table 1's complexity row matches for all five group counts once the 1000-way classifier is left
  // out: with it g = 2, 4, 8 come to 141M, 134M, 138M. The row counts the convolutional body only.
  it.each(v1)('g$groups matches Table 1 ($paper M) without the classifier', ({ groups, paper }) => {
    const r = run(shufflenetV1, { groups });
    expect(Math.round((r.multiplyAdds - r.fc) / M)).toBe(paper);
  });

  it.each([0.5, 0.25])('builds at width %s for every group count', (width) => {
    for (const groups of [1, 2, 3, 4, 8]) {
      const r = run(shufflenetV1, { groups, width });
      expect(r.a.diagnostics).toEqual([]);
      expect(r.multiplyAdds).toBeLessThan(width * 143 * M);
    }
  });

  it('at 0.5× g3 has the authors’ widths: stem 12, stages 120/240/480', () => {
    const { a } = run(shufflenetV1, { groups: 3, width: 0.5 });
    const out = (label: string) => a.layers.find((l) => l.name === label)?.outputShapes[0]?.[1];
    expect([out('conv1'), out('stage2.3/relu'), out('stage3.7/relu'), out('stage4.3/relu')]).toEqual([
      12, 120, 240, 480,
    ]);
  });

  it('rejects a group count the paper does not tabulate', () => {
    expect(() => shufflenetV1.build({ groups: 5 })).toThrow(RangeError);
  });
});

describe('every ShuffleNet preset', () => {
  const names = ['shufflenet_v1', ...v2.map((r) => r.name)];

  it.each(names)('%s: labelled stages, classes out, an Output at the end', (name) => {
    const design = preset(name).build();
    const labels = design.nodes.map((n) => n.label);
    for (const [stage, count] of [
      [2, 4],
      [3, 8],
      [4, 4],
    ] as const)
      for (let i = 0; i < count; i++) expect(labels).toContain(`stage${stage}.${i}`);
    expect(design.nodes.at(-1)?.kind).toBe('Output');
    const { a } = run(preset(name));
    expect(a.layers.find((l) => l.op === 'Linear')?.outputShapes[0]).toEqual([1, 1000]);
  });

  it.each(names)('%s: takes resolution and classes', (name) => {
    const { a } = run(preset(name), { resolution: 160, classes: 10 });
    expect(a.diagnostics).toEqual([]);
    expect(a.layers.find((l) => l.op === 'GlobalAvgPool')?.inputShapes[0]?.slice(2)).toEqual([5, 5]);
    expect(a.layers.find((l) => l.op === 'Linear')?.outputShapes[0]).toEqual([1, 10]);
  });
});
