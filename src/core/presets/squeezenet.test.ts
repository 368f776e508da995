import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { squeezenet1_0, squeezenet1_1 } from './squeezenet';
import { torchFigures } from '../../../test-support/torch-figures';

// Figures: torchvision's modules counted in PyTorch (fixtures/torch/figures.py); 1.0's params are
// also the total of Iandola et al. Table 1. Pool outputs by hand with ceil mode:
// ⌈(h − 3)/2⌉ + 1, so 109 → 54 → 27 → 13 and 111 → 55 → 27 → 13.
const versions = [
  {
    preset: squeezenet1_0,
    torch: torchFigures('squeezenet1_0'),
    table1: 1_248_424,
    stem: 109,
    pools: { 'features.2': 54, 'features.6': 27, 'features.11': 13 },
  },
  {
    preset: squeezenet1_1,
    torch: torchFigures('squeezenet1_1'),
    table1: undefined,
    stem: 111,
    pools: { 'features.2': 55, 'features.5': 27, 'features.8': 13 },
  },
];

describe.each(versions)('$preset.name', (v) => {
  const a = analyze(v.preset.build());
  const shape = (name: string) => a.layers.find((l) => l.name === name)?.outputShapes[0];

  it('has PyTorch’s params, multiply-adds and memory access, no diagnostics, and ends with Output', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.totals.params).toBe(v.torch.params);
    expect(a.totals.multiplyAdds).toBe(v.torch.multiplyAdds);
    expect(a.totals.memoryAccessConvFc).toBe(v.torch.memoryAccessConvFc);
    if (v.table1 !== undefined) expect(a.totals.params).toBe(v.table1);
    expect(a.layers.at(-1)?.op).toBe('Output');
    expect(a.layers.filter((l) => l.op === 'Linear')).toEqual([]);
  });

  it('pools in ceil mode, as torchvision does', () => {
    expect(shape('features.0')?.[2]).toBe(v.stem);
    for (const [name, size] of Object.entries(v.pools))
      expect(shape(name)).toEqual([1, expect.any(Number), size, size]);
  });

  it('classifies with a 1×1 conv to the classes, ReLU and a global average', () => {
    expect(shape('classifier.1')).toEqual([1, 1000, 13, 13]);
    expect(a.layers.slice(-5).map((l) => l.op)).toEqual([
      'Conv2d',
      'ReLU',
      'GlobalAvgPool',
      'Flatten',
      'Output',
    ]);
    expect(a.design.nodes.filter((n) => n.kind === 'Fire')).toHaveLength(8);
  });
});

describe('squeezenet at a resolution its pools cannot take', () => {
  it('reports the collapse at the pool, not a crash', () => {
    const a = analyze(squeezenet1_0.build({ resolution: 16 }));
    const errors = a.diagnostics.filter((d) => d.severity === 'error');
    const byId = new Map(a.design.nodes.map((n) => [n.id, n.label]));
    expect(errors.map((d) => [d.code, byId.get(d.nodeId ?? '')])).toEqual([['CS005', 'features.6']]);
  });
});
