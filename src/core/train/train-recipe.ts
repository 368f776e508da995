import type { Recipe } from '../document/results';

/**
 * Defaults that train in one click: SGD with momentum 0.9 and a short warm-up into cosine decay
 * for image classification from scratch; Fashion-MNIST (28×28 grey) without flips' and crops'
 * help needs no augmentation to reach its first-epoch accuracy, a user's folder (usually few
 * photographs) gets flips and a small crop.
 */
export function defaultRecipe(datasetName: string): Recipe {
  const fashion = /fashion/i.test(datasetName);
  return {
    epochs: fashion ? 1 : 10,
    batch: fashion ? 64 : 32,
    optimizer: 'sgd',
    learningRate: fashion ? 0.1 : 0.05,
    momentum: 0.9,
    weightDecay: 5e-4,
    warmupEpochs: fashion ? 0.1 : 1,
    schedule: 'cosine',
    labelSmoothing: fashion ? 0 : 0.1,
    augment: { flip: !fashion, crop: fashion ? 0 : 4 },
    seed: 0,
  };
}
