import { trainedHash } from '../document/design-hash';
import type { TrainingResult } from '../document/results';
import type { Design } from '../design/design-types';

/** The design's newest training result, and whether the design is still the one that was trained. */
export interface LatestResult {
  readonly result: TrainingResult;
  /** False when a layer or wire changed since (the accuracy is of an earlier version). */
  readonly current: boolean;
}

/** The newest result on the design (results are kept in the order they were made), if any. */
export function latestResult(design: Design): LatestResult | undefined {
  const result = design.results?.at(-1);
  if (result === undefined) return undefined;
  return { result, current: result.designHash === trainedHash(design) };
}
