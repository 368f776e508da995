import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import type { LayerInfo } from '../analysis/analysis-types';
import { mobilenetV2 } from './mobilenet-v2';
import { torchFigures } from '../../../test-support/torch-figures';

/** fixtures/golden: every conv and linear layer of torchvision's MobileNetV2, from PyTorch hooks. */
const golden = readFileSync(
  new URL('../../../fixtures/golden/mobilenet_v2.layers.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split(/\r?\n/) // the file has Windows (CRLF) line endings
  .map((line) => line.split(',').map((cell) => cell.trim()));
const header = golden[0] ?? [];
const rows = golden.slice(1).map((cells) => {
  const col = (name: string): string => cells[header.indexOf(name)] ?? '';
  return {
    module: col('module'),
    type: col('type'),
    inShape: col('in_shape'),
    outShape: col('out_shape'),
    groups: Number(col('groups')),
    stride: col('stride'),
    macs: Number(col('macs')),
    weights: Number(col('w_elems')),
    bias: Number(col('b_elems')),
    accessW: Number(col('ma_w')),
    accessWB: Number(col('ma_wb')),
  };
});

/**
 * The layer's name as a PyTorch module path: a stage's units carry torchvision's module names, so
 * "stage_2/features.3/expand" is in module features.3.
 */
const unitOf = (l: LayerInfo): string | undefined => l.name.split('/').at(-2);
const inModule = (l: LayerInfo, module: string): boolean =>
  l.block === undefined ? l.name === module : module.startsWith(`${unitOf(l) ?? ''}.`);

const params = (l: LayerInfo) => l.params as { groups?: number; stride?: readonly number[] };

describe('mobilenet_v2 (torchvision layout)', () => {
  const a = analyze(mobilenetV2.build());
  const weighted = a.layers.filter((l) => l.op === 'Conv2d' || l.op === 'Linear');

  it('matches torchvision’s module as PyTorch counts it, with no diagnostics', () => {
    const torch = torchFigures('mobilenet_v2');
    expect(a.diagnostics).toEqual([]);
    expect(a.totals.params).toBe(torch.params);
    expect(a.totals.buffers).toBe(torch.buffers);
    expect(a.totals.multiplyAdds).toBe(torch.multiplyAdds);
    expect(a.totals.memoryAccessConvFc).toBe(torch.memoryAccessConvFc);
    expect(a.layers.at(-1)?.op).toBe('Output');
  });

  it('gives Table 4’s 3.4M and 300M: conv and FC weights and multiply-adds, truncated as printed', () => {
    const bn = a.layers.filter((l) => l.op === 'BatchNorm').reduce((s, l) => s + l.cost.params, 0);
    expect(a.totals.params - bn).toBe(3_470_760);
    expect(Math.floor((a.totals.params - bn) / 1e5) / 10).toBe(3.4);
    expect(Math.floor(a.totals.multiplyAdds / 1e6)).toBe(300);
  });

  it('has the golden CSV’s 53 conv and linear layers, in order', () => {
    expect(weighted.map((l) => l.op)).toEqual(rows.map((r) => r.type));
  });

  it.each(rows.map((r, i) => ({ ...r, i })))('layer $i, $module', (r) => {
    const l = weighted[r.i];
    if (l === undefined) throw new Error(`no layer ${r.i}`);
    expect(inModule(l, r.module)).toBe(true);
    expect(l.inputShapes[0]?.join('x')).toBe(r.inShape);
    expect(l.outputShapes[0]?.join('x')).toBe(r.outShape);
    expect(l.cost.multiplyAdds).toBe(r.macs);
    expect(l.cost.params).toBe(r.weights + r.bias);
    expect(l.cost.memoryAccessConvFc).toBe(r.accessW);
    expect(l.cost.memoryAccess).toBe(r.accessWB);
    if (l.op === 'Conv2d') {
      expect(params(l).groups).toBe(r.groups);
      expect(params(l).stride?.join('x')).toBe(r.stride);
    }
  });

  it('is built from Table 2’s seven stages (t, c, n, s)', () => {
    const rows = mobilenetV2
      .build()
      .nodes.flatMap((n) =>
        n.kind === 'Stage'
          ? [[n.params.unitParams.expansion, n.params.outChannels, n.params.repeats, n.params.stride]]
          : [],
      );
    expect(rows).toEqual([
      [1, 16, 1, 1],
      [6, 24, 2, 2],
      [6, 32, 3, 2],
      [6, 64, 4, 2],
      [6, 96, 3, 1],
      [6, 160, 3, 2],
      [6, 320, 1, 1],
    ]);
  });

  it('places residual adds where torchvision does: stride 1 and equal widths', () => {
    const adds = a.layers.filter((l) => l.op === 'Add').map(unitOf);
    expect(adds).toEqual([3, 5, 6, 8, 9, 10, 12, 13, 15, 16].map((i) => `features.${i}`));
  });

  // Hand-rounded with make_divisible(c·α, 8): at 0.35 the stem's 11.2 rounds to 8, under 90% of
  // 11.2, so 16; the last conv never narrows below 1280; at 1.4 it widens to 1792.
  it.each([
    { width: 0.35, stem: 16, first: 8, last: 1280, resolution: 96, map: 3 },
    { width: 0.5, stem: 16, first: 8, last: 1280, resolution: 160, map: 5 },
    { width: 0.75, stem: 24, first: 16, last: 1280, resolution: 128, map: 4 },
    { width: 1.4, stem: 48, first: 24, last: 1792, resolution: 224, map: 7 },
  ])('width $width at $resolution: stem $stem, first block $first, last conv $last', (c) => {
    const b = analyze(mobilenetV2.build({ width: c.width, resolution: c.resolution }));
    expect(b.diagnostics).toEqual([]);
    const out = (name: string) => b.layers.find((l) => l.name === name)?.outputShapes[0];
    expect(out('features.0.0')?.[1]).toBe(c.stem);
    expect(out('stage_1/features.1/project')?.[1]).toBe(c.first);
    expect(out('features.18.0')).toEqual([1, c.last, c.map, c.map]);
    expect(b.layers.find((l) => l.name === 'classifier.1')?.cost.params).toBe(c.last * 1000 + 1000);
  });
});
