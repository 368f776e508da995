import { describe, expect, it } from 'vitest';
import type { Shape } from '../shape';
import { opDef } from './op-registry';

/** Shape, cost, effective figures, workspace and formulas of a Conv2d or Linear with these params. */
function figures(kind: 'Conv2d' | 'Linear', params: object, input: Shape) {
  const def = opDef(kind);
  const parsed = def.schema.safeParse(params);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const p = parsed.data as never;
  const shapes = def.infer({ params: p, inputs: [input] });
  if (!shapes.ok) throw new Error(shapes.problems[0]?.message);
  const ctx = { params: p, inputs: [input], outputs: shapes.value };
  return {
    out: shapes.value[0],
    cost: def.cost(ctx),
    effective: def.effective?.(ctx),
    workspace: def.workspace?.(ctx) ?? 0,
    formulas: def.formulas(ctx),
  };
}

// Park et al. 2017: a sparse conv does nnz·H'W' multiply-adds and stores W as CSR, Cout rows.
describe('direct sparse conv: density on Conv2d and Linear', () => {
  it('a 3×3 conv 64→128 at 28×28, density 0.3', () => {
    const r = figures('Conv2d', { outChannels: 128, density: 0.3 }, [1, 64, 28, 28]);
    const weights = 128 * 64 * 9;
    const nnz = Math.round(0.3 * weights); // 22,118
    expect(nnz).toBe(22118);
    expect(r.cost?.params).toBe(weights);
    expect(r.cost?.multiplyAdds).toBe(weights * 28 * 28);
    expect(r.effective).toEqual({
      params: nnz,
      multiplyAdds: nnz * 28 * 28,
      indices: nnz + 128 + 1,
      kernel: 'direct sparse conv (CSR)',
    });
  });

  it('a grouped, strided conv with bias: CSR columns are (Cin/g)·kh·kw', () => {
    const r = figures(
      'Conv2d',
      { outChannels: 64, groups: 4, stride: [2, 2], bias: true, density: 0.5 },
      [1, 32, 16, 16],
    );
    const weights = 64 * (32 / 4) * 9;
    const nnz = weights / 2;
    expect(r.out).toEqual([1, 64, 8, 8]);
    expect(r.effective).toMatchObject({ params: nnz + 64, multiplyAdds: nnz * 64, indices: nnz + 65 });
  });

  it('a linear layer 1024→1000 at density 0.1: nnz multiply-adds', () => {
    const r = figures('Linear', { outFeatures: 1000, density: 0.1 }, [1, 1024]);
    const nnz = Math.round(0.1 * 1024 * 1000);
    expect(r.cost?.multiplyAdds).toBe(1024 * 1000);
    expect(r.effective).toEqual({
      params: nnz + 1000,
      multiplyAdds: nnz,
      indices: nnz + 1001,
      kernel: 'direct sparse conv (CSR)',
    });
    expect(r.workspace).toBe(0);
  });

  it('keeps at least one non-zero', () => {
    const r = figures(
      'Conv2d',
      { outChannels: 1, kernel: [1, 1], padding: [0, 0], density: 1e-9 },
      [1, 4, 2, 2],
    );
    expect(r.effective?.multiplyAdds).toBe(4);
  });

  it('a dense layer has no effective figure of its own', () => {
    expect(figures('Conv2d', {}, [1, 8, 8, 8]).effective).toBeUndefined();
    expect(figures('Linear', {}, [1, 8]).effective).toBeUndefined();
  });

  it.each([0, -0.5, 1.5])('refuses density %s with one sentence', (density) => {
    expect(figures('Conv2d', { density }, [1, 8, 8, 8]).error).toMatch(/density/);
  });

  it('formulas give nnz and the CSR storage with the layer’s numbers', () => {
    const r = figures('Conv2d', { outChannels: 8, density: 0.25 }, [1, 4, 6, 6]);
    const line = (f: string) => r.formulas?.find((l) => l.figure === f)?.substituted;
    expect(line('effectiveParams')).toBe('nnz = round(0.25·288) = 72 → 72');
    expect(line('effectiveMultiplyAdds')).toBe('72·36 = 2,592');
    expect(line('effectiveIndices')).toBe('72 + 9 = 81');
  });
});

// Zhang et al. 2018: a direct conv needs no buffer; a GEMM-lowered one fills (Cin/g)·kh·kw × H'W'.
describe('im2col workspace of every conv', () => {
  const ws = (params: object, input: Shape) => figures('Conv2d', params, input).workspace;
  it.each([
    ['3×3 64→64 at 56×56', { outChannels: 64 }, [1, 64, 56, 56], 64 * 9 * 56 * 56],
    ['3×3 s2 stem', { outChannels: 32, stride: [2, 2] }, [1, 3, 224, 224], 3 * 9 * 112 * 112],
    ['depthwise 3×3', { outChannels: 32, groups: 32 }, [1, 32, 112, 112], 9 * 112 * 112],
    ['1×1 stride 1: already a GEMM', { outChannels: 16, kernel: [1, 1], padding: [0, 0] }, [1, 32, 8, 8], 0],
    [
      '1×1 stride 2: needs a gathered copy',
      { outChannels: 16, kernel: [1, 1], padding: [0, 0], stride: [2, 2] },
      [1, 32, 8, 8],
      32 * 4 * 4,
    ],
    ['1×1 padded', { outChannels: 16, kernel: [1, 1], padding: [1, 1] }, [1, 32, 8, 8], 32 * 10 * 10],
    ['group 3×3', { outChannels: 64, groups: 4 }, [1, 64, 14, 14], 16 * 9 * 14 * 14],
  ] as const)('%s', (_name, params, input, expected) => {
    expect(ws(params, [...input])).toBe(expected);
  });
});
