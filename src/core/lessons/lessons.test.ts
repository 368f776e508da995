import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { effectiveTotals } from '../analysis/effective';
import { loweringView } from '../analysis/lowering';
import { exampleOf } from './example-of';
import { liveOf } from './live';
import { findLesson, lessons } from './registry';
import type { LessonDef } from './types';

/** The live figures of a lesson's example rebuilt at a knob value. */
function at(lesson: LessonDef, value: number) {
  if (lesson.live === undefined) throw new Error(`${lesson.id} is not wired`);
  const design = lesson.live.knob.build(value);
  const analysis = analyze(design);
  const live = liveOf(analysis);
  if (live === undefined) throw new Error(`${lesson.id}: no baseline and method outputs`);
  return { design, analysis, live, formula: lesson.live.formula(live), knob: lesson.live.knob.read(design) };
}
const wired = (id: string): LessonDef => {
  const l = findLesson(id);
  if (l?.live === undefined) throw new Error(`${id} is not wired`);
  return l;
};

describe('the path through the chapter', () => {
  it('has one lesson per method, [124] to [145], in the chapter’s order and levels', () => {
    expect(lessons.map((l) => l.surveyRef)).toEqual(Array.from({ length: 22 }, (_, i) => 124 + i));
    const level = (r: number) => (r <= 136 ? 'kernel' : r <= 142 ? 'layer' : 'network');
    for (const l of lessons) expect(l.level, l.id).toBe(level(l.surveyRef));
    expect(new Set(lessons.map((l) => l.id)).size).toBe(22);
  });
  it('every lesson is written in both languages, no field empty', () => {
    for (const l of lessons)
      for (const lang of ['en', 'zh'] as const)
        for (const [k, v] of Object.entries(l.text[lang]))
          expect((v as string).trim(), `${l.id}.${lang}.${k}`).not.toBe('');
  });
  it('every wired lesson has its worked example; these lessons still wait for wiring', () => {
    for (const l of lessons) if (l.live !== undefined) expect(exampleOf(l), l.id).toBeDefined();
    // The lists to shrink: lessons whose example has landed but whose knob, formula, paper figures and
    // check are not written yet, then lessons still waiting for their example.
    const unwired = lessons.filter((l) => l.live === undefined);
    expect(unwired.filter((l) => exampleOf(l) !== undefined).map((l) => l.id)).toEqual([]);
    expect(unwired.filter((l) => exampleOf(l) === undefined).length).toBe(9);
  });
  it.each(lessons.filter((l) => l.live !== undefined).map((l) => [l.id, l] as const))(
    '%s: every knob value builds a clean design that reads back its value',
    (_, lesson) => {
      for (const v of lesson.live?.knob.values ?? []) {
        const r = at(lesson, v);
        expect(
          r.analysis.diagnostics.filter((d) => d.severity === 'error'),
          `${lesson.id} at ${v}`,
        ).toEqual([]);
        expect(r.knob).toBe(v);
        expect(r.formula).toBeDefined();
      }
    },
  );
});

// Each lesson's figures against closed forms written here from the papers (batch 1, BN 2 params per channel).
describe('Fire', () => {
  it.each([4, 8, 16, 64])('s = %i: params, multiply-adds and the ratio', (s) => {
    const r = at(wired('fire'), s);
    const hw = 55 * 55;
    expect(r.live.method.params).toBe(96 * s + s + (s * 64 + 64) + (s * 64 * 9 + 64));
    expect(r.live.baseline.params).toBe(96 * 128 * 9 + 128);
    expect(r.live.method.multiplyAdds).toBe(hw * (96 * s + s * 64 + s * 64 * 9));
    expect(r.formula?.value).toBeCloseTo((96 * s + 64 * s + 576 * s) / (9 * 96 * 128), 12);
    expect(r.formula?.measured).toBeCloseTo(r.formula?.value ?? NaN, 12);
  });
  it('shows SqueezeNet Table 1’s 11,920 at s = 16, and the task needs s ≤ 10', () => {
    const l = wired('fire');
    const r = at(l, 16);
    expect(l.live?.paper(r.live, 16)).toMatchObject([{ paper: 11920, tool: 11920 }]);
    expect(l.live?.check(r.live)).toBe(false);
    expect(l.live?.check(at(l, 8).live)).toBe(true);
  });
});

