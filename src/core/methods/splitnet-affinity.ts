import type { Design } from '../design/design-types';
import { msg, refusal, type Refusal } from '../message';
import type { ClassGroups } from '../ops/splitnet-class-order';
import { part } from './splitnet-assignment';

export type AffinityResult =
  | { readonly ok: true; readonly assignment: ClassGroups; readonly classifier: string }
  | ({ readonly ok: false } & Refusal);

/**
 * The assignment for a tree of `levels` (groups per level) from the design's trained classifier:
 * the Linear layer whose scores the Output (or Softmax) reads, its weight rows one per class.
 */
export function affinityAssignment(design: Design, levels: readonly number[]): AffinityResult {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const heads = new Set(
    design.nodes.filter((n) => n.kind === 'Output' || n.kind === 'Softmax').map((n) => n.id),
  );
  const fc = design.edges
    .filter((e) => heads.has(e.to.node))
    .map((e) => byId.get(e.from.node))
    .find((n) => n?.kind === 'Linear');
  if (fc?.kind !== 'Linear') return { ok: false, ...refusal(msg('splitAffinityNoLinear')) };
  const weight = design.weights?.layers[fc.id]?.['weight'];
  const k = fc.params.outFeatures;
  if (weight === undefined || weight.length === 0 || weight.length % k !== 0)
    return { ok: false, ...refusal(msg('splitAffinityUntrained', { label: fc.label })) };
  const leaves = levels.reduce((a, g) => a * g, 1);
  if (k < leaves)
    return { ok: false, ...refusal(msg('splitClasses', { label: fc.label, value: k, groups: leaves })) };
  return { ok: true, assignment: assignmentFromWeights(weight, k, levels), classifier: fc.label };
}

/**
 * A class-to-group assignment for a SplitNet tree derived from a trained classifier's weights
 * (K rows of C, one per class): classes whose weight rows point the same way read the same
 * features, so they go in one group. At each level every group is cut into g near-equal parts
 * along the principal direction of its (normalised, centred) rows: a balanced spectral cut.
 * This is not the paper's learning (there the assignment is optimised with the weights under
 * group regularisers); it is the class affinity of a model trained without splits.
 */
export function assignmentFromWeights(
  weight: Float32Array,
  classes: number,
  levels: readonly number[],
): ClassGroups {
  const features = weight.length / classes;
  const rows = Array.from({ length: classes }, (_, k) => {
    const row = Array.from(weight.subarray(k * features, (k + 1) * features));
    const norm = Math.hypot(...row) || 1;
    return row.map((v) => v / norm);
  });
  let groups: number[][] = [Array.from({ length: classes }, (_, k) => k)];
  for (const g of levels) groups = groups.flatMap((members) => cut(members, rows, g));
  return groups;
}

/** The members in g near-equal parts, in the order of their projection on the principal direction. */
function cut(members: readonly number[], rows: readonly (readonly number[])[], g: number): number[][] {
  const features = rows[0]?.length ?? 0;
  const mean = new Array<number>(features).fill(0);
  for (const k of members)
    for (const [i, v] of (rows[k] ?? []).entries()) mean[i] = (mean[i] ?? 0) + v / members.length;
  const centred = members.map((k) => (rows[k] ?? []).map((v, i) => v - (mean[i] ?? 0)));
  // Power iteration on XᵀX from a fixed start: the direction along which the rows differ most.
  let dir = Array.from({ length: features }, (_, i) => 1 + i / features);
  for (let it = 0; it < 200; it++) {
    const scores = centred.map((r) => r.reduce((a, v, i) => a + v * (dir[i] ?? 0), 0));
    const next = new Array<number>(features).fill(0);
    for (const [m, r] of centred.entries())
      for (const [i, v] of r.entries()) next[i] = (next[i] ?? 0) + v * (scores[m] ?? 0);
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    dir = next.map((v) => v / norm);
  }
  const score = new Map(
    members.map((k, m) => [k, (centred[m] ?? []).reduce((a, v, i) => a + v * (dir[i] ?? 0), 0)]),
  );
  const order = [...members].sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0) || a - b);
  const parts: number[][] = [];
  let next = 0;
  for (let b = 0; b < g; b++) {
    const size = part(order.length, g, b);
    parts.push(order.slice(next, next + size).sort((x, y) => x - y));
    next += size;
  }
  // The direction's sign is arbitrary: the part holding the smallest class comes first.
  return parts.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}
