import { describe, expect, it } from 'vitest';
import type { Shape } from '../shape';
import { opDef } from './op-registry';
import { VERSATILE_KERNEL } from './versatile';
import { derivedWeight, recogniseVersatile } from './versatile-structure';

/** Shape, cost, effective figures and formulas of a VersatileConv (or Conv2d) with these params. */
function figures(kind: 'VersatileConv' | 'Conv2d', params: object, input: Shape) {
  const def = opDef(kind);
  const p = def.schema.parse(params) as never;
  const shapes = def.infer({ params: p, inputs: [input] });
  if (!shapes.ok) return { problem: shapes.problems[0] };
  const ctx = { params: p, inputs: [input], outputs: shapes.value };
  return {
    out: shapes.value[0],
    cost: def.cost(ctx),
    effective: def.effective?.(ctx),
    formulas: def.formulas(ctx),
  };
}

// Wang et al. 2018: a d×d primary filter gives s = ⌈d/2⌉ secondary filters, its centred
// (d − 2i)² taps; with channel reach δ and stride g, n = δ/g + 1 more per mask over ĉ = c − δ
// channels. Cout = P·s·n. The paper stores P·c·d² (a primary spans the c channels, Fig. 2(b); the
// j-th channel secondary is its window of ĉ channels from j·g) and counts P·n·ĉ·Σᵢ(d − 2i)² per position.
describe('versatile conv: shapes and costs against closed forms', () => {
  it('spatial 3×3, 64 → 64 at 28×28: 32 primaries, 9 + 1 taps each', () => {
    const r = figures('VersatileConv', { outChannels: 64 }, [1, 64, 28, 28]);
    expect(r.out).toEqual([1, 64, 28, 28]);
    const hw = 28 * 28;
    expect(r.cost).toEqual({
      params: 64 * 64 * 9,
      buffers: 0,
      multiplyAdds: 64 * 64 * 9 * hw,
      memoryAccess: 2 * 64 * hw + 64 * 64 * 9,
      memoryAccessConvFc: 2 * 64 * hw + 64 * 64 * 9,
    });
    expect(r.effective).toEqual({
      params: 32 * 64 * 9,
      multiplyAdds: 32 * 64 * (9 + 1) * hw,
      indices: 0,
      kernel: VERSATILE_KERNEL,
    });
    // The paper's speed-up for d = 3 over the plain conv of the same output: s·d² / Σ(d − 2i)² = 18/10.
    expect((64 * 64 * 9 * hw) / (r.effective?.multiplyAdds ?? 0)).toBeCloseTo(1.8, 12);
  });

  it('spatial 5×5 stride 2 with bias: s = 3 masks 25, 9, 1', () => {
    const r = figures(
      'VersatileConv',
      { outChannels: 48, kernel: 5, padding: 2, stride: 2, bias: true },
      [1, 16, 16, 16],
    );
    expect(r.out).toEqual([1, 48, 8, 8]);
    expect(r.cost?.params).toBe(48 * 16 * 25 + 48);
    expect(r.effective?.params).toBe(16 * 16 * 25 + 48);
    expect(r.effective?.multiplyAdds).toBe(16 * 16 * (25 + 9 + 1) * 64);
  });

  it('channel versatile δ = 8, g = 4 on 32 channels: ĉ = 24 at 3 offsets', () => {
    const r = figures(
      'VersatileConv',
      { outChannels: 48, channelDelta: 8, channelStride: 4 },
      [1, 32, 14, 14],
    );
    const P = 48 / (2 * 3);
    expect(r.effective?.params).toBe(P * 32 * 9); // P primaries of c = 32 channels stored
    expect(r.effective?.multiplyAdds).toBe(P * 3 * 24 * 10 * 14 * 14);
    expect(r.cost?.params).toBe(48 * 32 * 9);
  });

  it('a 1×1 kernel has one spatial mask: a channel-only versatile conv', () => {
    const r = figures(
      'VersatileConv',
      { outChannels: 32, kernel: 1, padding: 0, channelDelta: 16, channelStride: 16 },
      [1, 32, 7, 7],
    );
    expect(r.effective?.params).toBe(16 * 32); // P = 32/2 primaries of c = 32 channels
    expect(r.effective?.multiplyAdds).toBe(16 * 2 * 16 * 49); // each window reads ĉ = 16
  });

  it('refuses settings that leave no primary filter, no window or a misfit stride, naming the field', () => {
    const fieldOf = (params: object, input: Shape) => figures('VersatileConv', params, input).problem?.field;
    expect(fieldOf({ outChannels: 31 }, [1, 16, 8, 8])).toBe('outChannels'); // 31 is not 2·P
    expect(fieldOf({ outChannels: 32, channelDelta: 16 }, [1, 16, 8, 8])).toBe('channelDelta');
    expect(fieldOf({ outChannels: 32, channelDelta: 6, channelStride: 4 }, [1, 16, 8, 8])).toBe(
      'channelStride',
    );
    expect(fieldOf({ outChannels: 32, kernel: 7, padding: 0 }, [1, 16, 4, 4])).toBe('kernel');
  });

  it('the card reads Cout, the primary size, P primaries stored, the channel settings and the stride', () => {
    const def = opDef('VersatileConv');
    expect(def.summary(def.schema.parse({ outChannels: 64 }))).toBe('64 3×3 P32');
    expect(
      def.summary(
        def.schema.parse({ outChannels: 54, kernel: 5, stride: 2, channelDelta: 8, channelStride: 4 }),
      ),
    ).toBe('54 5×5 P6 δ8 g4 s2'); // s = 3, n = 3, P = 54/9
  });

  it('the formulas carry the design’s numbers for the as-exported and the effective figures', () => {
    const r = figures('VersatileConv', { outChannels: 24, channelDelta: 4, channelStride: 2 }, [1, 16, 8, 8]);
    const line = (f: string) => r.formulas?.find((l) => l.figure === f)?.substituted;
    expect(line('params')).toBe('24·16·3·3 = 3,456');
    expect(line('effectiveParams')).toBe(
      's = ⌈3/2⌉ = 2, n = 4/2 + 1 = 3, P = 24/(2·3) = 4, ĉ = 16 − 4 = 12: 4·16·3·3 = 576',
    );
    expect(line('effectiveMultiplyAdds')).toBe(
      `4·3·12·(9 + 1)·8·8 = ${(4 * 3 * 12 * 10 * 64).toLocaleString('en-US')}`,
    );
  });
});

