import type { Recipe } from '../../document/results';
import type { RecipeRule } from '../../train/train-recipe';

/**
 * recipe.json of a training project: the Recipe a result records, and what train.py needs beside
 * it. For SGD, `learningRate` is the rate at a global batch of `referenceBatch` images; train.py
 * scales it linearly with the real global batch (processes × batch), as Goyal et al. (2017) do.
 * Adam's rate is taken as given.
 */
export interface ProjectRecipe extends Omit<Recipe, 'augment' | 'maxSteps'> {
  /** The --data train.py uses when none is given; null where the user must say. */
  readonly data: string | null;
  readonly referenceBatch: number;
  readonly nesterov: boolean;
  /** flip: random horizontal flips; crop: padding of the random crop (small images); resizedCrop: ImageNet's. */
  readonly augment: { readonly flip: boolean; readonly crop: number; readonly resizedCrop: boolean };
  /** Batch norm over the global batch when several GPUs train (SyncBatchNorm). */
  readonly syncBatchNorm: boolean;
  /** float16 autocast with loss scaling on CUDA. */
  readonly mixedPrecision: boolean;
  /**
   * How train.py starts a design without weights: PyTorch's default, or the studio engine's He
   * uniform, which a design without batch norm needs (from PyTorch's default, SqueezeNet 1.1 at
   * 28×28 stayed at chance for a Fashion-MNIST epoch).
   */
  readonly init: 'pytorch' | 'he-uniform';
  readonly notes: readonly string[];
}

/**
 * The papers' usual recipe for the input's size (and the data set it suggests, by channels and classes): CIFAR-style for small images (SGD with Nesterov
 * momentum, weight decay 5e-4, pad-and-crop with flips), ImageNet-style for photographs (the
 * MobileNet and ShuffleNet papers' weight decay 4e-5, label smoothing 0.1, random resized crops).
 */
export function defaultRecipe(
  input: readonly number[],
  classes: number,
  seed: number,
  rule?: RecipeRule,
): ProjectRecipe {
  const adam = rule === 'noBatchNorm';
  const recipe = papersRecipe(
    input,
    classes,
    seed,
    adam
      ? "Adam at 1e-3 from He-uniform weights, as in the studio (the design has no batch norm: SGD and PyTorch's default initialisation leave such a design, SqueezeNet, at chance for its first epochs; not scaled with the batch)"
      : undefined,
  );
  if (!adam) return recipe;
  const { momentum: _momentum, ...rest } = recipe;
  return { ...rest, optimizer: 'adam', learningRate: 1e-3, nesterov: false, init: 'he-uniform' };
}

function papersRecipe(
  input: readonly number[],
  classes: number,
  seed: number,
  optimizer: string | undefined,
): ProjectRecipe {
  const [, channels = 3, height = 224] = input;
  const small = height <= 64;
  const common = {
    optimizer: 'sgd' as const,
    momentum: 0.9,
    nesterov: true,
    schedule: 'cosine' as const,
    seed,
    syncBatchNorm: true,
    mixedPrecision: true,
    init: 'pytorch' as const,
  };
  if (small)
    return {
      ...common,
      data:
        channels === 1 && classes === 10
          ? 'fashion-mnist'
          : channels === 3 && (classes === 10 || classes === 100)
            ? `cifar${classes}`
            : null,
      epochs: 200,
      batch: 128,
      learningRate: 0.1,
      referenceBatch: 128,
      weightDecay: 5e-4,
      warmupEpochs: 1,
      labelSmoothing: 0,
      augment: { flip: true, crop: 4, resizedCrop: false },
      notes: [
        `CIFAR-style: ${optimizer ?? 'SGD with Nesterov momentum 0.9, learning rate 0.1 at a global batch of 128 (scaled linearly)'}, cosine decay after 1 warm-up epoch, weight decay 5e-4 (not on biases or batch norm), 4-pixel pad-and-crop with flips.`,
      ],
    };
  return {
    ...common,
    data: null,
    epochs: 150,
    batch: 64,
    learningRate: 0.1,
    referenceBatch: 256,
    weightDecay: 4e-5,
    warmupEpochs: 5,
    labelSmoothing: 0.1,
    augment: { flip: true, crop: 0, resizedCrop: true },
    notes: [
      `ImageNet-style: ${optimizer ?? 'SGD with Nesterov momentum 0.9, learning rate 0.1 at a global batch of 256 (scaled linearly, Goyal et al. 2017)'}, 5 warm-up epochs then cosine decay, weight decay 4e-5 as the MobileNet and ShuffleNet papers (not on biases or batch norm), label smoothing 0.1, random resized crops with flips.`,
    ],
  };
}

/** The Recipe a training result records, from recipe.json's fields. */
export function resultRecipe(
  r: ProjectRecipe,
  overrides: { epochs: number; batch: number; seed: number },
): Recipe {
  return {
    epochs: overrides.epochs,
    batch: overrides.batch,
    optimizer: r.optimizer,
    learningRate: r.learningRate,
    ...(r.optimizer === 'sgd' && r.momentum !== undefined ? { momentum: r.momentum } : {}),
    weightDecay: r.weightDecay,
    warmupEpochs: r.warmupEpochs,
    schedule: r.schedule,
    labelSmoothing: r.labelSmoothing,
    augment: { flip: r.augment.flip, crop: r.augment.crop },
    seed: overrides.seed,
  };
}