describe('depthwise-separable', () => {
  it.each([0.25, 0.5, 1])('α = %f: 1/N + 1/Dk² equals the measured ratio', (a) => {
    const n = 512 * a;
    const r = at(wired('depthwise-separable'), a);
    expect(r.live.baseline.multiplyAdds).toBe(9 * n * n * 196);
    expect(r.live.method.multiplyAdds).toBe(9 * n * 196 + n * n * 196);
    expect(r.formula?.value).toBeCloseTo(1 / n + 1 / 9, 12);
    expect(r.formula?.measured).toBeCloseTo(1 / n + 1 / 9, 12);
  });
  it('MobileNet Table 3 beside the tool at α = 1; the task passes at α = 0.5, not 0.75', () => {
    const l = wired('depthwise-separable');
    const r = at(l, 1);
    const rows = l.live?.paper(r.live, 1) ?? [];
    expect(rows.map((x) => x.paper)).toEqual([462e6, 2.36e6, 52.3e6, 0.27e6]);
    expect(rows.map((x) => x.tool)).toEqual([
      9 * 512 * 512 * 196,
      9 * 512 * 512,
      9 * 512 * 196 + 512 * 512 * 196,
      9 * 512 + 512 * 512,
    ]);
    expect(l.live?.check(at(l, 0.5).live)).toBe(true);
    expect(l.live?.check(at(l, 0.75).live)).toBe(false);
  });
});

describe('inverted residual', () => {
  it.each([2, 4, 6, 10])('t = %i: h·w·d′·t·(d′ + k² + d″) against the separable conv', (t) => {
    const r = at(wired('inverted-residual'), t);
    const hw = 56 * 56;
    expect(r.live.method.multiplyAdds).toBe(hw * 24 * t * (24 + 9 + 24));
    expect(r.live.baseline.multiplyAdds).toBe(hw * (9 * 24 + 24 * 24));
    expect(r.formula?.measured).toBeCloseTo((t * 57) / 33, 12);
    expect(r.formula?.value).toBeCloseTo((t * 57) / 33, 12);
  });
  it('the task passes only at t = 4; MobileNetV2 Table 4 prints 300M multiply-adds', () => {
    const l = wired('inverted-residual');
    expect((l.live?.knob.values ?? []).filter((t) => l.live?.check(at(l, t).live))).toEqual([4]);
    const rows = l.live?.paper(at(l, 6).live, 6) ?? [];
    expect(rows.find((x) => x.quantity === 'multiplyAdds')?.paper).toBe(300e6);
  });
});

describe('ShuffleNet', () => {
  it.each([1, 2, 3, 4, 6, 12])('g = %i: hw(2cm/g + 9m) against hw(2cm + 9m²)', (g) => {
    const r = at(wired('shufflenet'), g);
    const [c, m, hw] = [240, 60, 28 * 28];
    expect(r.live.method.multiplyAdds).toBe(hw * ((2 * c * m) / g + 9 * m));
    expect(r.formula?.measured).toBeCloseTo(((2 * c * m) / g + 9 * m) / (2 * c * m + 9 * m * m), 12);
    expect(r.formula?.value).toBeCloseTo(r.formula?.measured ?? NaN, 12);
  });
  it('Table 1’s network figure for g = 3 and none for g = 6; the task needs g ≥ 4', () => {
    const l = wired('shufflenet');
    expect(l.live?.paper(at(l, 3).live, 3).map((x) => x.paper)).toEqual([137e6]);
    expect(l.live?.paper(at(l, 6).live, 6)).toEqual([]);
    expect(l.live?.check(at(l, 3).live)).toBe(false);
    expect(l.live?.check(at(l, 4).live)).toBe(true);
  });
});

