/** Post-processing of output tensors and timings: pure functions. */

export function softmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] ?? -Infinity);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = Math.exp((logits[i] ?? 0) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

/** True when the values already are a probability distribution (the design ends in a softmax). */
export function isDistribution(values: ArrayLike<number>, tolerance = 1e-3): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? -1;
    if (v < 0 || v > 1) return false;
    sum += v;
  }
  return Math.abs(sum - 1) < tolerance;
}

export interface Ranked {
  readonly index: number;
  readonly probability: number;
}

/** The k largest probabilities, largest first (ties: lower index first). */
export function topK(probabilities: ArrayLike<number>, k: number): Ranked[] {
  const best: Ranked[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] ?? 0;
    if (best.length === k && p <= (best[k - 1]?.probability ?? -Infinity)) continue;
    let at = best.findIndex((b) => p > b.probability);
    if (at < 0) at = best.length;
    best.splice(at, 0, { index: i, probability: p });
    if (best.length > k) best.pop();
  }
  return best;
}

export interface TensorSummary {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Counts in equal-width bins from min to max. */
  readonly histogram: readonly number[];
  /** Values that were NaN or infinite (left out of the figures above). */
  readonly nonFinite: number;
}

export function summarize(data: ArrayLike<number>, bins = 20): TensorSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    count++;
  }
  const histogram = new Array<number>(bins).fill(0);
  const width = max - min;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    const b = width > 0 ? Math.min(bins - 1, Math.floor(((v - min) / width) * bins)) : 0;
    histogram[b] = (histogram[b] ?? 0) + 1;
  }
  return {
    count,
    min: count > 0 ? min : NaN,
    max: count > 0 ? max : NaN,
    mean: count > 0 ? sum / count : NaN,
    histogram,
    nonFinite: data.length - count,
  };
}

export interface LatencyStats {
  readonly runs: number;
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  /** (p90 − p10) / median: how noisy the timing was. */
  readonly spread: number;
}

export function latencyStats(samples: readonly number[]): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): number => {
    if (s.length === 0) return NaN;
    const at = p * (s.length - 1);
    const lo = Math.floor(at);
    const hi = Math.ceil(at);
    return (s[lo] ?? NaN) + ((s[hi] ?? NaN) - (s[lo] ?? NaN)) * (at - lo);
  };
  const median = q(0.5);
  const p10 = q(0.1);
  const p90 = q(0.9);
  return {
    runs: s.length,
    median,
    p10,
    p90,
    min: s[0] ?? NaN,
    spread: median > 0 ? (p90 - p10) / median : NaN,
  };
}

/** The median of a list (NaN when empty). */
export const median = (values: readonly number[]): number => latencyStats(values).median;
