import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { mobilenetV1, mobilenetV1Conv } from './mobilenet-v1';
import type { PresetOptions } from './preset-types';

const M = 1e6;

/**
 * An independent count of Howard et al.'s Table 1 (last depthwise stride 1), in closed form:
 * stem 3·3·3·c₀, each layer a depthwise 9·c plus a pointwise c·c' (or a full 9·c·c'), BN 2 per
 * channel, FC c·1000 + 1000; multiply-adds are each layer's weights times its output map.
 */
function expected({ width = 1, resolution = 224 }: PresetOptions, full: boolean) {
  const d = (c: number) => Math.max(8, Math.floor(c * width));
  const table = [64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024];
  const strides = [1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2, 1];
  let h = Math.floor((resolution - 1) / 2) + 1; // 3×3, pad 1, stride 2
  let c = d(32);
  let params = 27 * c + 2 * c;
  let madds = 27 * c * h * h;
  table.forEach((cout, i) => {
    const o = d(cout);
    const dw = 9 * c;
    h = Math.floor((h - 1) / (strides[i] ?? 1)) + 1;
    const conv = full ? 9 * c * o : dw + c * o;
    params += conv + 2 * o + (full ? 0 : 2 * c);
    madds += conv * h * h;
    c = o;
  });
  return { params: params + c * 1000 + 1000, madds: madds + c * 1000, fc: c * 1000 };
}

// Howard et al. 2017, Tables 6 and 7, rounded as printed: params to 0.1M,
// multiply-adds to 1M. Every entry rounds to nearest except 160: the build's 290.68M is printed
// 290M, which only truncation gives (while 569M at 224 is 568.74M rounded up). The build is exact
// for that row too: its maps are 5/7 of those at 224, and so are the conv multiply-adds.
const table = [
  { width: 1, resolution: 224, params: 4.2, madds: 569, round: Math.round },
  { width: 0.75, resolution: 224, params: 2.6, madds: 325, round: Math.round },
  { width: 0.5, resolution: 224, params: 1.3, madds: 149, round: Math.round },
  { width: 0.25, resolution: 224, params: 0.5, madds: 41, round: Math.round },
  { width: 1, resolution: 192, params: 4.2, madds: 418, round: Math.round },
  { width: 1, resolution: 160, params: 4.2, madds: 290, round: Math.floor },
  { width: 1, resolution: 128, params: 4.2, madds: 186, round: Math.round },
];

describe('mobilenet_v1', () => {
  it.each(table)('α = $width, $resolution px: $params M params, $madds M multiply-adds', (row) => {
    const options = { width: row.width, resolution: row.resolution };
    const a = analyze(mobilenetV1.build(options));
    expect(a.diagnostics).toEqual([]);
    const want = expected(options, false);
    expect(a.totals.params).toBe(want.params);
    expect(a.totals.multiplyAdds).toBe(want.madds);
    expect(Math.round(a.totals.params / 1e5) / 10).toBe(row.params);
    expect(row.round(a.totals.multiplyAdds / M)).toBe(row.madds);
  });

  it('keeps the last depthwise conv at stride 1, so the pool sees 7×7 at 224', () => {
    const a = analyze(mobilenetV1.build());
    const last = a.layers.find((l) => l.name === 'conv_ds_13/pointwise_relu');
    expect(last?.outputShapes[0]).toEqual([1, 1024, 7, 7]);
    expect(a.layers.filter((l) => l.op === 'Conv2d')).toHaveLength(27);
    expect(a.layers.at(-1)?.op).toBe('Output');
  });

  it('1.0 at 224: 4,231,976 params (Keras’s trainable count) and 568,740,352 multiply-adds', () => {
    const a = analyze(mobilenetV1.build());
    expect([a.totals.params, a.totals.multiplyAdds]).toEqual([4_231_976, 568_740_352]);
  });
});

describe('mobilenet_v1_conv', () => {
  const a = analyze(mobilenetV1Conv.build());
  const want = expected({}, true);

  it('is the same network with full 3×3 convolutions', () => {
    expect(a.diagnostics).toEqual([]);
    expect(a.totals.params).toBe(want.params);
    expect(a.totals.multiplyAdds).toBe(want.madds);
    expect(
      a.layers.filter((l) => l.op === 'Conv2d').every((l) => (l.params as { groups: number }).groups === 1),
    ).toBe(true);
  });

  it('gives Table 4’s 29.3M params; its 4866M is the build less the FC layer', () => {
    expect(Math.round(a.totals.params / 1e5) / 10).toBe(29.3);
    expect(Math.round(a.totals.multiplyAdds / M)).toBe(4867);
    expect(Math.round((a.totals.multiplyAdds - want.fc) / M)).toBe(4866);
  });
});
