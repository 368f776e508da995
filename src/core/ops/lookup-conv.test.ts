import { describe, expect, it } from 'vitest';
import type { Shape } from '../shape';
import { opDef } from './op-registry';

/** Shape (or the problem), cost, effective figures, workspace and formulas of a LookupConv. */
function figures(params: object, input: Shape) {
  const def = opDef('LookupConv');
  const p = def.schema.parse(params);
  const shapes = def.infer({ params: p, inputs: [input] });
  if (!shapes.ok) return { problem: shapes.problems[0] };
  const ctx = { params: p, inputs: [input], outputs: shapes.value };
  const formula = (figure: string) => def.formulas(ctx).find((f) => f.figure === figure)?.substituted;
  return {
    out: shapes.value[0],
    cost: def.cost(ctx),
    effective: def.effective?.(ctx),
    workspace: def.workspace?.(ctx),
    formula,
    summary: def.summary(p),
  };
}

// Bagherinezhad et al. 2017: the input meets the k dictionary vectors once (a 1×1 conv, k·Cin·H·W),
// then each filter position adds s scaled dictionary values per output position (s·kh·kw·Cout·H'W').
describe('LookupConv (LCNN): the rules, against closed forms written here', () => {
  it('3×3, 64 → 64 at 32×32, k = 128, s = 3', () => {
    const r = figures({ outChannels: 64, dictionarySize: 128, lookups: 3 }, [1, 64, 32, 32]);
    const [cin, cout, k, s, hw] = [64, 64, 128, 3, 32 * 32];
    expect(r.out).toEqual([1, 64, 32, 32]);
    // As exported: the 1×1 dictionary conv and the dense k → Cout 3×3 conv.
    expect(r.cost?.params).toBe(k * cin + cout * k * 9);
    expect(r.cost?.multiplyAdds).toBe(k * cin * hw + cout * k * 9 * hw);
    // Memory access: input, the k maps written and read, output, both weights.
    expect(r.cost?.memoryAccessConvFc).toBe(cin * hw + 2 * k * hw + cout * hw + k * cin + cout * k * 9);
    expect(r.effective).toEqual({
      params: k * cin + s * 9 * cout,
      multiplyAdds: k * cin * hw + s * 9 * cout * hw,
      indices: s * 9 * cout,
      kernel: 'lookup conv (LCNN)',
    });
    // The lookup conv's im2col buffer, k·9 rows × H'W'.
    expect(r.workspace).toBe(k * 9 * hw);
    expect(r.formula?.('effectiveMultiplyAdds')).toBe('128·64·32·32 + 3·3·3·64·32·32 = 10,158,080');
    expect(r.formula?.('effectiveParams')).toBe('128·64 + 3·3·3·64 = 9,920');
    expect(r.formula?.('effectiveIndices')).toBe('3·3·3·64 = 1,728');
    expect(r.summary).toBe('64 3×3 k=128 3 lookups');
  });

  it('stride 2 with bias: the dictionary at every input position (H·W), the lookups at H′W′', () => {
    const r = figures(
      {
        outChannels: 16,
        dictionarySize: 12,
        lookups: 2,
        kernel: [5, 5],
        stride: [2, 2],
        padding: [2, 2],
        bias: true,
      },
      [1, 8, 15, 15],
    );
    const [cin, cout, k, s, hw, ohw] = [8, 16, 12, 2, 15 * 15, 8 * 8];
    expect(r.out).toEqual([1, 16, 8, 8]);
    expect(r.cost?.params).toBe(k * cin + cout * k * 25 + cout);
    expect(r.cost?.multiplyAdds).toBe(k * cin * hw + cout * k * 25 * ohw);
    expect(r.cost?.memoryAccess).toBe(cin * hw + 2 * k * hw + cout * ohw + k * cin + cout * k * 25 + cout);
    expect(r.effective).toEqual({
      params: k * cin + s * 25 * cout + cout,
      multiplyAdds: k * cin * hw + s * 25 * cout * ohw,
      indices: s * 25 * cout,
      kernel: 'lookup conv (LCNN)',
    });
  });

  it('a 1×1 lookup conv is a GEMM: no workspace', () => {
    const r = figures(
      { outChannels: 4, dictionarySize: 3, lookups: 1, kernel: [1, 1], padding: [0, 0] },
      [1, 8, 5, 5],
    );
    expect(r.workspace).toBe(0);
    expect(r.effective?.multiplyAdds).toBe(3 * 8 * 25 + 1 * 4 * 25);
  });

  it('s = k looks up every vector: the effective figures equal the as-exported ones', () => {
    const r = figures({ outChannels: 10, dictionarySize: 4, lookups: 4 }, [1, 6, 7, 7]);
    expect(r.effective?.params).toBe(r.cost?.params);
    expect(r.effective?.multiplyAdds).toBe(r.cost?.multiplyAdds);
  });

  it('refuses more lookups than dictionary vectors, naming the field', () => {
    const r = figures({ dictionarySize: 4, lookups: 5 }, [1, 8, 8, 8]);
    expect(r.problem).toMatchObject({ key: 'invalidParams', field: 'lookups' });
    expect(r.problem?.message).toContain('k = 4');
  });
});
