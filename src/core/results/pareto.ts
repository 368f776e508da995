/**
 * The Pareto front of accuracy against a cost: the results no other result beats on both counts (at
 * most the cost and at least the accuracy, better on one). Lower cost and higher accuracy are better.
 */

export interface TradeOffPoint {
  readonly cost: number;
  readonly accuracy: number;
}

/** Whether `a` dominates `b`: no worse on both and better on one. */
export const dominates = (a: TradeOffPoint, b: TradeOffPoint): boolean =>
  a.cost <= b.cost && a.accuracy >= b.accuracy && (a.cost < b.cost || a.accuracy > b.accuracy);

/**
 * The non-dominated points, cheapest first (each one more accurate than the one before). Of points
 * equal on both counts the first is kept. O(n log n): sort by cost (ties: most accurate first), then
 * keep each point that beats the best accuracy seen so far.
 */
export function paretoFront<T extends TradeOffPoint>(points: readonly T[]): T[] {
  const order = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => Number.isFinite(p.cost) && Number.isFinite(p.accuracy))
    .sort((a, b) => a.p.cost - b.p.cost || b.p.accuracy - a.p.accuracy || a.i - b.i);
  const front: T[] = [];
  let best = -Infinity;
  for (const { p } of order) {
    if (p.accuracy > best) {
      front.push(p);
      best = p.accuracy;
    }
  }
  return front;
}
