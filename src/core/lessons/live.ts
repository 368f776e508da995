import { citationText } from '../citation';
import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import { analyze } from '../analysis/analyze';
import { effectiveTotals } from '../analysis/effective-totals';
import type { Design, DesignNode } from '../design/design-types';
import { findPreset } from '../presets/preset-registry';
import type { PresetOptions } from '../presets/preset-types';
import type { LessonDef, Live, PaperRow, SideCost } from './lesson-types';

/** Top-level nodes that feed the Output labelled `label`, the Output itself and Inputs left out. */
function sideNodes(design: Design, label: string): Set<string> | undefined {
  const out = design.nodes.find((n) => n.kind === 'Output' && n.label === label);
  if (out === undefined) return undefined;
  const seen = new Set<string>();
  const stack = [out.id];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    for (const e of design.edges)
      if (e.to.node === id && !seen.has(e.from.node)) {
        seen.add(e.from.node);
        stack.push(e.from.node);
      }
  }
  for (const n of design.nodes) if (n.kind === 'Input') seen.delete(n.id);
  return seen;
}

/**
 * One side's figures: params and multiply-adds as the method's own kernel has them (the effective
 * figures of a versatile or sparse conv, the as-exported ones elsewhere), memory access as exported.
 */
function sideCost(analysis: Analysis, ids: Set<string>): SideCost {
  let params = 0;
  let multiplyAdds = 0;
  let memoryAccess = 0;
  for (const id of ids) {
    const node = analysis.nodes.get(id);
    if (node?.cost === undefined) continue;
    const own = effectiveTotals(analysis.layers.slice(node.layers[0], node.layers[1]));
    params += own.params;
    multiplyAdds += own.multiplyAdds;
    memoryAccess += node.cost.memoryAccess;
  }
  return { params, multiplyAdds, memoryAccess };
}

/** The two sides of a worked example (Outputs "baseline" and "method"), or undefined for another design. */
export function liveOf(analysis: Analysis): Live | undefined {
  const b = sideNodes(analysis.design, 'baseline');
  const m = sideNodes(analysis.design, 'method');
  if (b === undefined || m === undefined) return undefined;
  return { analysis, baseline: sideCost(analysis, b), method: sideCost(analysis, m) };
}

/**
 * Each side of a worked example as a design of its own: the nodes that feed its Output, with the
 * Input and the Output, and the wires between them (for its picture, or to train it alone).
 * Undefined for a design without Outputs "baseline" and "method".
 */
export function sideDesigns(design: Design): { baseline: Design; method: Design } | undefined {
  const side = (label: 'baseline' | 'method'): Design | undefined => {
    const ids = sideNodes(design, label);
    const out = design.nodes.find((n) => n.kind === 'Output' && n.label === label);
    if (ids === undefined || out === undefined) return undefined;
    const fed = new Set(design.edges.filter((e) => ids.has(e.to.node)).map((e) => e.from.node));
    const keep = new Set([
      ...ids,
      out.id,
      ...design.nodes.filter((n) => n.kind === 'Input' && fed.has(n.id)).map((n) => n.id),
    ]);
    return {
      name: `${design.name}: ${label}`,
      nodes: design.nodes.filter((n) => keep.has(n.id)),
      edges: design.edges.filter((e) => keep.has(e.from.node) && keep.has(e.to.node)),
    };
  };
  const baseline = side('baseline');
  const method = side('method');
  return baseline === undefined || method === undefined ? undefined : { baseline, method };
}

/** The live figures as a lesson reads them: its own two sides where it says, else the two Outputs. */
export function lessonLive(lesson: LessonDef, analysis: Analysis): Live | undefined {
  const wired = lesson.live;
  return wired?.sides === undefined ? liveOf(analysis) : wired.sides(analysis);
}

/** A whole design's figures as one side. */
export const totalsSide = (analysis: Analysis): SideCost => ({
  params: analysis.totals.params,
  multiplyAdds: analysis.totals.multiplyAdds,
  memoryAccess: analysis.totals.memoryAccess,
});

export function nodeByLabel(design: Design, label: string): DesignNode | undefined {
  return design.nodes.find((n) => n.label === label);
}

/** A numeric param of the node labelled `label`, if there is one. */
export function paramOf(design: Design, label: string, key: string): number | undefined {
  const v: unknown = (nodeByLabel(design, label)?.params as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'number' ? v : undefined;
}

/** The design with some params of labelled nodes replaced (the example's own nodes, by label). */
export function patch(
  design: Design,
  changes: Readonly<Record<string, Readonly<Record<string, number | readonly number[]>>>>,
): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      const c = changes[n.label];
      return c === undefined ? n : ({ ...n, params: { ...n.params, ...c } } as DesignNode);
    }),
  };
}

/** The primitive layers of the node labelled `label`. */
export function layersOf(analysis: Analysis, label: string): readonly LayerInfo[] {
  const node = nodeByLabel(analysis.design, label);
  const info = node === undefined ? undefined : analysis.nodes.get(node.id);
  return info === undefined ? [] : analysis.layers.slice(info.layers[0], info.layers[1]);
}

const presetAnalyses = new Map<string, Analysis>();

/**
 * A preset's printed figures beside this tool's totals for the same options. `drop` names layer
 * ops the paper's count leaves out (e.g. a classifier), so both count the same thing.
 */
export function presetRows(
  name: string,
  subject: string,
  options: PresetOptions,
  drop: readonly string[] = [],
): PaperRow[] {
  const preset = findPreset(name);
  if (preset === undefined) return [];
  const key = JSON.stringify(options);
  const index = preset.paperFigures.findIndex((f) =>
    Object.entries(f.options).every(([k, v]) => (options as Record<string, unknown>)[k] === v),
  );
  const printed = preset.paperFigures[index];
  if (printed === undefined) return [];
  const cacheKey = `${name} ${key}`;
  let a = presetAnalyses.get(cacheKey);
  if (a === undefined) {
    a = analyze(preset.build(options));
    presetAnalyses.set(cacheKey, a);
  }
  const kept = a.layers.filter((l) => !drop.includes(l.op));
  const sum = (f: (l: LayerInfo) => number) => kept.reduce((s, l) => s + f(l), 0);
  // The UI writes a preset's row from the preset's own figure (`figure`); this is its reference alone.
  const source = { ref: `${preset.paper}, ${citationText(printed.source)}` };
  const rows: PaperRow[] = [];
  if (printed.multiplyAdds !== undefined)
    rows.push({
      quantity: 'multiplyAdds',
      subject,
      paper: printed.multiplyAdds,
      tool: sum((l) => l.cost.multiplyAdds),
      source,
      figure: { preset: name, index },
    });
  if (printed.params !== undefined)
    rows.push({
      quantity: 'params',
      subject,
      paper: printed.params,
      tool: sum((l) => l.cost.params),
      source,
      figure: { preset: name, index },
    });
  return rows;
}
