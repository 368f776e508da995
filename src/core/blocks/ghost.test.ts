import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';
import { blockRegistry } from './block-registry';

/*
 * GhostNet (Han et al., CVPR 2020), counted by hand. A Ghost module to c maps with ratio s makes
 * m = c / s maps with a primary k×k conv over the C input channels and the other c − m = m(s − 1)
 * with a depthwise d×d conv over those m maps (Sec. 3.1, Eq. 3): weights C·m·k² + (c − m)·d², each
 * applied at every output pixel; a batch norm (γ, β) after each conv, 2c params in all.
 */
const ghostModule = (input: number[], p: Record<string, unknown>) =>
  probeBlock(input, (g, x) => g.add('GhostModule', p, [x], 'ghost'));
const ghostBottleneck = (input: number[], p: Record<string, unknown>) =>
  probeBlock(input, (g, x) => g.add('GhostBottleneck', p, [x], 'bneck'));

/** The _make_divisible(v, divisor) of GhostNet and MobileNetV3: nearest multiple, never 10% below v. */
function makeDivisible(v: number, divisor: number): number {
  let r = Math.max(divisor, Math.floor((v + divisor / 2) / divisor) * divisor);
  if (r < 0.9 * v) r += divisor;
  return r;
}

describe('GhostModule: costs against the paper’s counts', () => {
  const cases = [
    {
      name: 'GhostNet’s s = 2, d = 3, 1×1 primary: 16 → 32 at 8×8',
      input: [16, 8, 8],
      p: { outChannels: 32 },
      cin: 16,
      c: 32,
      s: 2,
      k: 1,
      d: 3,
      hw: 8 * 8,
    },
    {
      name: 's = 3, d = 5: 16 → 24',
      input: [16, 8, 8],
      p: { outChannels: 24, ratio: 3, dwKernel: 5 },
      cin: 16,
      c: 24,
      s: 3,
      k: 1,
      d: 5,
      hw: 8 * 8,
    },
    {
      name: '3×3 primary with stride 2: 8×8 → 4×4',
      input: [16, 8, 8],
      p: { outChannels: 16, kernel: 3, stride: 2 },
      cin: 16,
      c: 16,
      s: 2,
      k: 3,
      d: 3,
      hw: 4 * 4,
    },
  ];
  it.each(cases)('$name', ({ input, p, cin, c, s, k, d, hw }) => {
    const r = ghostModule(input, p);
    expect(r.errors).toEqual([]);
    const m = Math.ceil(c / s);
    expect(r.shape).toEqual([1, c, Math.sqrt(hw), Math.sqrt(hw)]);
    expect(r.params).toBe(cin * m * k * k + (c - m) * d * d + 2 * c);
    expect(r.multiplyAdds).toBe(hw * (cin * m * k * k + (c - m) * d * d));
  });

  it('saves s·C / (C + s − 1) of an ordinary conv’s multiply-adds when d = k (Eq. 4)', () => {
    const [cin, c, s, k] = [64, 64, 2, 3];
    const ghost = ghostModule([cin, 14, 14], { outChannels: c, ratio: s, kernel: k, dwKernel: k });
    const conv = probeBlock([cin, 14, 14], (g, x) =>
      g.add('Conv2d', { outChannels: c, kernel: [k, k], padding: [1, 1], bias: false }, [x]),
    );
    expect(conv.multiplyAdds / ghost.multiplyAdds).toBeCloseTo((s * cin) / (cin + s - 1), 12);
  });

  it('refuses a width the ratio does not divide, naming the field', () => {
    const r = ghostModule([16, 8, 8], { outChannels: 25, ratio: 2 });
    expect(r.errors).toEqual(['invalidParams']);
    expect(r.messages.join(' ')).toMatch(/outChannels/);
  });

  it('makes its ghosts with a depthwise conv grouped by the primary maps', () => {
    const r = ghostModule([16, 8, 8], { outChannels: 24, ratio: 3 });
    const cheap = r.layers.find((l) => l.name.endsWith('cheap_operation'));
    expect(cheap?.params).toMatchObject({ outChannels: 16, groups: 8 });
  });
});

