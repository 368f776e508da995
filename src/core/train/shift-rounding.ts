import type { Design } from '../design/design-types';

/**
 * How learned sparse shift displacements become the design's mask (no TensorFlow.js here: the page
 * reads these too). A displacement rounds to the nearest integer, halves away from zero (the
 * authors' kernel uses CUDA's round), inside the k×k neighbourhood the mask can hold.
 */

/** λ when none is given (the CLI's bare `--learn-shifts`, the Train tab's start). */
export const DEFAULT_SHIFT_LAMBDA = 0.07;

/** Nearest integer, halves away from zero (CUDA's round, as the authors' kernel), clamped to [−r, r]. */
export function roundShift(value: number, reach: number): number {
  const q = Math.sign(value) * Math.floor(Math.abs(value) + 0.5);
  return Math.min(reach, Math.max(-reach, q)) || 0;
}

/** The mask entry of a channel moving by (dy, dx) lattice steps: row-major in the k×k neighbourhood. */
export const maskIndex = (dy: number, dx: number, kernel: number): number => {
  const r = Math.floor(kernel / 2);
  return (dy + r) * kernel + (dx + r);
};

/** The mask of rounded displacements: entry c is channel c's offset, row-major in the k×k neighbourhood. */
export function maskOf(a: ArrayLike<number>, b: ArrayLike<number>, kernel: number): number[] {
  const r = Math.floor(kernel / 2);
  return Array.from({ length: a.length }, (_, c) =>
    maskIndex(roundShift(a[c] ?? 0, r), roundShift(b[c] ?? 0, r), kernel),
  );
}

/** The masks a trained design's SparseShift nodes hold, with the channels each moves. */
export function learnedMasks(design: Design): LearnedMask[] {
  return design.nodes.flatMap((n) => {
    if (n.kind !== 'SparseShift' || n.params.shifts === undefined) return [];
    const centre = (n.params.kernel * n.params.kernel - 1) / 2;
    const shifts = n.params.shifts;
    return [{ nodeId: n.id, shifts, moved: shifts.filter((i) => i !== centre).length }];
  });
}

/** What learning left in one layer: each channel's mask entry and how many moved. */
export interface LearnedMask {
  readonly nodeId: string;
  readonly shifts: readonly number[];
  readonly moved: number;
}
