import { positiveInt } from '../ops/op-common';
import type { ActivationKind } from './conv-bn';

/**
 * torchvision's `_make_divisible` (from the TensorFlow MobileNet code): rounds a channel count to
 * the nearest multiple of `divisor`, at least `divisor`, and never more than 10% below `v`.
 * Blocks (squeeze-excite widths) and presets (width multipliers) must round as torchvision does,
 * or their costs drift from PyTorch's by a few channels per layer.
 */
export function makeDivisible(v: number, divisor = 8, minValue = divisor): number {
  let rounded = Math.max(minValue, Math.floor((v + divisor / 2) / divisor) * divisor);
  if (rounded < 0.9 * v) rounded += divisor;
  return rounded;
}

/** The activations the MobileNet family uses, by torchvision's names, and their primitive ops. */
export const mobileActivations = { relu: 'ReLU', relu6: 'ReLU6', hardswish: 'HardSwish' } as const;
export type MobileActivation = keyof typeof mobileActivations;
export const mobileActivationNames = Object.keys(mobileActivations) as [
  MobileActivation,
  ...MobileActivation[],
];
export const activationOp = (a: MobileActivation): ActivationKind => mobileActivations[a];

/** A square kernel with "same" padding: odd, so (k − 1) / 2 pads both sides equally. */
export const oddKernel = positiveInt.refine(
  (k) => k % 2 === 1,
  'The kernel size must be odd (1, 3, 5, 7, …).',
);