describe('ShuffleNetV2', () => {
  it.each([48, 116, 176, 244])(
    '%i channels: the branch 1×1 conv’s MAC is hw(c₁ + c₂) + c₁c₂ at c₁ = c₂',
    (c) => {
      const r = at(wired('shufflenet-v2'), c);
      const h = c / 2;
      expect(r.live.method.multiplyAdds).toBe(784 * (2 * h * h + 9 * h));
      expect(r.formula?.value).toBe(784 * 2 * h + h * h);
      expect(r.formula?.measured).toBe(784 * 2 * h + h * h);
    },
  );
  it('Table 5 for the 1× network; the task passes at 0.5× only', () => {
    const l = wired('shufflenet-v2');
    expect(l.live?.paper(at(l, 116).live, 116).map((x) => x.paper)).toEqual([146e6, 2.3e6]);
    expect((l.live?.knob.values ?? []).filter((c) => l.live?.check(at(l, c).live))).toEqual([48]);
  });
});

describe('IGC', () => {
  it.each([1, 2, 8, 32, 64])('L = %i: C(9M + L) weights against 9C²', (l) => {
    const r = at(wired('igc'), l);
    const m = 64 / l;
    expect(r.live.method.params).toBe(64 * (9 * m + l) + 2 * 64);
    expect(r.live.method.multiplyAdds).toBe(1024 * 64 * (9 * m + l));
    expect(r.formula?.value).toBeCloseTo((9 * m + l) / (9 * 64), 12);
    expect(r.formula?.measured).toBeCloseTo((9 * m + l) / (9 * 64), 12);
  });
  it('the task passes only at the balanced split L = 32, M = 2', () => {
    const l = wired('igc');
    expect((l.live?.knob.values ?? []).filter((v) => l.live?.check(at(l, v).live))).toEqual([32]);
  });
});

describe('zero-memory-overhead direct conv', () => {
  const map = 64 * 56 * 56;
  it.each([1, 3, 5, 7])(
    'k = %i: the im2col buffer is k² input maps (none at 1×1), peaks under each lowering',
    (k) => {
      const r = at(wired('direct-conv'), k);
      const buffer = k === 1 ? 0 : 64 * k * k * 56 * 56;
      const conv = r.analysis.layers.find((l) => l.name === 'conv_k');
      expect(conv?.outputShapes[0]).toEqual([1, 64, 56, 56]);
      expect(conv?.workspace).toBe(buffer);
      // While conv_k runs: the input, the 1×1's output (a network output) and its own output.
      const v = loweringView(r.analysis);
      expect(v.peak.direct.elements).toBe(3 * map);
      expect(v.peak.im2col.elements).toBe(3 * map + buffer);
      expect(r.formula?.value).toBe(k === 1 ? 0 : k * k);
      expect(r.formula?.measured).toBe(buffer / map);
      // The arithmetic does not change with the lowering: both sides as a conv counts them.
      expect(r.live.method.multiplyAdds).toBe(64 * 64 * k * k * 56 * 56);
      expect(r.live.baseline.multiplyAdds).toBe(64 * 64 * 56 * 56);
    },
  );
  it('the task passes once (3 + k²)/3 ≥ 9: at 5×5 and 7×7, not 3×3; no paper figure', () => {
    const l = wired('direct-conv');
    expect((l.live?.knob.values ?? []).filter((k) => l.live?.check(at(l, k).live))).toEqual([5, 7]);
    expect(l.live?.paper(at(l, 3).live, 3)).toEqual([]);
  });
});

describe('LCNN', () => {
  const [cin, cout, s, hw] = [64, 64, 3, 32 * 32];
  it.each([16, 32, 64, 128, 256, 512])(
    'k = %i: effective k·Cin·H·W + s·9·Cout·H′W′ against 9·Cin·Cout·H′W′',
    (k) => {
      const r = at(wired('lcnn'), k);
      const lcnn = r.analysis.layers.filter((l) => l.name === 'lcnn');
      expect(effectiveTotals(lcnn)).toEqual({
        params: k * cin + s * 9 * cout,
        multiplyAdds: k * cin * hw + s * 9 * cout * hw,
        indices: s * 9 * cout,
        kernels: ['lookup conv (LCNN)'],
      });
      // The lesson's sides count the effective figures (as exported, the dense lookup weight would
      // cost more than the dense conv once k > 57).
      expect(r.live.method.multiplyAdds).toBe(k * cin * hw + s * 9 * cout * hw);
      expect(r.live.method.params).toBe(k * cin + s * 9 * cout);
      expect(r.live.baseline.multiplyAdds).toBe(9 * cin * cout * hw);
      expect(r.formula?.value).toBeCloseTo(k / (9 * cout) + s / cin, 12);
      expect(r.formula?.measured).toBeCloseTo(k / (9 * cout) + s / cin, 12);
    },
  );
  it('the task (under a quarter) passes for k ≤ 64, not at the example’s 128; no per-layer paper figure', () => {
    const l = wired('lcnn');
    expect((l.live?.knob.values ?? []).filter((k) => l.live?.check(at(l, k).live))).toEqual([16, 32, 64]);
    expect(l.live?.paper(at(l, 128).live, 128)).toEqual([]);
    expect(l.live?.knob.read(exampleOf(l)?.build() ?? { name: '', nodes: [], edges: [] })).toBe(128);
  });
});

