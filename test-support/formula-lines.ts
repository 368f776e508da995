import { analyze } from '../src/core/analysis/analyze';
import { lessonFor } from '../src/core/analysis/teaching';
import type { Analysis } from '../src/core/analysis/analysis-types';
import { examples } from '../src/core/examples/example-registry';
import type { Design } from '../src/core/design/design-types';
import { anyOpDef, type OpKind } from '../src/core/ops/op-registry';
import { lessonLive } from '../src/core/lessons/live';
import { lessons } from '../src/core/lessons/lesson-registry';
import { presets } from '../src/core/presets/preset-registry';
import { lcclView } from '../src/core/methods/lccl-method';
import { stochasticDepthView } from '../src/core/methods/stochastic-depth-method';
import type { Shape } from '../src/core/shape';
import { conformanceDesigns } from './conformance-designs';

/**
 * Every formula line the app can show, harvested from real designs: each kind's formulas over the
 * conformance cases, the presets, the worked examples and the lessons' knob values; each lesson's key
 * formula; the Cost panel's teaching lines. What a translation of the formulas' words must cover.
 */
export function formulaLines(): Set<string> {
  return new Set(formulaEntries().map((f) => f.symbolic));
}

/** One harvested line: its symbolic rule, its substituted numbers and their message, if any. */
export interface FormulaEntry {
  readonly symbolic: string;
  readonly substituted: string;
  readonly said?: unknown;
}

/** The same harvest, each line whole. */
export function formulaEntries(): FormulaEntry[] {
  const all: FormulaEntry[] = [];
  const out = { add: (f: FormulaEntry) => all.push(f) };
  const designs: Design[] = [
    ...conformanceDesigns().map((c) => c.design),
    ...presets.map((p) => p.build()),
    ...examples.map((e) => e.build()),
  ];
  const visit = (a: Analysis): void => {
    for (const l of a.layers)
      for (const f of anyOpDef(l.op).formulas({
        params: l.params,
        inputs: l.inputShapes,
        outputs: l.outputShapes,
      }))
        out.add(f);
    for (const n of a.design.nodes) {
      const info = a.nodes.get(n.id);
      if (info?.outputShapes === undefined) continue;
      const def = anyOpDef(n.kind as OpKind) as ReturnType<typeof anyOpDef> | undefined;
      if (def === undefined) continue;
      try {
        for (const f of def.formulas({
          params: n.params,
          inputs: info.inputShapes.filter((x): x is Shape => x !== undefined),
          outputs: info.outputShapes,
        }))
          out.add(f);
      } catch {
        // A block reached through anyOpDef without formulas of its own.
      }
      const lesson = lessonFor(a, n.id);
      if (lesson !== undefined) {
        for (const line of lesson.lines) out.add(line);
        if (lesson.ratio !== undefined) out.add(lesson.ratio);
      }
    }
  };
  for (const d of designs) {
    const a = analyze(d);
    visit(a);
    for (const f of stochasticDepthView(a).formulas) out.add(f);
    for (const r of lcclView(a).rows) out.add(r.formula);
  }
  for (const lesson of lessons) {
    if (lesson.live === undefined) continue;
    for (const value of lesson.live.knob.values) {
      const a = analyze(lesson.live.knob.build(value));
      visit(a);
      const live = lessonLive(lesson, a);
      const f = live === undefined ? undefined : lesson.live.formula(live);
      if (f !== undefined) out.add(f);
    }
  }
  return all;
}
