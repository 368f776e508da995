import { describe, expect, it } from 'vitest';
import '../kinds';
import { findPreset } from '../presets/preset-registry';
import { defaultRecipe, recipeForSteps, recipeRule, withOptimizer } from './train-recipe';

/** The default recipe follows the design where it must: no batch norm anywhere, Adam at 1e-3. */
const preset = (name: string) => {
  const p = findPreset(name);
  if (p === undefined) throw new Error(`no preset ${name}`);
  return p.build({ resolution: 28, classes: 10, width: 1 });
};

describe('the default recipe', () => {
  it('is SGD with momentum at 0.1 for Fashion-MNIST without a design, and for designs with batch norm', () => {
    for (const design of [undefined, preset('mobilenet_v2'), preset('shufflenet_v2_x1_0')]) {
      expect(recipeRule(design)).toBeUndefined();
      expect(defaultRecipe('fashion-mnist', design)).toMatchObject({
        optimizer: 'sgd',
        learningRate: 0.1,
        momentum: 0.9,
        batch: 64,
        epochs: 1,
      });
    }
  });

  it('is Adam at 1e-3 (no momentum field) for SqueezeNet 1.1, which has no batch norm', () => {
    const design = preset('squeezenet1_1');
    expect(recipeRule(design)).toBe('noBatchNorm');
    const r = defaultRecipe('fashion-mnist', design);
    expect(r).toMatchObject({
      optimizer: 'adam',
      learningRate: 1e-3,
      batch: 64,
      epochs: 1,
      warmupEpochs: 0.1,
    });
    expect(r.momentum).toBeUndefined();
    // The dataset's other choices stay: a user's folder still gets flips and crops.
    expect(defaultRecipe('my-photos', design)).toMatchObject({
      optimizer: 'adam',
      augment: { flip: true, crop: 4 },
    });
  });
});

describe('another optimizer', () => {
  it('across families takes that family’s defaults; within a family keeps the recipe', () => {
    const adam = defaultRecipe('fashion-mnist', preset('squeezenet1_1'));
    const sgd = withOptimizer(adam, 'sgd', 'fashion-mnist');
    expect(sgd).toMatchObject({ optimizer: 'sgd', learningRate: 0.1, momentum: 0.9, epochs: adam.epochs });
    const back = withOptimizer(sgd, 'adam', 'fashion-mnist');
    expect(back).toMatchObject({ optimizer: 'adam', learningRate: 1e-3 });
    expect(back.momentum).toBeUndefined();
    // Within a family the user's learning rate stays.
    expect(withOptimizer({ ...adam, learningRate: 3e-3 }, 'adamw', 'fashion-mnist')).toMatchObject({
      optimizer: 'adamw',
      learningRate: 3e-3,
    });
    // A folder of images: SGD's rate for folders (0.05).
    expect(withOptimizer(adam, 'sgd', 'images').learningRate).toBe(0.05);
  });

  it('trains a given number of steps over the epochs that hold them (SplitNet’s grouping and fine-tuning)', () => {
    const r = defaultRecipe('fashion-mnist');
    // 10,000 images in batches of 64: 156 steps an epoch.
    expect(recipeForSteps(r, 10_000, 200)).toMatchObject({ maxSteps: 200, epochs: 2 });
    expect(recipeForSteps(r, 10_000, 156)).toMatchObject({ maxSteps: 156, epochs: 1 });
    expect(recipeForSteps(r, 10_000, 6)).toMatchObject({ maxSteps: 6, epochs: 1, batch: 64 });
    // Fewer images than a batch: one step an epoch.
    expect(recipeForSteps(r, 40, 5)).toMatchObject({ maxSteps: 5, epochs: 5 });
  });
});