describe('IGCV2', () => {
  it.each([
    [2, 6],
    [4, 3],
    [8, 2],
    [16, 2],
    [64, 1],
  ])('K = %i, L − 1 = %i: 9C + (L−1)·C·K weights against 9C²', (k, m) => {
    const r = at(wired('igcv2'), k);
    const [c, hw] = [64, 32 * 32];
    expect(r.live.method.params).toBe(9 * c + m * c * k + 2 * c);
    expect(r.live.method.multiplyAdds).toBe((9 * c + m * c * k) * hw);
    expect(r.live.baseline.multiplyAdds).toBe(9 * c * c * hw);
    expect(r.formula?.value).toBeCloseTo((9 * c + m * c * k) / (9 * c * c), 12);
    expect(r.formula?.measured).toBeCloseTo((9 * c + m * c * k) / (9 * c * c), 12);
  });
  it('the task passes at the complementary K with the fewest weights: K = 2 and K = 4 (2·6 = 4·3 = 12)', () => {
    const l = wired('igcv2');
    expect((l.live?.knob.values ?? []).filter((k) => l.live?.check(at(l, k).live))).toEqual([2, 4]);
    expect(l.live?.paper(at(l, 4).live, 4)).toEqual([]);
  });
});

describe('FLGC', () => {
  // Input groups 24, 24, 8, 8 (fixed); the wide groups get f filters each, the narrow ones 32 − f.
  it.each([4, 8, 16, 24, 28])('f = %i: Σ|in_g|·|out_g|·9·H′W′ against the equal group conv’s C·N/G', (f) => {
    const r = at(wired('flgc'), f);
    const hw = 32 * 32;
    const pairs = 2 * 24 * f + 2 * 8 * (32 - f);
    expect(r.live.method.params).toBe(pairs * 9);
    expect(r.live.method.multiplyAdds).toBe(pairs * 9 * hw);
    expect(r.live.baseline.multiplyAdds).toBe(64 * 64 * 9 * hw);
    expect(r.formula?.value).toBeCloseTo(pairs / 1024, 12);
    expect(r.formula?.measured).toBeCloseTo(pairs / 1024, 12);
  });
  it('the task passes only when the wide input groups get fewer filters (f < 16); no paper figure', () => {
    const l = wired('flgc');
    expect((l.live?.knob.values ?? []).filter((f) => l.live?.check(at(l, f).live))).toEqual([4, 8, 12]);
    expect(l.live?.paper(at(l, 16).live, 16)).toEqual([]);
  });
});

describe('direct sparse conv', () => {
  it.each([0.1, 0.25, 0.3, 1])('d = %f: effective nnz·H′W′ against the dense conv', (d) => {
    const r = at(wired('direct-sparse'), d);
    const weights = 384 * 256 * 9;
    const nnz = Math.round(d * weights);
    expect(r.live.baseline.multiplyAdds).toBe(weights * 13 * 13);
    expect(r.formula?.value).toBeCloseTo(nnz / weights, 12);
    expect(r.formula?.measured).toBeCloseTo(nnz / weights, 12);
  });
  it('the task passes below a quarter: d = 0.1 and 0.2, not d = 0.25 (exactly a quarter)', () => {
    const l = wired('direct-sparse');
    expect((l.live?.knob.values ?? []).filter((d) => l.live?.check(at(l, d).live))).toEqual([0.1, 0.2]);
  });
});

