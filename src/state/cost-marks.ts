import { checkBudgets, costliestNodes, type BudgetFigure, type Budgets } from '../core/analysis/budget';
import { guidelineHints, type Hint } from '../core/analysis/hints';
import type { Analysis } from '../core/analysis/analysis-types';
import { analysisOf } from './analysis';
import { useStudio } from './store';

/**
 * What the cost panel marks on canvas nodes: ShuffleNetV2 guideline hints, and, for each figure over
 * its budget, the nodes that cost most. The canvas reads these through `useNodeMarks` only.
 */
export interface CostlyMark {
  readonly figure: BudgetFigure;
  /** The node's share of the design's total of that figure (0–1). */
  readonly share: number;
}

export interface NodeMarks {
  readonly hints: readonly Hint[];
  readonly costly: readonly CostlyMark[];
}

export const noMarks: NodeMarks = { hints: [], costly: [] };

const hintCache = new WeakMap<Analysis, readonly Hint[]>();

/** guidelineHints(analysis), computed once per analysis. */
export function hintsOf(analysis: Analysis): readonly Hint[] {
  let hints = hintCache.get(analysis);
  if (hints === undefined) {
    hints = guidelineHints(analysis);
    hintCache.set(analysis, hints);
  }
  return hints;
}

const markCache = new WeakMap<Analysis, { budgets: Budgets; marks: ReadonlyMap<string, NodeMarks> }>();

/** Every node's marks, computed once per (analysis, budgets). */
export function nodeMarksOf(analysis: Analysis, budgets: Budgets): ReadonlyMap<string, NodeMarks> {
  const hit = markCache.get(analysis);
  if (hit?.budgets === budgets) return hit.marks;
  const hints = new Map<string, Hint[]>();
  for (const h of hintsOf(analysis)) {
    if (h.nodeId === undefined) continue;
    const list = hints.get(h.nodeId) ?? [];
    list.push(h);
    hints.set(h.nodeId, list);
  }
  const costly = new Map<string, CostlyMark[]>();
  for (const check of checkBudgets(analysis, budgets)) {
    if (!check.over) continue;
    for (const n of costliestNodes(analysis, check.figure, 3)) {
      const list = costly.get(n.nodeId) ?? [];
      list.push({ figure: check.figure, share: n.share });
      costly.set(n.nodeId, list);
    }
  }
  const marks = new Map<string, NodeMarks>();
  for (const id of new Set([...hints.keys(), ...costly.keys()]))
    marks.set(id, { hints: hints.get(id) ?? [], costly: costly.get(id) ?? [] });
  markCache.set(analysis, { budgets, marks });
  return marks;
}

/** The marks of one top-level node (stable object: safe as a zustand selector result). */
export function useNodeMarks(nodeId: string): NodeMarks {
  return useStudio((s) => nodeMarksOf(analysisOf(s.design), s.budgets).get(nodeId) ?? noMarks);
}

/** The design's guideline hints (node hints first, then design-wide ones). */
export function useGuidelineHints(): readonly Hint[] {
  return useStudio((s) => hintsOf(analysisOf(s.design)));
}
