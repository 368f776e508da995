import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import { probeBlock } from '../../../test-support/block-probe';
import { blockDef } from './block-registry';

type Params = { branchChannels: number; groupConvs: number; stride: number };
const igcv2 = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('InterleavedStructuredSparseConv', p, [x], 'igcv2'));

/** Warnings of a one-block design. */
function warnings(input: number[], p: Params) {
  const g = new GraphBuilder();
  const x = g.add(
    'Input',
    { channels: input[0] ?? 1, height: input[1] ?? 1, width: input[2] ?? 1 },
    [],
    'in',
  );
  g.output(g.add('InterleavedStructuredSparseConv', p, [x], 'igcv2'));
  return analyze(g.design('t')).diagnostics.filter((d) => d.severity === 'warning' && d.nodeId !== undefined);
}

/**
 * Paths from each input channel to each output channel through the block's convs and shuffles,
 * counted from the layers' own settings: a group conv joins every channel of a group to every
 * channel of it; a shuffle in g groups sends channel i·(C/g) + j to j·g + i.
 */
function paths(layers: ReturnType<typeof igcv2>['layers'], c: number): number[][] {
  let m: number[][] = Array.from({ length: c }, (_, o) =>
    Array.from({ length: c }, (_, i) => (o === i ? 1 : 0)),
  );
  for (const l of layers) {
    const p = l.params as { groups: number };
    if (l.op === 'Conv2d') {
      const size = c / p.groups;
      m = m.map((_, o) => {
        const row = new Array<number>(c).fill(0);
        const start = Math.floor(o / size) * size;
        for (let k = start; k < start + size; k++) m[k]?.forEach((v, i) => (row[i] = (row[i] ?? 0) + v));
        return row;
      });
    } else if (l.op === 'ChannelShuffle') {
      const next: number[][] = new Array<number[]>(c);
      for (let i = 0; i < p.groups; i++)
        for (let j = 0; j < c / p.groups; j++) next[j * p.groups + i] = m[i * (c / p.groups) + j] ?? [];
      m = next;
    }
  }
  return m;
}

describe('IGCV2 block (Xie et al. 2018)', () => {
  it('C = 64, K = 4, L − 1 = 3 at 32×32: 9C + (L−1)·C·K weights, 2C batch norm', () => {
    const r = igcv2([64, 32, 32], { branchChannels: 4, groupConvs: 3, stride: 1 });
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual([1, 64, 32, 32]);
    expect(r.params).toBe(9 * 64 + 3 * 64 * 4 + 2 * 64);
    expect(r.multiplyAdds).toBe((9 * 64 + 3 * 64 * 4) * 32 * 32);
    expect(r.layers.map((l) => [l.name, l.op])).toEqual([
      ['igcv2/channelwise3x3', 'Conv2d'],
      ['igcv2/group1x1_2', 'Conv2d'],
      ['igcv2/permute2', 'ChannelShuffle'],
      ['igcv2/group1x1_3', 'Conv2d'],
      ['igcv2/permute3', 'ChannelShuffle'],
      ['igcv2/group1x1_4', 'Conv2d'],
      ['igcv2/bn', 'BatchNorm'],
      ['igcv2/relu', 'ReLU'],
    ]);
  });

  it('complementary: every output reaches every input by exactly one path when K^(L−1) = C', () => {
    for (const [c, k, l1] of [
      [64, 4, 3],
      [64, 8, 2],
      [27, 3, 3],
    ] as const) {
      const r = igcv2([c, 4, 4], { branchChannels: k, groupConvs: l1, stride: 1 });
      expect(
        paths(r.layers, c)
          .flat()
          .every((v) => v === 1),
        `C=${c} K=${k}`,
      ).toBe(true);
      expect(warnings([c, 4, 4], { branchChannels: k, groupConvs: l1, stride: 1 })).toEqual([]);
    }
  });

  it('names the numbers when K^(L−1) ≠ C', () => {
    const w = warnings([64, 4, 4], { branchChannels: 4, groupConvs: 2, stride: 1 });
    expect(w.map((d) => [d.code, d.message])).toEqual([
      [
        'CS019',
        'Not complementary: K^(L−1) = 4^2 = 16 < C = 64, so an output sees only 16 of the 64 input channels.',
      ],
    ]);
    const r = igcv2([64, 4, 4], { branchChannels: 4, groupConvs: 2, stride: 1 });
    expect(Math.max(...paths(r.layers, 64).map((row) => row.filter((v) => v > 0).length))).toBe(16);
    expect(warnings([16, 4, 4], { branchChannels: 4, groupConvs: 3, stride: 1 })[0]?.message).toMatch(
      /4\^3 > C = 16, so some outputs reach an input by more than one path/,
    );
  });

  it('a K that does not divide C is an error on the group conv', () => {
    const r = igcv2([48, 4, 4], { branchChannels: 5, groupConvs: 2, stride: 1 });
    expect(r.errors).toContain('groupsDoNotDivide');
  });

  it('strides on the 3×3 conv', () => {
    const r = igcv2([64, 32, 32], { branchChannels: 8, groupConvs: 2, stride: 2 });
    expect(r.shape).toEqual([1, 64, 16, 16]);
    expect(r.multiplyAdds).toBe((9 * 64 + 2 * 64 * 8) * 16 * 16);
  });

  it('its formulas carry the design’s numbers', () => {
    const f = blockDef('InterleavedStructuredSparseConv').formulas?.(
      { branchChannels: 4, groupConvs: 3, stride: 1 },
      [[1, 64, 32, 32]],
      [[1, 64, 32, 32]],
    );
    expect(f?.find((l) => l.figure === 'params')?.substituted).toBe('9·64 + 3·64·4 + 2·64 = 1,472');
    expect(f?.filter((l) => l.figure === 'condition').map((l) => l.substituted)).toEqual([
      '4^3 = 64 = 64',
      'C^(1/(L−1)) = 64^(1/3) = 4',
    ]);
  });
});