describe('basis filters', () => {
  it.each([8, 16, 32, 48])('m = %i: Cin·6m + 2m·Cout weights against 9·Cin·Cout', (m) => {
    const r = at(wired('basis-filters'), m);
    expect(r.live.method.params).toBe(64 * (3 * m + 3 * m) + 2 * m * 64);
    expect(r.live.method.multiplyAdds).toBe(32 * 32 * (64 * 6 * m + 2 * m * 64));
    expect(r.live.baseline.params).toBe(9 * 64 * 64);
    expect(r.formula?.value).toBeCloseTo((512 * m) / 36864, 12);
    expect(r.formula?.measured).toBeCloseTo((512 * m) / 36864, 12);
  });
  it('halves the 3×3 conv’s 36,864 weights up to m = 32 (m = 36 is exactly half)', () => {
    const l = wired('basis-filters');
    expect((l.live?.knob.values ?? []).filter((v) => l.live?.check(at(l, v).live))).toEqual([8, 16, 24, 32]);
  });
});

describe('versatile filters', () => {
  it.each([1, 2, 4, 8])(
    'n = %i: P·ĉ·9 stored, P = 64/(2n), ĉ = 64 − 8(n − 1), each secondary over its taps',
    (n) => {
      const r = at(wired('versatile'), n);
      const [primaries, cHat] = [64 / (2 * n), 64 - 8 * (n - 1)];
      expect(r.live.method.params).toBe(primaries * cHat * 9);
      expect(r.live.method.multiplyAdds).toBe(primaries * n * cHat * (9 + 1) * 32 * 32);
      expect(r.live.baseline.params).toBe(9 * 64 * 64);
      expect(r.formula?.value).toBeCloseTo(cHat / (2 * n * 64), 12);
      expect(r.formula?.measured).toBeCloseTo(cHat / (2 * n * 64), 12);
    },
  );
  it('spatial filters alone store exactly half: the task needs channel secondaries', () => {
    const l = wired('versatile');
    expect(at(l, 1).live.method.params).toBe(36864 / 2);
    expect((l.live?.knob.values ?? []).filter((v) => l.live?.check(at(l, v).live))).toEqual([2, 4, 8]);
  });
  it('shows the paper’s Versatile-ResNet-50 (75.6 MB, 3.2×10⁹) at n = 1, nothing for the others', () => {
    const l = wired('versatile');
    const rows = l.live?.paper(at(l, 1).live, 1) ?? [];
    // Every k×k conv of ResNet-50 (7×7 stem, 16 3×3) as spatial versatile filters, written out here:
    // ResNet-50 has 25,503,912 conv and FC weights + FC bias and 4,089,184,256 multiply-adds; the stem
    // keeps 16 of 64 filters over 49 + 25 + 9 + 1 taps, each 3×3 half its filters over 9 + 1 taps.
    const threeByThree = [
      [3, 64, 56],
      [4, 128, 28],
      [6, 256, 14],
      [3, 512, 7],
    ] as const;
    const params =
      25_503_912 - 64 * 3 * 49 + 16 * 3 * 49 - threeByThree.reduce((s, [b, w]) => s + (b * w * w * 9) / 2, 0);
    const multiplyAdds =
      4_089_184_256 -
      118_013_952 +
      16 * 3 * 84 * 112 * 112 -
      threeByThree.reduce((s, [b, w, h]) => s + b * w * w * h * h * (9 - 10 / 2), 0);
    expect(rows.map((x) => [x.quantity, x.tool])).toEqual([
      ['params', params],
      ['multiplyAdds', multiplyAdds],
    ]);
    expect(Math.floor(((params * 4) / 2 ** 20) * 10) / 10).toBe(75.6);
    expect(Math.round(multiplyAdds / 1e8) / 10).toBe(3.2);
    expect(rows.map((x) => x.paper)).toEqual([(75.6 * 2 ** 20) / 4, 3.2e9]);
    expect(l.live?.paper(at(l, 2).live, 2)).toEqual([]);
  });
});
