import type { Design } from '../design/design-types';
import { analyze } from './analyze';
import { scaleDesign, type WidthRounding } from './scale';
import type { Analysis } from './analysis-types';

/** Limits a design must stay within; a figure left out has no limit. */
export interface Budgets {
  readonly multiplyAdds?: number;
  readonly params?: number;
  readonly peakActivations?: number;
  readonly memoryAccess?: number;
}

export type BudgetFigure = keyof Budgets;

export interface BudgetCheck {
  readonly figure: BudgetFigure;
  readonly limit: number;
  readonly value: number;
  readonly over: boolean;
  /** value / limit. */
  readonly ratio: number;
}

export function figureValue(a: Analysis, figure: BudgetFigure): number {
  switch (figure) {
    case 'multiplyAdds':
      return a.totals.multiplyAdds;
    case 'params':
      return a.totals.params;
    case 'peakActivations':
      return a.activations.peak;
    case 'memoryAccess':
      return a.totals.memoryAccess;
  }
}

const figures: readonly BudgetFigure[] = ['multiplyAdds', 'params', 'peakActivations', 'memoryAccess'];

export function checkBudgets(a: Analysis, budgets: Budgets): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  for (const figure of figures) {
    const limit = budgets[figure];
    if (limit === undefined) continue;
    const value = figureValue(a, figure);
    checks.push({ figure, limit, value, over: value > limit, ratio: limit === 0 ? Infinity : value / limit });
  }
  return checks;
}

/** The top-level nodes that cost most in a figure, with their share of the total. */
export function costliestNodes(
  a: Analysis,
  figure: BudgetFigure,
  count = 3,
): { nodeId: string; value: number; share: number }[] {
  const total = figureValue(a, figure);
  const value = (id: string): number => {
    const info = a.nodes.get(id);
    if (info === undefined) return 0;
    if (figure === 'peakActivations')
      return (info.outputShapes ?? []).reduce((s, shape) => s + shape.reduce((x, y) => x * y, 1), 0);
    if (figure === 'multiplyAdds') return info.cost.multiplyAdds;
    if (figure === 'params') return info.cost.params;
    return info.cost.memoryAccess;
  };
  return [...a.nodes.keys()]
    .map((nodeId) => ({ nodeId, value: value(nodeId), share: total === 0 ? 0 : value(nodeId) / total }))
    .filter((n) => n.value > 0)
    .sort((x, y) => y.value - x.value)
    .slice(0, count);
}

export interface FitResult {
  /** The largest width multiplier (to 0.01) whose design has no errors and meets every budget. */
  readonly width: number;
  readonly analysis: Analysis;
  readonly design: Design;
}

/**
 * MorphNet-style fit: the largest uniform width multiplier within the budgets, between 0.05 and
 * `maxWidth`, to two decimals. Costs grow with width (up to rounding of channel counts), so a
 * bisection finds the boundary and a short scan below it settles the rounding. Widths are rounded
 * as `rounding` says: to the channel (MorphNet's) or to a multiple of 8. Undefined when even the
 * narrowest design is over budget.
 */
export function fitWidth(
  design: Design,
  budgets: Budgets,
  maxWidth = 4,
  resolution?: number,
  rounding: WidthRounding = 'channel',
): FitResult | undefined {
  const cache = new Map<number, FitResult | null>();
  const tryWidth = (w: number): FitResult | null => {
    const hit = cache.get(w);
    if (hit !== undefined) return hit;
    const scaled = scaleDesign(
      design,
      resolution === undefined ? { width: w, rounding } : { width: w, resolution, rounding },
    );
    const a = analyze(scaled);
    const fits =
      !a.diagnostics.some((d) => d.severity === 'error') && checkBudgets(a, budgets).every((c) => !c.over);
    const r = fits ? { width: w, analysis: a, design: scaled } : null;
    cache.set(w, r);
    return r;
  };
  let lo = 5; // hundredths
  let hi = Math.round(maxWidth * 100);
  if (tryWidth(hi / 100) !== null) return tryWidth(hi / 100) ?? undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (tryWidth(mid / 100) !== null) lo = mid;
    else hi = mid;
  }
  for (let w = lo; w >= Math.max(5, lo - 10); w--) {
    const r = tryWidth(w / 100);
    if (r !== null) return r;
  }
  return undefined;
}
