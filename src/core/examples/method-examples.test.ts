import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { effectiveTotals } from '../analysis/effective-totals';
import { loweringView } from '../analysis/lowering';
import { findExample } from './example-registry';

/** The example's analysis and one node's as-exported and effective figures, by label. */
function example(name: string) {
  const e = findExample(name);
  if (e === undefined) throw new Error(`no example ${name}`);
  const design = e.build();
  const a = analyze(design);
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const node = (label: string) => {
    const ids = design.nodes.filter((n) => n.label === label).map((n) => n.id);
    const layers = a.layers.filter((l) => ids.includes(l.nodeId));
    if (layers.length === 0) throw new Error(`${name} has no node ${label}`);
    return {
      params: layers.reduce((s, l) => s + l.cost.params, 0),
      multiplyAdds: layers.reduce((s, l) => s + l.cost.multiplyAdds, 0),
      effective: effectiveTotals(layers),
    };
  };
  return { a, node, shows: e.shows };
}

/** A count as the examples' one-liners write it (1,344). */
const written = (n: number): string => n.toLocaleString('en-US');

describe('IGCV2 [130]', () => {
  it('C = 64, K = 4, L − 1 = 3 beside the dense 3×3 conv (BN and ReLU on both)', () => {
    const { node, shows } = example('igcv2_vs_conv3x3');
    const [c, k, l1, hw] = [64, 4, 3, 32 * 32];
    expect(node('igcv2').params).toBe(9 * c + l1 * c * k + 2 * c);
    expect(node('igcv2').multiplyAdds).toBe((9 * c + l1 * c * k) * hw);
    // The one-liner states the closed form's figure, and the dense conv's.
    expect(shows).toContain(written(9 * c + l1 * c * k));
    expect(shows).toContain(written(9 * c * c));
    expect(node('conv3x3').params).toBe(9 * c * c);
    expect(node('conv3x3').multiplyAdds).toBe(9 * c * c * hw);
  });
});

describe('FLGC [131]', () => {
  it('64 channels, 3×3 at 32×32: Σ|in_g|·|out_g| over learned groups beside the equal group conv and the dense conv', () => {
    const { node } = example('flgc_vs_group_conv');
    const hw = 32 * 32;
    // Input groups 24, 24, 8, 8 with 16 filters each: Σ = 2·24·16 + 2·8·16 = 1,024 = C·N/G.
    const pairs = 2 * 24 * 16 + 2 * 8 * 16;
    expect(node('flgc').params).toBe(pairs * 9);
    // The learned, unequal groups cost exactly what the equal group conv costs: C·N/G pairs.
    expect(node('flgc').multiplyAdds).toBe(node('group_conv3x3').multiplyAdds);
    expect(node('flgc').multiplyAdds).toBe(pairs * 9 * hw);
    expect(node('group_conv3x3').params).toBe(64 * (64 / 4) * 9);
    expect(node('group_conv3x3').multiplyAdds).toBe(64 * (64 / 4) * 9 * hw);
    expect(node('conv3x3').multiplyAdds).toBe(64 * 64 * 9 * hw);
    expect(node('flgc').multiplyAdds * 4).toBe(node('conv3x3').multiplyAdds);
  });
});

describe('direct sparse conv [132]', () => {
  it('AlexNet conv3 at density 0.3: nnz·H′W′ effective, dense as exported', () => {
    const { node } = example('direct_sparse_vs_dense');
    const weights = 384 * 256 * 9;
    const nnz = Math.round(0.3 * weights);
    const dense = node('dense_conv3');
    const sparse = node('sparse_conv3');
    expect(dense.multiplyAdds).toBe(weights * 13 * 13);
    expect(sparse.multiplyAdds).toBe(weights * 13 * 13);
    expect(sparse.params).toBe(weights + 384);
    expect(sparse.effective).toEqual({
      params: nnz + 384,
      multiplyAdds: nnz * 13 * 13,
      indices: nnz + 385,
      kernels: ['direct sparse conv (CSR)'],
    });
    expect(dense.effective.kernels).toEqual([]);
  });
});

