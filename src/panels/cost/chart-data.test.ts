import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import { findPreset } from '../../core/presets/preset-registry';
import { intensities, layerKind, sharesByKind } from './chart-data';

const v1 = analyze(findPreset('mobilenet_v1')?.build() ?? { name: '', nodes: [], edges: [] });

describe('chart data', () => {
  it('splits convs into their variants', () => {
    const kinds = new Set(v1.layers.map((l) => layerKind(l).kind));
    expect(kinds).toContain('Depthwise conv');
    expect(kinds).toContain('Pointwise conv');
  });

  it('gives each kind its share of multiply-adds, adding up to the whole', () => {
    const shares = sharesByKind(v1, 'multiplyAdds');
    expect(shares.reduce((s, k) => s + k.share, 0)).toBeCloseTo(1, 9);
    // MobileNetV1: 1×1 convs do about 95 % of the multiply-adds (Howard et al. 2017, Table 2).
    const pw = shares.find((k) => k.kind === 'Pointwise conv');
    expect(shares[0]?.kind).toBe('Pointwise conv');
    expect(pw?.share).toBeGreaterThan(0.94);
    expect(pw?.share).toBeLessThan(0.96);
  });

  it('measures arithmetic intensity of layers with multiply-adds only', () => {
    const pts = intensities(v1);
    expect(pts.every((p) => p.layer.cost.multiplyAdds > 0)).toBe(true);
    const dw = pts.filter((p) => layerKind(p.layer).kind === 'Depthwise conv');
    const pw = pts.filter((p) => layerKind(p.layer).kind === 'Pointwise conv');
    // Depthwise convs do little work per element moved.
    expect(Math.max(...dw.map((p) => p.intensity))).toBeLessThan(Math.min(...pw.map((p) => p.intensity)));
  });
});
