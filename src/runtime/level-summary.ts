import { isDistribution, latencyStats, softmax, topK, type LatencyStats, type Ranked } from './outputs';
import type { OutputTensor } from './protocol';

/** One NestedNet level as it ran: its latency and the top-5 of its first output. */
export interface LevelRun {
  readonly width: number;
  readonly latency: LatencyStats;
  readonly top5: readonly Ranked[];
  /** How many classes the output has (named as ImageNet's only when there are 1000). */
  readonly classes: number;
}

/**
 * The figures the run panel compares across levels: latency over the timed runs, and the five
 * most probable classes (softmax first when the output is logits).
 */
export function levelRun(
  width: number,
  samples: readonly number[],
  outputs: readonly OutputTensor[],
): LevelRun {
  const first = outputs[0]?.data ?? new Float32Array(0);
  const probabilities = isDistribution(first) ? first : softmax(first);
  return { width, latency: latencyStats(samples), top5: topK(probabilities, 5), classes: first.length };
}

/** How many of the top-5 classes of `a` are also in the top-5 of `b`. */
export function topFiveOverlap(a: readonly Ranked[], b: readonly Ranked[]): number {
  const other = new Set(b.map((r) => r.index));
  return a.filter((r) => other.has(r.index)).length;
}
