import type { Message } from './message';

/*
 * The figures a cost rule returns, below the kinds and the analysis alike (both name them; neither
 * imports the other for them).
 */

/** Every figure of docs/costs.md for one primitive op, in elements, batch 1. */
export interface OpCost {
  /** Trainable parameters (PyTorch's model.parameters()). */
  readonly params: number;
  /** Non-trainable state such as batch-norm running mean and variance. */
  readonly buffers: number;
  /** Conv and linear multiply-adds; 0 for every other op. */
  readonly multiplyAdds: number;
  /** Reads + writes (+ weights) of this op, all-ops convention. */
  readonly memoryAccess: number;
  /** ShuffleNetV2's MAC for conv and linear (input + output + weights, no bias); 0 otherwise. */
  readonly memoryAccessConvFc: number;
}

export const zeroCost: OpCost = {
  params: 0,
  buffers: 0,
  multiplyAdds: 0,
  memoryAccess: 0,
  memoryAccessConvFc: 0,
};

/**
 * What a method's own kernel would do where the exported graph computes more: a sparse (CSR) conv
 * skips the zeros, a lookup conv adds s scaled dictionary maps instead of a dense dot product, a
 * versatile conv derives its secondary filters from the primary ones. Shown beside the as-exported
 * OpCost, never instead of it.
 */
export interface EffectiveCost {
  /** Values the method stores and trains: non-zero weights, lookup coefficients, primary filters, biases. */
  readonly params: number;
  readonly multiplyAdds: number;
  /** Integers stored beside the values: CSR column indices and row pointers, lookup indices. */
  readonly indices: number;
  /** The kernel the figures are for, in a few words: "sparse CSR kernel". */
  readonly kernel: string;
}

/** Figures a formula line can explain: the as-exported costs, the effective ones, the im2col workspace. */
export type FormulaFigure =
  | keyof OpCost
  | 'effectiveParams'
  | 'effectiveMultiplyAdds'
  | 'effectiveIndices'
  | 'workspace'
  /** A condition of the method (IGCV2's complementary and balance conditions), with its numbers. */
  | 'condition';

/** One line of a formula: the symbolic rule and the same rule with the numbers filled in. */
export interface FormulaLine {
  readonly figure: FormulaFigure;
  readonly symbolic: string;
  readonly substituted: string;
  /** The substituted line as a message, where it holds words (a UI says it in the reader's language). */
  readonly said?: Message;
}
