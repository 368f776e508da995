import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { findPreset } from './preset-registry';
import type { PresetDef } from './preset-types';

// What every SqueezeNet and MobileNet preset promises, whatever its figures.
const names = [
  'squeezenet1_0',
  'squeezenet1_1',
  'mobilenet_v1',
  'mobilenet_v1_conv',
  'mobilenet_v2',
  'mobilenet_v3_small',
  'mobilenet_v3_large',
];
const preset = (name: string): PresetDef => {
  const p = findPreset(name);
  if (p === undefined) throw new Error(`${name} is not registered`);
  return p;
};

describe.each(names)('%s', (name) => {
  const p = preset(name);

  it('reads 1×3×224×224, ends with one Output of 1000 classes, labels unique', () => {
    const design = p.build();
    const a = analyze(design);
    expect(a.diagnostics).toEqual([]);
    expect(a.layers[0]?.outputShapes[0]).toEqual([1, 3, 224, 224]);
    expect(design.nodes.filter((n) => n.kind === 'Output')).toHaveLength(1);
    expect(design.nodes.at(-1)?.kind).toBe('Output');
    expect(a.layers.at(-1)?.inputShapes[0]).toEqual([1, 1000]);
    expect(new Set(design.nodes.map((n) => n.label)).size).toBe(design.nodes.length);
  });

  it('builds every tabulated width and resolution without a diagnostic', () => {
    for (const width of p.options.width ?? [undefined])
      for (const resolution of p.options.resolution ?? [undefined])
        expect(analyze(p.build({ width, resolution })).diagnostics).toEqual([]);
  });

  it('lists paper figures, each naming its table, only for options it offers', () => {
    // SqueezeNet 1.1 is the authors' release, not a paper: it has no printed figures.
    expect(p.paperFigures.length > 0).toBe(name !== 'squeezenet1_1');
    for (const f of p.paperFigures) {
      expect(f.source.ref).toMatch(/^Tables? \d/);
      if (f.options.width !== undefined) expect(p.options.width).toContain(f.options.width);
      if (f.options.resolution !== undefined) expect(p.options.resolution).toContain(f.options.resolution);
    }
  });

  it('takes a class count', () => {
    const a = analyze(p.build({ classes: 10 }));
    expect(a.layers.at(-1)?.inputShapes[0]).toEqual([1, 10]);
  });

  it.each([{ width: 0 }, { width: Number.NaN }, { resolution: 100.5 }, { resolution: 0 }, { classes: -1 }])(
    'refuses %o with a RangeError that names the option',
    (options) => {
      expect(() => p.build(options)).toThrow(RangeError);
      expect(() => p.build(options)).toThrow(Object.keys(options)[0]);
    },
  );
});
