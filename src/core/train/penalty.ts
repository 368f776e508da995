import type * as tf from '@tensorflow/tfjs-core';
import type { Design } from '../design/design-types';
import type { Network } from './network';

/**
 * A term a method adds to the training loss (a paper's regulariser: MorphNet's weighted γ, sparse
 * shift's L1 on the shifts, SplitNet's group terms), with variables of its own trained beside the
 * design's weights, and what it learned written back into the design when training ends.
 */
export interface Penalty {
  /** Variables the term owns and the optimiser trains with the weights (none: it only reads the net's). */
  readonly variables: readonly tf.Variable[];
  /** The term's value at this step, called inside the gradient tape after the forward pass. */
  loss(): tf.Scalar;
  /**
   * After each optimiser step at this learning rate: a proximal step on the term's own variables (an
   * L1 term's soft threshold, which leaves exact zeros where a subgradient step would oscillate).
   */
  afterStep?(learningRate: number): void;
  /** The trained design with what the term learned written into it (a mask, an assignment). */
  learned?(design: Design): Design;
  dispose(): void;
}

/** Makes a penalty over a built network (its weight store, its layers by key). */
export type PenaltyMaker = (net: Network) => Penalty;

/** trainDesign's options for penalties (beside TrainOptions; here, so the types stay free of the network). */
export interface PenaltyOptions {
  /** Terms added to the loss, each with its own variables and what it writes back. */
  readonly penalties?: readonly PenaltyMaker[];
}
