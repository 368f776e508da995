import type { Recipe } from '../../core/document/results';
import type { Design } from '../../core/design/design-types';
// The engine's recipe file alone: it imports no TensorFlow.js, so the page's bundle stays free of it.
import { defaultRecipe, withOptimizer } from '../../core/train/train-recipe';

/** Where the training images come from. */
export type DatasetChoice = 'fashion-mnist' | 'idx' | 'images';

/**
 * One click trains: the engine's defaults for the dataset (SGD with momentum, a short warm-up into
 * cosine decay; no augmentation for Fashion-MNIST, flips and a small crop for a user's photos),
 * and Adam at 1e-3 for a design without batch norm (recipeRule).
 */
const datasetName = (dataset: DatasetChoice): string => (dataset === 'images' ? 'images' : 'fashion-mnist');

export const recipeDefaults = (dataset: DatasetChoice, design?: Design): Recipe =>
  defaultRecipe(datasetName(dataset), design);

/** The recipe with another optimizer, taking that family's learning rate when the family changes. */
export const recipeWithOptimizer = (
  recipe: Recipe,
  optimizer: Recipe['optimizer'],
  dataset: DatasetChoice,
): Recipe => withOptimizer(recipe, optimizer, datasetName(dataset));

/**
 * The short recipe of a lesson's "train both" task, the same for both designs and seeded: 40 steps
 * of 32 images from Fashion-MNIST's subset (1,280 images, an eighth of an epoch), a gentler learning
 * rate without warm-up. At 0.05 the plain-conv baselines of the Fire and depthwise-separable
 * lessons stayed at chance (9.2% and 7.8%) in so few steps; at 0.02 every side learns (Fire's
 * baseline 40.4% against Fire's 32.0%), and a pair takes 18–86 s on two loaded cores.
 */
export const lessonRecipe = (): Recipe => ({
  ...recipeDefaults('fashion-mnist'),
  epochs: 1,
  batch: 32,
  learningRate: 0.02,
  warmupEpochs: 0,
  maxSteps: 40,
});

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
