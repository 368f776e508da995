import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import { findPreset } from '../../core/presets/registry';
import { inputResolution, rescale, scaleStateOf } from './scaling';

const v1 = () => findPreset('mobilenet_v1')?.build() ?? { name: '', nodes: [], edges: [] };

describe('width and resolution controls', () => {
  it('scales from the origin, so going back to 1 gives the very design it started from', () => {
    const origin = v1();
    const half = rescale(origin, 0.5, undefined);
    expect(scaleStateOf(half)).toEqual({ origin, width: 0.5 });
    const three = rescale(half, 0.75, undefined);
    expect(scaleStateOf(three).origin).toBe(origin);
    expect(rescale(three, 1, undefined)).toBe(origin);
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
