import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';

type Params = {
  outChannels: number;
  kernel: number;
  horizontal: number;
  vertical: number;
  full: number;
  stride: number;
};
const basis = (input: number[], p: Params) => probeBlock(input, (g, x) => g.add('BasisFilters', p, [x], 'b'));

// Hand counts: each basis conv Cin·m·(its taps), the 1×1 (m₁+m₂+m₃)·Cout, all at H'×W'.
describe('Basis filters (Ioannou et al. 2016)', () => {
  it('5×5 with 8 horizontal, 8 vertical and 2 full filters, stride 2', () => {
    const r = basis([32, 16, 16], {
      outChannels: 48,
      kernel: 5,
      horizontal: 8,
      vertical: 8,
      full: 2,
      stride: 2,
    });
    const weights = 32 * (8 * 5 + 8 * 5 + 2 * 25) + 18 * 48;
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual([1, 48, 8, 8]);
    expect(r.params).toBe(weights);
    expect(r.multiplyAdds).toBe(weights * 64);
    expect(r.layers.map((l) => [l.name, l.outputShapes[0]])).toEqual([
      ['b/basis1xk', [1, 8, 8, 8]],
      ['b/basiskx1', [1, 8, 8, 8]],
      ['b/basiskxk', [1, 2, 8, 8]],
      ['b/concat', [1, 18, 8, 8]],
      ['b/combine1x1', [1, 48, 8, 8]],
    ]);
  });

  it('leaves the k×k filters out when m₃ = 0', () => {
    const r = basis([16, 8, 8], {
      outChannels: 16,
      kernel: 3,
      horizontal: 4,
      vertical: 4,
      full: 0,
      stride: 1,
    });
    expect(r.layers.map((l) => l.name)).not.toContain('b/basiskxk');
    expect(r.params).toBe(16 * (4 * 3 + 4 * 3) + 8 * 16);
  });

  it('refuses an even kernel with one sentence', () => {
    const r = basis([16, 8, 8], {
      outChannels: 16,
      kernel: 4,
      horizontal: 4,
      vertical: 4,
      full: 0,
      stride: 1,
    });
    expect(r.errors).toEqual(['invalidParams']);
  });
});
