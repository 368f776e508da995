import type { TrainingResult } from '../../core/document/results';
import type { Design } from '../../core/design/design-types';
import { paretoFront } from '../../core/results/pareto';
import type { CostAxis } from './train-store';

/** One result as a point of the results view. */
export interface ResultPoint {
  readonly id: string;
  /** Which design it belongs to: the current one or the pinned baseline. */
  readonly who: 'current' | 'baseline';
  readonly designName: string;
  readonly cost: number;
  readonly accuracy: number;
  readonly result: TrainingResult;
}

/** The dataset names the designs have results on, newest first (the view's choices). */
export function datasetsOf(designs: readonly (Design | undefined)[]): string[] {
  const seen: string[] = [];
  for (const d of designs)
    for (const r of [...(d?.results ?? [])].reverse())
      if (!seen.includes(r.dataset.name)) seen.push(r.dataset.name);
  return seen;
}

/**
 * Every result on `dataset` of the current design and the baseline (a baseline result the current
 * design also holds, same id, is shown once, as the current design's), with the chosen cost as x.
 */
export function resultPoints(
  current: Design,
  baseline: Design | undefined,
  dataset: string,
  axis: CostAxis,
): { points: ResultPoint[]; front: ResultPoint[] } {
  const points: ResultPoint[] = [];
  const ids = new Set<string>();
  const add = (design: Design | undefined, who: ResultPoint['who']) => {
    for (const result of design?.results ?? []) {
      if (result.dataset.name !== dataset || ids.has(result.id)) continue;
      ids.add(result.id);
      points.push({
        id: result.id,
        who,
        designName: design?.name ?? '',
        cost: result.costs[axis],
        accuracy: result.top1,
        result,
      });
    }
  };
  add(current, 'current');
  add(baseline, 'baseline');
  return { points, front: paretoFront(points) };
}
