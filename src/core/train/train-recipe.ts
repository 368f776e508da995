import type { Recipe } from '../document/results';
import type { Design } from '../design/design-types';
import { analyze } from '../analysis/analyze';

/** Why a design's default recipe differs from its dataset's ('noBatchNorm'), or undefined. */
export type RecipeRule = 'noBatchNorm' | undefined;

/**
 * A design with no batch norm anywhere (SqueezeNet, plain stacks of convs) does not start to learn
 * under SGD at the rate a batch-normalised one takes: SqueezeNet 1.1 at 28×28 stayed at ln 10
 * (chance) for a whole Fashion-MNIST epoch at SGD 0.1, and barely moved at 0.01, while Adam at
 * 1e-3 brought its loss down within 60 steps. Such a design gets Adam at 1e-3.
 */
export function recipeRule(design: Design | undefined): RecipeRule {
  if (design === undefined) return undefined;
  try {
    return analyze(design).layers.some((l) => l.op === 'BatchNorm') ? undefined : 'noBatchNorm';
  } catch {
    return undefined;
  }
}

/**
 * Defaults that train in one click: SGD with momentum 0.9 and a short warm-up into cosine decay
 * for image classification from scratch; Fashion-MNIST (28×28 grey) without flips' and crops'
 * help needs no augmentation to reach its first-epoch accuracy, a user's folder (usually few
 * photographs) gets flips and a small crop. Given the design, one without batch norm gets Adam
 * at 1e-3 instead (recipeRule).
 */
export function defaultRecipe(datasetName: string, design?: Design): Recipe {
  const fashion = /fashion/i.test(datasetName);
  const base: Recipe = {
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
  if (recipeRule(design) !== 'noBatchNorm') return base;
  const { momentum: _momentum, ...rest } = base;
  return { ...rest, optimizer: 'adam', learningRate: 1e-3 };
}

/** SGD, or one of the adaptive optimizers (Adam, AdamW): their learning rates differ by about 100×. */
const family = (o: Recipe['optimizer']): 'sgd' | 'adaptive' => (o === 'sgd' ? 'sgd' : 'adaptive');

/**
 * The recipe with another optimizer: within its family the recipe is kept, across families it
 * takes that family's defaults (SGD's learning rate and momentum 0.9, or Adam's 1e-3 without
 * momentum), so SGD never runs at Adam's 1e-3 nor Adam at SGD's 0.1.
 */
export function withOptimizer(recipe: Recipe, optimizer: Recipe['optimizer'], datasetName: string): Recipe {
  if (family(optimizer) === family(recipe.optimizer)) return { ...recipe, optimizer };
  const { momentum: _momentum, ...rest } = recipe;
  return optimizer === 'sgd'
    ? { ...rest, optimizer, learningRate: defaultRecipe(datasetName).learningRate, momentum: 0.9 }
    : { ...rest, optimizer, learningRate: 1e-3 };
}

/**
 * The recipe that trains `steps` steps on `trainImages` images: at most that many, over the epochs
 * that hold them (so the schedule decays over those steps, whatever the recipe's epochs say).
 */
export function recipeForSteps(recipe: Recipe, trainImages: number, steps: number): Recipe {
  const perEpoch = Math.max(1, Math.floor(trainImages / Math.max(1, Math.min(recipe.batch, trainImages))));
  return { ...recipe, maxSteps: steps, epochs: Math.ceil(steps / perEpoch) };
}
