import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';

type Params = { outChannels: number; primaryGroups: number; secondaryGroups: number; stride: number };
const igc = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('InterleavedGroupConv', p, [x], 'igc'));

// Hand counts: primary out·(in/L)·9, secondary out·(out/M), each times its output H·W; one BN (2·out).
const cases = [
  {
    name: 'L2 M32, 64 ch (the paper’s L = 2 setting)',
    input: [64, 32, 32],
    p: { outChannels: 64, primaryGroups: 2, secondaryGroups: 32, stride: 1 },
    shape: [1, 64, 32, 32],
    params: 64 * 32 * 9 + 64 * 2 + 2 * 64,
    multiplyAdds: (64 * 32 * 9 + 64 * 2) * 32 * 32,
  },
  {
    name: 'stride 2, 64 → 128, L4 M32',
    input: [64, 32, 32],
    p: { outChannels: 128, primaryGroups: 4, secondaryGroups: 32, stride: 2 },
    shape: [1, 128, 16, 16],
    params: 128 * 16 * 9 + 128 * 4 + 2 * 128,
    multiplyAdds: (128 * 16 * 9 + 128 * 4) * 16 * 16,
  },
  {
    name: 'L1: a plain 3×3 then a group 1×1, no permutation',
    input: [16, 8, 8],
    p: { outChannels: 16, primaryGroups: 1, secondaryGroups: 4, stride: 1 },
    shape: [1, 16, 8, 8],
    params: 16 * 16 * 9 + 16 * 4 + 2 * 16,
    multiplyAdds: (16 * 16 * 9 + 16 * 4) * 8 * 8,
  },
];

describe('InterleavedGroupConv', () => {
  it.each(cases)('$name', ({ input, p, shape, params, multiplyAdds }) => {
    const r = igc(input, p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
  });

  it('permutes by L, then back by out/L, with BN and ReLU only after the pair', () => {
    const r = igc([64, 32, 32], { outChannels: 64, primaryGroups: 2, secondaryGroups: 32, stride: 1 });
    expect(r.layers.map((l) => l.op)).toEqual([
      ...['Conv2d', 'ChannelShuffle', 'Conv2d', 'ChannelShuffle', 'BatchNorm', 'ReLU'],
    ]);
    const shuffles = r.layers.filter((l) => l.op === 'ChannelShuffle').map((l) => l.params);
    expect(shuffles).toEqual([{ groups: 2 }, { groups: 32 }]);
  });

  it('leaves both permutations out when L = 1', () => {
    const r = igc([16, 8, 8], { outChannels: 16, primaryGroups: 1, secondaryGroups: 4, stride: 1 });
    expect(r.layers.some((l) => l.op === 'ChannelShuffle')).toBe(false);
  });

  it.each([
    {
      name: 'M that does not divide out',
      input: [64, 8, 8],
      p: { outChannels: 64, primaryGroups: 2, secondaryGroups: 5, stride: 1 },
    },
    {
      name: 'L that does not divide in',
      input: [64, 8, 8],
      p: { outChannels: 96, primaryGroups: 3, secondaryGroups: 32, stride: 1 },
    },
    {
      name: 'L that does not divide out',
      input: [64, 8, 8],
      p: { outChannels: 66, primaryGroups: 4, secondaryGroups: 2, stride: 1 },
    },
  ])('reports $name as groupsDoNotDivide', ({ input, p }) => {
    const r = igc(input, p);
    expect(r.errors).toContain('groupsDoNotDivide');
    expect(r.shape).toBeUndefined();
  });
});
