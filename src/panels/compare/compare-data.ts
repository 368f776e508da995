import { diffDesigns, type NodeDiff } from '../../core/analysis/diff';
import type { Analysis } from '../../core/analysis/analysis-types';
import type { Design } from '../../core/design/design-types';

/** The figures the comparison pairs block by block. */
export const pairFigures = ['multiplyAdds', 'params', 'memoryAccess'] as const;
export type PairFigure = (typeof pairFigures)[number];

/** The totals it shows side by side. */
export const totalKeys = [
  'params',
  'multiplyAdds',
  'memoryAccessConvFc',
  'memoryAccess',
  'activationPeak',
  'activationSum',
] as const;
export type TotalKey = (typeof totalKeys)[number];

export interface TotalRow {
  readonly key: TotalKey;
  readonly left: number;
  readonly right: number;
  readonly delta: number;
  /** right / left, undefined when the left side has none of it. */
  readonly ratio: number | undefined;
}

const total = (a: Analysis, k: TotalKey): number =>
  k === 'activationPeak' ? a.activations.peak : k === 'activationSum' ? a.activations.sum : a.totals[k];

export function totalRows(left: Analysis, right: Analysis): TotalRow[] {
  return totalKeys.map((key) => {
    const l = total(left, key);
    const r = total(right, key);
    return { key, left: l, right: r, delta: r - l, ratio: l === 0 ? undefined : r / l };
  });
}

/** One pair of the structural comparison: the nodes at the same place in both designs. */
export interface PairRow {
  /** Position in running order, from 1. */
  readonly position: number;
  readonly status: NodeDiff['status'];
  readonly kind: string;
  readonly leftLabel: string | undefined;
  readonly rightLabel: string | undefined;
  readonly left: Readonly<Record<PairFigure, number>>;
  readonly right: Readonly<Record<PairFigure, number>>;
  /** What differs in the settings ("stride 1 → 2"), or which nodes a group replaces. */
  readonly changes: readonly string[];
}

/**
 * The two designs paired by structure (position and kind, never by label): the same pairing the
 * baseline diff uses, read with each side's own labels.
 */
export function pairRows(left: Analysis, right: Analysis): PairRow[] {
  const labelOf = (a: Analysis, id: string | undefined) =>
    id === undefined ? undefined : a.design.nodes.find((n) => n.id === id)?.label;
  return diffDesigns(left, right).nodes.map((d, i) => ({
    position: i + 1,
    status: d.status,
    kind: d.kind,
    leftLabel: labelOf(left, d.baseId),
    rightLabel: d.currentId === undefined ? undefined : d.label,
    left: { multiplyAdds: d.base.multiplyAdds, params: d.base.params, memoryAccess: d.base.memoryAccess },
    right: {
      multiplyAdds: d.current.multiplyAdds,
      params: d.current.params,
      memoryAccess: d.current.memoryAccess,
    },
    changes: d.changes,
  }));
}

/**
 * A pair's tag for the figure shown: a row present on both sides is "changed" only when that figure
 * differs exactly (never judged on the rounded text, so 1.20M → 1.20M that differs by 3 is changed, and a
 * renamed layer or a setting that moves no figure is "same"); rows on one side keep their tag.
 */
export function pairStatus(row: PairRow, figure: PairFigure): PairRow['status'] {
  if (row.status === 'added' || row.status === 'removed') return row.status;
  return row.left[figure] === row.right[figure] ? 'same' : 'changed';
}

export interface Bar {
  readonly row: PairRow;
  readonly delta: number;
  /** delta over the largest |delta| shown, in [−1, 1]. */
  readonly fraction: number;
}

/** The pairs whose figure differs most, largest change first, scaled for a diverging bar chart. */
export function differenceBars(rows: readonly PairRow[], figure: PairFigure, limit: number): Bar[] {
  const moved = rows
    .map((row) => ({ row, delta: row.right[figure] - row.left[figure] }))
    .filter((b) => b.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.row.position - b.row.position)
    .slice(0, limit);
  const largest = Math.max(0, ...moved.map((b) => Math.abs(b.delta)));
  return moved.map((b) => ({ ...b, fraction: largest === 0 ? 0 : b.delta / largest }));
}

/** Both sides' accuracy on one dataset, when both were trained on it (the newest result of each). */
export interface AccuracyRow {
  readonly dataset: string;
  readonly left: number;
  readonly right: number;
  /** right − left, in accuracy (0–1). */
  readonly delta: number;
}

/**
 * Accuracy beside the costs: the dataset both designs have results on (the right side's newest such
 * result decides which), each side's newest result on it. Undefined when they share none.
 */
export function accuracyRow(left: Design, right: Design): AccuracyRow | undefined {
  const newestOn = (d: Design, dataset: string) => d.results?.findLast((r) => r.dataset.name === dataset);
  for (const r of [...(right.results ?? [])].reverse()) {
    const l = newestOn(left, r.dataset.name);
    if (l !== undefined)
      return { dataset: r.dataset.name, left: l.top1, right: r.top1, delta: r.top1 - l.top1 };
  }
  return undefined;
}