describe('the written-out secondary filters and their recognition', () => {
  const seeded = (n: number, seed: number) =>
    Float32Array.from(
      { length: n },
      (_, i) => Math.sin(seed * 1000 + i * 12.9898) * 0.5 + (i % 7 === 0 ? 0.1 : 0),
    );

  it('writes each secondary filter as its primary masked to a centre and a channel window, in the authors’ order', () => {
    // 2 primaries of c = 3 channels, windows of ĉ = 2 (δ = 1, g = 1), d = 3: 2 masks × 2 windows ×
    // 2 primaries = 8 outputs. The window keeps the primary's own channels (Fig. 2(b)), not its first ĉ.
    const v = { kernel: 3, inChannels: 3, outChannels: 8, channelDelta: 1, channelStride: 1 };
    const primary = seeded(2 * 3 * 9, 1);
    const w = derivedWeight(v, primary);
    const at = (o: number, c: number, y: number, x: number) => w[((o * 3 + c) * 3 + y) * 3 + x];
    const prim = (p: number, c: number, y: number, x: number) => primary[((p * 3 + c) * 3 + y) * 3 + x];
    // o = (i·n + j)·P + p: output 3 is i = 0, j = 1, p = 1 (channels 1..2, full 3×3).
    expect(at(3, 0, 1, 1)).toBe(0);
    expect(at(3, 2, 0, 0)).toBe(prim(1, 2, 0, 0));
    expect(at(3, 1, 2, 2)).toBe(prim(1, 1, 2, 2));
    // Output 0 is i = 0, j = 0, p = 0: channels 0..1.
    expect(at(0, 0, 0, 0)).toBe(prim(0, 0, 0, 0));
    expect(at(0, 2, 0, 0)).toBe(0);
    // Output 6 is i = 1, j = 1, p = 0: only the centre tap, channels 1..2.
    expect(at(6, 1, 1, 1)).toBe(prim(0, 1, 1, 1));
    expect(at(6, 1, 0, 1)).toBe(0);
    expect(w.filter((x) => x !== 0).length).toBe(2 * 2 * (9 + 1) * 2);
  });

  it('reads back the settings and primaries of a written-out weight, the fewest primaries first', () => {
    for (const v of [
      { kernel: 3, inChannels: 16, outChannels: 24, channelDelta: 4, channelStride: 2 },
      { kernel: 5, inChannels: 8, outChannels: 12, channelDelta: 0, channelStride: 1 },
      { kernel: 1, inChannels: 8, outChannels: 8, channelDelta: 6, channelStride: 2 },
    ]) {
      const s = Math.ceil(v.kernel / 2);
      const n = v.channelDelta / v.channelStride + 1;
      const primary = seeded((v.outChannels / (s * n)) * v.inChannels * v.kernel ** 2, 2);
      const back = recogniseVersatile(v.outChannels, v.inChannels, v.kernel, derivedWeight(v, primary));
      expect(back?.channelDelta).toBe(v.channelDelta);
      expect(back?.channelStride).toBe(v.channelStride);
      expect(back?.primary).toEqual(primary);
    }
  });

  it('a plain conv, an all-zero conv and a 1×1 conv do not read as versatile', () => {
    expect(recogniseVersatile(16, 8, 3, seeded(16 * 8 * 9, 3))).toBeUndefined();
    expect(recogniseVersatile(16, 8, 3, new Float32Array(16 * 8 * 9))).toBeUndefined();
    expect(recogniseVersatile(16, 8, 1, seeded(16 * 8, 4))).toBeUndefined();
  });

  it('a mostly-zero 512 × 512 × 3 × 3 conv is given up on within a few passes, not searched for minutes', () => {
    const w = new Float32Array(512 * 512 * 9);
    w[4] = 1; // one centre tap of the first filter: it fits every setting's zeros until the last value
    const start = performance.now();
    expect(recogniseVersatile(512, 512, 3, w)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(5000);
  });
});

/**
 * The paper's ImageNet figures for ResNet-50 and Versatile-ResNet-50 (every k×k conv, the 7×7 stem
 * and each bottleneck's 3×3, replaced by spatial versatile filters with the same outputs; the 1×1
 * convs have one mask and stay): memory 97.2 MB → 75.6 MB, FLOPs 4.1×10⁹ → 3.2×10⁹. The authors'
 * repository prints the same figures for its Faster R-CNN backbones. Their memory is float32 conv
 * and FC weights with the FC bias, no batch norm, in MiB cut to one decimal; their FLOPs are
 * multiply-adds. ResNet-50 is torchvision's (the stride on each stage's first 3×3).
 */
describe('Versatile-ResNet-50 against the paper’s figures', () => {
  const stages = [
    { blocks: 3, width: 64, size: 56 },
    { blocks: 4, width: 128, size: 28 },
    { blocks: 6, width: 256, size: 14 },
    { blocks: 3, width: 512, size: 7 },
  ];
  /** Params and multiply-adds of ResNet-50's convs and FC, the k×k convs as `kxk` counts them. */
  function resnet50(kxk: (params: object, input: Shape) => { params: number; multiplyAdds: number }) {
    const conv1x1 = (cin: number, cout: number, size: number) => ({
      params: cin * cout,
      multiplyAdds: cin * cout * size * size,
    });
    const layers = [kxk({ outChannels: 64, kernel: 7, stride: 2, padding: 3 }, [1, 3, 224, 224])];
    let cin = 64;
    stages.forEach(({ blocks, width, size }, k) => {
      for (let b = 0; b < blocks; b++) {
        const stride = b === 0 && k > 0 ? 2 : 1;
        layers.push(conv1x1(cin, width, size * stride));
        layers.push(kxk({ outChannels: width, stride }, [1, width, size * stride, size * stride]));
        layers.push(conv1x1(width, 4 * width, size));
        if (b === 0) layers.push(conv1x1(cin, 4 * width, size));
        cin = 4 * width;
      }
    });
    layers.push({ params: 2048 * 1000 + 1000, multiplyAdds: 2048 * 1000 });
    return {
      params: layers.reduce((s, l) => s + l.params, 0),
      multiplyAdds: layers.reduce((s, l) => s + l.multiplyAdds, 0),
    };
  }
  const mib = (params: number) => Math.floor(((params * 4) / 2 ** 20) * 10) / 10;
  const billions = (m: number) => Math.round(m / 1e8) / 10;

  it('ResNet-50: 97.2 MB and 4.1×10⁹ (the dense convs as Conv2d counts them)', () => {
    const r = resnet50((params, input) => {
      // The same conv in Conv2d's terms: square settings as pairs.
      const pairs = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, k === 'outChannels' ? v : [v, v]]),
      );
      const c = figures('Conv2d', pairs, input).cost;
      return { params: c?.params ?? NaN, multiplyAdds: c?.multiplyAdds ?? NaN };
    });
    expect(r).toEqual({ params: 25_503_912, multiplyAdds: 4_089_184_256 });
    expect([mib(r.params), billions(r.multiplyAdds)]).toEqual([97.2, 4.1]);
  });

  it('Versatile-ResNet-50: 75.6 MB and 3.2×10⁹ (the versatile convs’ effective figures)', () => {
    const r = resnet50((params, input) => {
      const e = figures('VersatileConv', params, input).effective;
      return { params: e?.params ?? NaN, multiplyAdds: e?.multiplyAdds ?? NaN };
    });
    // Closed form: the stem keeps 64/4 primaries over 49 + 25 + 9 + 1 taps; each 3×3 keeps half its
    // filters over 9 + 1 taps.
    const stem = { params: 16 * 3 * 49, multiplyAdds: 16 * 3 * 84 * 112 * 112 };
    const threeByThree = stages.reduce(
      (s, { blocks, width, size }) => ({
        params: s.params + blocks * (width / 2) * width * 9,
        multiplyAdds: s.multiplyAdds + blocks * (width / 2) * width * 10 * size * size,
      }),
      { params: 0, multiplyAdds: 0 },
    );
    const rest = {
      params: 25_503_912 - 64 * 3 * 49 - 11_317_248,
      multiplyAdds: 4_089_184_256 - 118_013_952 - 1_849_688_064,
    };
    expect(r).toEqual({
      params: stem.params + threeByThree.params + rest.params,
      multiplyAdds: stem.multiplyAdds + threeByThree.multiplyAdds + rest.multiplyAdds,
    });
    expect([mib(r.params), billions(r.multiplyAdds)]).toEqual([75.6, 3.2]);
  });
});
