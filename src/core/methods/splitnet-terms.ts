/**
 * The weights of SplitNet's three terms (Kim et al. 2017, §3.2–3.3), free of TensorFlow.js so the
 * page can offer them (the terms themselves are src/core/train/splitnet-penalty.ts).
 */
export interface SplitTerms {
  /** γ₁, the disjoint (overlap) term. */
  readonly overlap: number;
  /** γ₂, the group weight term. */
  readonly weight: number;
  /** γ₃, the balance term. */
  readonly balance: number;
}

/** The authors' grouping run (group.sh): γ₁ = 1, γ₂ = 1, γ₃ = 10. */
export const SPLITNET_TERMS: SplitTerms = { overlap: 1, weight: 1, balance: 10 };
