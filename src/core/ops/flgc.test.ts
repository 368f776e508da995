import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Shape } from '../shape';
import { opDef } from './op-registry';

/** Shape, cost, workspace and formulas of a fully learnable group conv with these params. */
function figures(params: object, input: Shape) {
  const def = opDef('FullyLearnableGroupConv');
  const p = def.schema.parse(params);
  const shapes = def.infer({ params: p, inputs: [input] });
  if (!shapes.ok) throw new Error(shapes.problems[0]?.message);
  const ctx = { params: p, inputs: [input], outputs: shapes.value };
  return {
    out: shapes.value[0],
    cost: def.cost(ctx),
    workspace: def.workspace?.(ctx),
    formulas: def.formulas(ctx),
  };
}

/** A list of `count` group numbers with these sizes, interleaved (item i goes to the group its turn falls in). */
function spread(sizes: readonly number[]): number[] {
  const left = [...sizes];
  const out: number[] = [];
  while (left.some((n) => n > 0))
    left.forEach((n, g) => {
      if (n > 0) {
        out.push(g);
        left[g] = n - 1;
      }
    });
  return out;
}

/** The problems an analysis reports for one FLGC node on a 1×cin×8×8 input. */
function problems(params: object, cin = 16) {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: cin, height: 8, width: 8 }, [], 'input');
  g.output(g.add('FullyLearnableGroupConv', params, [x], 'flgc'), 'out');
  const d = g.design('flgc');
  const id = d.nodes.find((n) => n.label === 'flgc')?.id;
  return analyze(d)
    .diagnostics.filter((p) => p.nodeId === id)
    .map(({ code, field, message }) => ({ code, field, message }));
}

// Wang et al. 2019: with the groups learned, the cost is Σ_g |in_g|·|out_g|·k²·H'W'.
describe('fully learnable group conv: figures', () => {
  it('64 → 64, 3×3 at 32×32, input groups 24/24/8/8 and filter groups 8/8/24/24', () => {
    const ins = [24, 24, 8, 8];
    const outs = [8, 8, 24, 24];
    const r = figures(
      { outChannels: 64, groups: 4, channelGroups: spread(ins), filterGroups: spread(outs) },
      [1, 64, 32, 32],
    );
    const pairs = 24 * 8 + 24 * 8 + 8 * 24 + 8 * 24; // 768
    expect(r.out).toEqual([1, 64, 32, 32]);
    expect(r.cost.params).toBe(pairs * 9);
    expect(r.cost.multiplyAdds).toBe(pairs * 9 * 32 * 32);
    const io = 64 * 32 * 32 + 64 * 32 * 32;
    expect(r.cost.memoryAccessConvFc).toBe(io + pairs * 9);
    // Plus the two gathers, the split and the concat, each reading and writing a whole map.
    expect(r.cost.memoryAccess).toBe(io + pairs * 9 + 4 * 64 * 1024 + 4 * 64 * 1024);
    // The largest group's im2col buffer: 24 channels · 9 taps × 1,024 positions.
    expect(r.workspace).toBe(24 * 9 * 1024);
    const madds = r.formulas.find((f) => f.figure === 'multiplyAdds');
    expect(madds?.substituted).toBe('(24·8 + 24·8 + 8·24 + 8·24)·3·3·32·32 = 7,077,888');
    expect(r.formulas.find((f) => f.figure === 'condition')?.substituted).toBe(
      'G = 4: input channels 24 + 24 + 8 + 8, filters 8 + 8 + 24 + 24',
    );
  });

  it('equal groups cost what a group conv with the same G costs; a bias adds Cout', () => {
    const r = figures(
      {
        outChannels: 32,
        groups: 4,
        bias: true,
        stride: [2, 2],
        channelGroups: spread([4, 4, 4, 4]),
        filterGroups: spread([8, 8, 8, 8]),
      },
      [1, 16, 14, 14],
    );
    expect(r.out).toEqual([1, 32, 7, 7]);
    expect(r.cost.params).toBe(32 * (16 / 4) * 9 + 32);
    expect(r.cost.multiplyAdds).toBe(32 * 7 * 7 * (16 / 4) * 9);
  });

  it('a 1×1, stride-1, unpadded FLGC is a GEMM per group: no workspace', () => {
    const r = figures({ outChannels: 8, kernel: [1, 1], padding: [0, 0], groups: 2 }, [1, 8, 5, 5]);
    expect(r.workspace).toBe(0);
  });
});

describe('fully learnable group conv: the seeded default', () => {
  it('empty lists draw every channel and filter into one of G groups, none empty, stable per seed', () => {
    const at = (seed: number) =>
      figures({ outChannels: 48, groups: 6, seed }, [1, 40, 8, 8]).formulas.find(
        (f) => f.figure === 'condition',
      )?.substituted ?? '';
    const sizes = (s: string, which: 'input channels' | 'filters') =>
      (new RegExp(`${which} ([\\d + ]+)`).exec(s)?.[1] ?? '').split(' + ').map(Number);
    for (const seed of [0, 1, 2, 3]) {
      const s = at(seed);
      expect(s).toContain(`seed ${seed}`);
      const ins = sizes(s, 'input channels');
      const outs = sizes(s, 'filters');
      expect(ins).toHaveLength(6);
      expect(outs).toHaveLength(6);
      expect(Math.min(...ins, ...outs)).toBeGreaterThan(0);
      expect(ins.reduce((a, b) => a + b)).toBe(40);
      expect(outs.reduce((a, b) => a + b)).toBe(48);
      expect(at(seed)).toBe(s);
    }
    expect(new Set([0, 1, 2, 3].map(at)).size).toBeGreaterThan(1);
  });
});

describe('fully learnable group conv: the assignment checked, each problem naming its field', () => {
  it('a list of the wrong length', () => {
    expect(problems({ groups: 2, channelGroups: [0, 1, 0] })).toEqual([
      {
        code: 'CS008',
        field: 'channelGroups',
        message:
          'Input-channel groups lists 3 input channels but there are 16: give each input channel its group (0 to 1), or leave the list empty for a seeded random assignment.',
      },
    ]);
  });
  it('a group number outside 0…G−1', () => {
    expect(problems({ outChannels: 4, groups: 2, filterGroups: [0, 1, 2, 1] })).toEqual([
      {
        code: 'CS008',
        field: 'filterGroups',
        message: 'Filter groups puts filter 2 in group 2, but there are only 2 groups (0 to 1).',
      },
    ]);
  });
  it('an empty group', () => {
    expect(problems({ groups: 3, channelGroups: spread([8, 8]) })).toEqual([
      {
        code: 'CS008',
        field: 'channelGroups',
        message:
          'Input-channel groups leaves group 2 without input channels: every group needs at least one input channel.',
      },
    ]);
  });
  it('more groups than channels for the seeded default', () => {
    expect(problems({ groups: 4 }, 3)).toEqual([
      {
        code: 'CS008',
        field: 'groups',
        message: '4 groups need at least 4 input channels, but there are 3: lower the groups.',
      },
    ]);
  });
  it('fewer than two groups is refused by the schema', () => {
    expect(opDef('FullyLearnableGroupConv').schema.safeParse({ groups: 1 }).success).toBe(false);
  });
});