describe('zero-memory-overhead direct conv [133]', () => {
  it('the 3×3 conv’s buffer is 9× its input; the 1×1 baseline needs none; peaks under each lowering', () => {
    const { a } = example('direct_conv_vs_im2col');
    const v = loweringView(a);
    const map = 64 * 56 * 56;
    expect(v.convs.map((c) => [c.layer.name, c.workspace])).toEqual([['conv_k', 9 * map]]);
    // Direct: while conv_k runs, the input, the 1×1's output (a network output) and its own.
    expect(v.peak.direct.elements).toBe(3 * map);
    // im2col: the same three maps and the 9× buffer.
    expect(v.peak.im2col.elements).toBe(3 * map + 9 * map);
  });
});

describe('basis filters [134]', () => {
  it('Cin·(m₁·k + m₂·k + m₃·k²) + (m₁+m₂+m₃)·Cout beside the dense 9·Cin·Cout', () => {
    const { node, shows } = example('basis_filters_vs_conv3x3');
    const [cin, cout, k, m1, m2, m3, hw] = [64, 64, 3, 16, 16, 0, 32 * 32];
    const weights = cin * (m1 * k + m2 * k + m3 * k * k) + (m1 + m2 + m3) * cout;
    expect(shows).toContain(written(weights));
    expect(shows).toContain(written(9 * cin * cout));
    expect(node('basis').params).toBe(weights);
    expect(node('basis').multiplyAdds).toBe(weights * hw);
    expect(node('conv3x3').params).toBe(9 * cin * cout);
  });
});

describe('LCNN [135]', () => {
  it('k = 128, s = 3 on a 64→64 3×3 conv at 32×32: dictionary k·Cin·H·W + lookups s·9·Cout·H′W′', () => {
    const { node } = example('lcnn_vs_conv3x3');
    const [cin, cout, k, s, hw] = [64, 64, 128, 3, 32 * 32];
    const lcnn = node('lcnn');
    const dense = node('conv3x3');
    expect(dense.params).toBe(9 * cin * cout);
    expect(dense.multiplyAdds).toBe(9 * cin * cout * hw);
    // As exported: the 1×1 dictionary conv and the dense k → Cout lookup weight.
    expect(lcnn.params).toBe(k * cin + cout * k * 9);
    expect(lcnn.multiplyAdds).toBe(k * cin * hw + cout * k * 9 * hw);
    expect(lcnn.effective).toEqual({
      params: k * cin + s * 9 * cout,
      multiplyAdds: k * cin * hw + s * 9 * cout * hw,
      indices: s * 9 * cout,
      kernels: ['lookup conv (LCNN)'],
    });
    // The figures the example's line states.
    expect([lcnn.effective.params, lcnn.effective.multiplyAdds, lcnn.effective.indices]).toEqual([
      9920, 10158080, 1728,
    ]);
    // The ratio to the dense conv: k/(9·Cout) + s/Cin with H·W = H′W′.
    expect(lcnn.effective.multiplyAdds / dense.multiplyAdds).toBeCloseTo(k / (9 * cout) + s / cin, 12);
    expect(dense.effective.kernels).toEqual([]);
  });
});

describe('versatile filters [136]', () => {
  it('P = Cout/2 primaries stored (P·Cin·9), each secondary over its own taps (9 + 1), beside the dense 9·Cin·Cout', () => {
    const { node } = example('versatile_vs_conv3x3');
    const [cin, cout, hw] = [64, 64, 32 * 32];
    const primaries = cout / 2;
    expect(node('versatile').effective).toEqual({
      params: primaries * cin * 9,
      multiplyAdds: primaries * cin * (9 + 1) * hw,
      indices: 0,
      kernels: [expect.stringContaining('versatile filters')],
    });
    expect(primaries * cin * 9).toBe(18432);
    // As exported, the secondary filters written out: the dense conv's own figures.
    expect(node('versatile').params).toBe(9 * cin * cout);
    expect(node('versatile').multiplyAdds).toBe(9 * cin * cout * hw);
    expect(node('conv3x3').params).toBe(9 * cin * cout);
    expect(node('conv3x3').effective.params).toBe(9 * cin * cout);
  });
});
