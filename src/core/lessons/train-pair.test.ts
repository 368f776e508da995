import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { findLesson } from './lesson-registry';
import { trainBothLessons, trainPair } from './train-pair';

const pairAt = (id: (typeof trainBothLessons)[number], value: number) => {
  const knob = findLesson(id)?.live?.knob;
  if (knob === undefined) throw new Error(id);
  const pair = trainPair(id, knob.build(value), () => knob.build(1));
  if (pair === undefined) throw new Error(`${id}: no pair`);
  return { baseline: analyze(pair.baseline), method: analyze(pair.method) };
};

describe('the two designs a lesson trains', () => {
  it('puts Fire and the 3×3 conv between the same stem and head, counted in closed form', () => {
    const { baseline, method } = pairAt('fire', 16);
    // Stem: 3×3 conv 1 → 96 (no bias) at 14×14, batch norm (γ, β), max pool to 7×7; head: 128 → 10 with bias.
    const stem = { params: 9 * 96 + 2 * 96, madds: 14 * 14 * 9 * 96 };
    const head = { params: 128 * 10 + 10, madds: 128 * 10 };
    const conv = { params: 96 * 128 * 9 + 128, madds: 7 * 7 * 96 * 128 * 9 };
    // fire2 with s = 16: squeeze 96 → 16, expand 16 → 64 (1×1) and 16 → 64 (3×3), biases on all.
    const fire = {
      params: 96 * 16 + 16 + 16 * 64 + 64 + 16 * 64 * 9 + 64,
      madds: 7 * 7 * (96 * 16 + 16 * 64 + 16 * 64 * 9),
    };
    expect(baseline.totals.params).toBe(stem.params + conv.params + head.params);
    expect(baseline.totals.multiplyAdds).toBe(stem.madds + conv.madds + head.madds);
    expect(method.totals.params).toBe(stem.params + fire.params + head.params);
    expect(method.totals.multiplyAdds).toBe(stem.madds + fire.madds + head.madds);
  });

  it('gives every accuracy lesson two valid designs that end in ten class scores from 28×28 grey images', () => {
    for (const id of trainBothLessons) {
      const knob = findLesson(id)?.live?.knob;
      for (const v of knob?.values ?? []) {
        const pair = pairAt(id, v);
        for (const a of [pair.baseline, pair.method]) {
          expect(
            a.diagnostics.filter((d) => d.severity === 'error'),
            `${id} ${String(v)}`,
          ).toEqual([]);
          expect(a.layers.findLast((l) => l.op === 'Linear')?.outputShapes[0], `${id} ${String(v)}`).toEqual([
            1, 10,
          ]);
        }
      }
    }
  });

  it('trains MorphNet’s small CNN at width 1 against the multiplier chosen', () => {
    const { baseline, method } = pairAt('morphnet', 0.5);
    // Small CNN at width 1 (3×32×32 in, convs 32, 64 s2, 64, no bias; BN; fc 64 → 10).
    expect(baseline.totals.multiplyAdds).toBe(
      32 * 32 * 9 * 3 * 32 + 16 * 16 * 9 * 32 * 64 + 16 * 16 * 9 * 64 * 64 + 64 * 10,
    );
    expect(method.totals.multiplyAdds).toBeLessThan(baseline.totals.multiplyAdds / 3);
  });
});
