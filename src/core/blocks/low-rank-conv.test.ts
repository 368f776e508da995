import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';

type Params = {
  mode: 'separable' | 'basis';
  outChannels: number;
  kernel: number;
  rank: number;
  stride: number;
};
const lowRank = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('LowRankConv', p, [x], 'lr'));

// Hand counts. Separable: r·in·k at H'×W (vertical, strided in H), out·r·k at H'×W' (horizontal).
// Basis: b·in·k² at H'×W', then out·b at H'×W'. No bias, no BN.
const cases = [
  {
    name: 'separable 3×3, r16, stride 1',
    input: [64, 32, 32],
    p: { mode: 'separable', outChannels: 64, kernel: 3, rank: 16, stride: 1 },
    shape: [1, 64, 32, 32],
    params: 16 * 64 * 3 + 64 * 16 * 3,
    multiplyAdds: (16 * 64 * 3 + 64 * 16 * 3) * 32 * 32,
  },
  {
    name: 'separable 5×5, r32, stride 2 (each conv strides its own axis)',
    input: [64, 32, 32],
    p: { mode: 'separable', outChannels: 128, kernel: 5, rank: 32, stride: 2 },
    shape: [1, 128, 16, 16],
    params: 32 * 64 * 5 + 128 * 32 * 5,
    multiplyAdds: 32 * 64 * 5 * 16 * 32 + 128 * 32 * 5 * 16 * 16,
  },
  {
    name: 'basis 3×3, b8, stride 1',
    input: [64, 32, 32],
    p: { mode: 'basis', outChannels: 64, kernel: 3, rank: 8, stride: 1 },
    shape: [1, 64, 32, 32],
    params: 8 * 64 * 9 + 64 * 8,
    multiplyAdds: (8 * 64 * 9 + 64 * 8) * 32 * 32,
  },
  {
    name: 'basis 3×3, b8, stride 2',
    input: [32, 16, 16],
    p: { mode: 'basis', outChannels: 64, kernel: 3, rank: 8, stride: 2 },
    shape: [1, 64, 8, 8],
    params: 8 * 32 * 9 + 64 * 8,
    multiplyAdds: (8 * 32 * 9 + 64 * 8) * 8 * 8,
  },
] as const;

describe('LowRankConv', () => {
  it.each(cases)('$name', ({ input, p, shape, params, multiplyAdds }) => {
    const r = lowRank([...input], p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
  });

  it('names the two convs by mode and puts nothing between them', () => {
    const sep = lowRank([8, 8, 8], { mode: 'separable', outChannels: 8, kernel: 3, rank: 2, stride: 1 });
    expect(sep.layers.map((l) => [l.name, l.op])).toEqual([
      ['lr/vertical', 'Conv2d'],
      ['lr/horizontal', 'Conv2d'],
    ]);
    const basis = lowRank([8, 8, 8], { mode: 'basis', outChannels: 8, kernel: 3, rank: 2, stride: 1 });
    expect(basis.layers.map((l) => l.name)).toEqual(['lr/basis', 'lr/combine']);
  });

  it('costs less than the k×k conv it replaces when the rank is low', () => {
    const full = 64 * 64 * 9 * 32 * 32;
    const r = lowRank([64, 32, 32], { mode: 'separable', outChannels: 64, kernel: 3, rank: 16, stride: 1 });
    expect(r.multiplyAdds).toBeLessThan(full / 4);
  });

  it('reports a vector input as wrongRank', () => {
    const r = lowRank([64], { mode: 'basis', outChannels: 64, kernel: 3, rank: 8, stride: 1 });
    expect(r.errors).toContain('wrongRank');
  });
});
