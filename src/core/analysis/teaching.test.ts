import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import { english } from '../message';
import { findPreset } from '../presets/preset-registry';
import { analyze } from './analyze';
import { lessonFor } from './teaching';

const preset = (name: string) => {
  const p = findPreset(name);
  if (p === undefined) throw new Error(name);
  return analyze(p.build());
};
const nodeOfKind = (a: ReturnType<typeof analyze>, kind: string) =>
  a.design.nodes.find((n) => n.kind === kind)?.id ?? '';

describe('teaching formulas', () => {
  it('depthwise-separable: 1/N + 1/Dk² with the design’s numbers, matching the measured ratio', () => {
    const a = preset('mobilenet_v1');
    const lesson = lessonFor(a, nodeOfKind(a, 'DepthwiseSeparable'));
    // conv_ds_1: 32 → 64 channels, 3×3, 112×112.
    expect(lesson?.ratio?.substituted).toBe('1/64 + 1/3² = 0.1267');
    expect(lesson?.lines[0]?.substituted).toBe('3²·32·64·112² = 231,211,008');
    expect(lesson?.ratio?.measured).toBeCloseTo(lesson?.ratio?.value ?? 0, 10);
  });

  it('inverted residual: the block against a standard conv, at stride 1 exactly the paper’s form', () => {
    const a = preset('mobilenet_v2');
    // A stage teaches its last unit: stage_2's is features.3, 24 → 24 at stride 1.
    const lesson = lessonFor(a, a.design.nodes.find((n) => n.label === 'stage_2')?.id ?? '');
    expect(lesson?.lines.map((l) => english(l.label))).toEqual([
      'Expand 1×1',
      'Depthwise',
      'Project 1×1',
      'Standard 3×3 conv d′→d″',
    ]);
    expect(lesson?.ratio?.measured).toBeCloseTo(lesson?.ratio?.value ?? 0, 10);
    // Every stage, t = 1 included, matches its closed form.
    for (const n of a.design.nodes.filter((x) => x.kind === 'Stage')) {
      const l = lessonFor(a, n.id);
      expect(l?.ratio?.measured).toBeCloseTo(l?.ratio?.value ?? 0, 10);
    }
  });

  it('fire: weights against a 3×3 conv of the same width', () => {
    const a = preset('squeezenet1_0');
    const lesson = lessonFor(a, nodeOfKind(a, 'Fire'));
    // fire2: 96 → squeeze 16 → 64 + 64.
    expect(lesson?.lines.map((l) => l.value)).toEqual([96 * 16, 16 * 64, 9 * 16 * 64, 9 * 96 * 128]);
    expect(lesson?.ratio?.measured).toBeCloseTo(lesson?.ratio?.value ?? 0, 10);
  });

  it('shufflenet unit: hw(2cm/g + 9m) against ResNet’s hw(2cm + 9m²)', () => {
    const a = preset('shufflenet_v1');
    const stage = a.design.nodes.find((n) => n.kind === 'Stage');
    const lesson = lessonFor(a, stage?.id ?? '');
    expect(lesson?.lines.map((l) => english(l.label))).toEqual([
      'ResNet bottleneck',
      'ResNeXt bottleneck',
      'ShuffleNet unit',
    ]);
    expect(lesson?.ratio?.measured).toBeCloseTo(lesson?.ratio?.value ?? 0, 2);
  });

  it('a 1×1 conv teaches G1, a group conv 1/g', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 32, height: 8, width: 8 }, []);
    const pw = g.add('Conv2d', { outChannels: 128, kernel: [1, 1], padding: [0, 0] }, [x], 'pw');
    g.output(g.add('Conv2d', { outChannels: 128, groups: 4 }, [pw], 'gc'));
    const a = analyze(g.design('t'));
    const byLabel = (l: string) => a.design.nodes.find((n) => n.label === l)?.id ?? '';
    const g1 = lessonFor(a, byLabel('pw'));
    expect(g1?.lines[0]?.value).toBe(64 * (32 + 128) + 32 * 128);
    expect(g1?.ratio?.value).toBeGreaterThan(1);
    expect(lessonFor(a, byLabel('gc'))?.ratio?.substituted).toBe('1/4 = 0.2500');
  });
});