describe('GhostBottleneck: costs against the paper’s Fig. 3', () => {
  /** Ghost module with s = 2, d = 3, 1×1 primary: params and multiply-adds per output pixel. */
  const ghost = (cin: number, c: number) => ({
    params: cin * (c / 2) + (c / 2) * 9 + 2 * c,
    perPixel: cin * (c / 2) + (c / 2) * 9,
  });

  it('stride 1, same width: two Ghost modules and the identity shortcut', () => {
    const [C, M, O, H] = [16, 48, 16, 28];
    const r = ghostBottleneck([C, H, H], { midChannels: M, outChannels: O });
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual([1, O, H, H]);
    expect(r.params).toBe(ghost(C, M).params + ghost(M, O).params);
    expect(r.multiplyAdds).toBe(H * H * (ghost(C, M).perPixel + ghost(M, O).perPixel));
  });

  it('stride 2 with SE and a 5×5 depthwise conv: the depthwise and 1×1 shortcut too', () => {
    const [C, M, O, H, k] = [24, 72, 40, 28, 5];
    const h = H / 2;
    const q = makeDivisible(M * 0.25, 4);
    const r = ghostBottleneck([C, H, H], {
      midChannels: M,
      outChannels: O,
      stride: 2,
      dwKernel: k,
      se: true,
    });
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual([1, O, h, h]);
    const dw = M * k * k + 2 * M;
    const se = M * q + q + q * M + M;
    const shortcut = C * k * k + 2 * C + C * O + 2 * O;
    expect(r.params).toBe(ghost(C, M).params + dw + se + ghost(M, O).params + shortcut);
    expect(r.multiplyAdds).toBe(
      H * H * ghost(C, M).perPixel +
        h * h * (M * k * k + ghost(M, O).perPixel + C * k * k + C * O) +
        2 * M * q,
    );
  });

  it('refuses an odd width: each Ghost module halves it', () => {
    expect(ghostBottleneck([16, 8, 8], { midChannels: 47, outChannels: 16 }).errors).toEqual([
      'invalidParams',
    ]);
  });

  it('beside MobileNetV3’s bottleneck at the same widths, its 1×1 convs cost (C + 9)/2C', () => {
    // GhostNet Table 1's G-bneck #4 (72 mid, 24 → 40, 5×5, stride 2, SE) against MobileNetV3-Large's
    // bneck at the same place (Howard et al. 2019, Table 1: 5×5, exp 72, out 40, SE, ReLU, stride 2).
    const [C, M, O, H, k] = [24, 72, 40, 56, 5];
    const h = H / 2;
    const mbv3 = probeBlock([C, H, H], (g, x) =>
      g.add(
        'InvertedResidual',
        {
          outChannels: O,
          expandedChannels: M,
          kernel: k,
          stride: 2,
          squeezeExcite: true,
          activation: 'relu',
        },
        [x],
      ),
    );
    const ghostNet = ghostBottleneck([C, H, H], {
      midChannels: M,
      outChannels: O,
      stride: 2,
      dwKernel: k,
      se: true,
    });
    const q3 = makeDivisible(Math.floor(M / 4), 8); // MobileNetV3's SE width: 24 for 72
    const q = makeDivisible(M * 0.25, 4);
    // MobileNetV3: 1×1 expand at H×W, depthwise and 1×1 project at H/2 × W/2, SE at 1×1.
    expect(mbv3.multiplyAdds).toBe(H * H * C * M + h * h * (M * k * k + M * O) + 2 * M * q3);
    const onesV3 = H * H * C * M + h * h * M * O;
    const onesGhost = H * H * ghost(C, M).perPixel + h * h * ghost(M, O).perPixel;
    // Each 1×1 conv of C → M becomes C·M/2 + 9·M/2 (Eq. 4 with s = 2, d = 3): (C + 9) / 2C of it.
    expect(onesGhost).toBe(H * H * C * M * ((C + 9) / (2 * C)) + h * h * M * O * ((M + 9) / (2 * M)));
    expect(onesGhost / onesV3).toBeLessThan(0.7);
    // The whole block, shortcut conv included: still fewer multiply-adds than MobileNetV3's.
    expect(ghostNet.multiplyAdds).toBe(onesGhost + h * h * (M * k * k + C * k * k + C * O) + 2 * M * q);
    expect(ghostNet.multiplyAdds).toBeLessThan(mbv3.multiplyAdds);
  });
});

describe('the Ghost kinds hold every fact in their own file', () => {
  it.each(['GhostModule', 'GhostBottleneck'] as const)(
    '%s: a PyTorch class, import recognition and cases',
    (kind) => {
      const def = blockRegistry[kind];
      expect(def.pytorch.className).toBe(kind);
      expect(def.pytorch.source).toContain(`class ${kind}(nn.Module)`);
      expect(def.conformance.length).toBeGreaterThanOrEqual(2);
    },
  );
});
