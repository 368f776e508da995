import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import { findPreset } from '../../core/presets/preset-registry';
import { inputResolution, rescale, scaleStateOf } from './scaling';

const v1 = () => findPreset('mobilenet_v1')?.build() ?? { name: '', nodes: [], edges: [] };

describe('width and resolution controls', () => {
  it('scales from the origin, so going back to 1 gives the very design it started from', () => {
    const origin = v1();
    const half = rescale(origin, 0.5, undefined);
    expect(scaleStateOf(half)).toEqual({ origin, width: 0.5, rounding: 'channel' });
    const three = rescale(half, 0.75, undefined);
    expect(scaleStateOf(three).origin).toBe(origin);
    expect(rescale(three, 1, undefined)).toBe(origin);
  });

  it('rounds to a multiple of 8 when asked, and keeps that rounding as the width moves', () => {
    const origin = v1();
    const eights = rescale(origin, 0.7, undefined, 8);
    expect(scaleStateOf(eights).rounding).toBe(8);
    const moved = rescale(eights, 0.6, undefined);
    expect(scaleStateOf(moved).rounding).toBe(8);
    // MobileNetV1's widths 32 … 1024 at 0.6: 19.2 → 24 (16 is under 90 %), 38.4 → 40, 614.4 → 616.
    const widths = analyze(moved)
      .layers.filter((l) => l.op === 'Conv2d')
      .map((l) => l.outputShapes[0]?.[1] ?? 0);
    expect(widths.every((c) => c % 8 === 0)).toBe(true);
    expect([widths[0], widths[2], widths[widths.length - 1]]).toEqual([24, 40, 616]);
  });

  it('changes the input resolution, keeping the width', () => {
    const origin = v1();
    const small = rescale(rescale(origin, 0.5, undefined), 0.5, 160);
    expect(inputResolution(small)).toBe(160);
    expect(scaleStateOf(small).width).toBe(0.5);
    // MobileNetV1 0.5 at 160: Table 7 region, about 76M multiply-adds.
    expect(analyze(small).totals.multiplyAdds).toBeLessThan(
      analyze(rescale(origin, 0.5, undefined)).totals.multiplyAdds,
    );
  });
});
