import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import { findPreset } from '../presets/preset-registry';
import { analyze } from './analyze';
import { guidelineHints } from './hints';

function pointwise(c1: number, c2: number, groups = 1) {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: c1, height: 14, width: 14 }, []);
  const c = g.add('Conv2d', { outChannels: c2, kernel: [1, 1], padding: [0, 0], groups }, [x], 'pw');
  g.output(c);
  return analyze(g.design('pw'));
}

describe('ShuffleNetV2 guideline hints', () => {
  it('G1: flags a 1×1 conv with unequal widths and computes the saving at equal widths', () => {
    const hints = guidelineHints(pointwise(32, 512));
    const g1 = hints.find((h) => h.guideline === 'G1');
    // hw = 196: now 196·544 + 16384 = 123,008; at c = 128: 196·256 + 16384 = 66,560.
    expect(g1?.memoryAccessSaving).toBe(123008 - 66560);
    expect(g1?.nodeId).toBe('n2');
    expect(g1?.message).toMatch(/32 → 512/);
  });

  it('G1: goes away when the widths are equal', () => {
    expect(guidelineHints(pointwise(128, 128)).filter((h) => h.guideline === 'G1')).toEqual([]);
  });

  it('G2: flags a 1×1 group conv, with the memory access g = 1 would save', () => {
    const a = pointwise(64, 64, 8);
    const g2 = guidelineHints(a).find((h) => h.guideline === 'G2');
    const b = 196 * 64 * 8; // multiply-adds with 8 groups
    expect(g2?.memoryAccessSaving).toBe((b * 7) / 64);
  });

  it('G3: flags a block whose convolutions run side by side, not one in series', () => {
    const build = (kind: 'Fire' | 'DepthwiseSeparable') => {
      const g = new GraphBuilder();
      const x = g.add('Input', { channels: 16, height: 8, width: 8 }, []);
      g.output(g.add(kind, {}, [x], 'block'));
      return guidelineHints(analyze(g.design(kind))).filter((h) => h.guideline === 'G3');
    };
    const fire = build('Fire');
    expect(fire).toHaveLength(1);
    expect(fire[0]?.message).toMatch(/2 convolution paths side by side/);
    // The concat joining the two expand paths: 2 × 128·64 elements.
    expect(fire[0]?.memoryAccessSaving).toBe(2 * 128 * 64);
    expect(build('DepthwiseSeparable')).toEqual([]);
  });

  it('G4: reports the element-wise share of memory access in MobileNetV2', () => {
    const preset = findPreset('mobilenet_v2');
    if (preset === undefined) throw new Error('missing preset');
    const a = analyze(preset.build());
    const g4 = guidelineHints(a).find((h) => h.guideline === 'G4');
    expect(g4?.memoryAccessSaving).toBeGreaterThan(0.2 * a.totals.memoryAccess);
    expect(g4?.message).toMatch(/\d+% of all memory access/);
  });
});
