import type { Recipe } from '../../core/document/results';
import type { DatasetChoice } from './train-store';

/**
 * One click trains: a short recipe per dataset that reaches a useful accuracy in minutes on a laptop's
 * CPU. Adam at 2e-3 with a short warm-up and cosine decay trains small compact nets from scratch
 * without tuning; Fashion-MNIST's garments all face one way, so no flip; a user's photos get flips
 * and a small random crop, as torchvision's usual training transforms do.
 */
export function recipeDefaults(dataset: DatasetChoice): Recipe {
  const base: Recipe = {
    epochs: 3,
    batch: 64,
    optimizer: 'adam',
    learningRate: 2e-3,
    weightDecay: 1e-4,
    warmupEpochs: 0.2,
    schedule: 'cosine',
    labelSmoothing: 0,
    augment: { flip: false, crop: 0 },
    seed: 0,
  };
  if (dataset === 'images')
    return {
      ...base,
      epochs: 10,
      batch: 32,
      learningRate: 1e-3,
      labelSmoothing: 0.1,
      augment: { flip: true, crop: 2 },
    };
  return base;
}

/** The short recipe of a lesson's "train both" task: one epoch on Fashion-MNIST's subset, same seed. */
export const lessonRecipe = (): Recipe => ({ ...recipeDefaults('fashion-mnist'), epochs: 1 });

/** Each numeric field's bounds, as the form checks them (and the result's schema accepts). */
export const recipeBounds = {
  epochs: { min: 0.1, max: 1000 },
  batch: { min: 1, max: 4096 },
  learningRate: { min: 1e-7, max: 10 },
  momentum: { min: 0, max: 1 },
  weightDecay: { min: 0, max: 1 },
  warmupEpochs: { min: 0, max: 100 },
  labelSmoothing: { min: 0, max: 0.9 },
  crop: { min: 0, max: 64 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  maxSteps: { min: 1, max: 10_000_000 },
} as const;
