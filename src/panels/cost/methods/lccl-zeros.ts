import { create } from 'zustand';
import type { MeasuredZero } from '../../../core/methods/lccl-method';

/**
 * Zero ratios of LCCL layers measured by a run, by design node id, with the image they were
 * measured on and the design they belong to (a changed design drops them). Not part of the document.
 */
export interface LcclZerosState {
  readonly designKey: string | undefined;
  readonly zeros: ReadonlyMap<string, MeasuredZero>;
  /** Whether the Cost tab uses them (else every LCCL's hand-set z). */
  readonly use: boolean;
}

export const useLcclZeros = create<LcclZerosState>()(() => ({
  designKey: undefined,
  zeros: new Map(),
  use: true,
}));
