import { describe, expect, it } from 'vitest';
import { recipeSchema } from '../../core/document/results';
import { lessonRecipe, recipeBounds, recipeDefaults } from './recipe-defaults';

describe('recipe defaults', () => {
  it.each(['fashion-mnist', 'idx', 'images'] as const)('%s: a recipe the result record accepts', (d) => {
    const r = recipeDefaults(d);
    expect(recipeSchema.parse(r)).toEqual(r);
    for (const [field, { min, max }] of Object.entries(recipeBounds)) {
      const v =
        field === 'crop' ? r.augment.crop : (r as unknown as Record<string, number | undefined>)[field];
      if (v === undefined) continue;
      expect(v, field).toBeGreaterThanOrEqual(min);
      expect(v, field).toBeLessThanOrEqual(max);
    }
  });

  it('Fashion-MNIST: cosine decay after a warm-up, no augmentation', () => {
    const r = recipeDefaults('fashion-mnist');
    expect(r).toMatchObject({ schedule: 'cosine', augment: { flip: false, crop: 0 } });
    expect(r.warmupEpochs).toBeGreaterThan(0);
    expect(r.warmupEpochs).toBeLessThan(r.epochs);
  });

  it('a user’s images: flips and a small crop, more epochs over fewer images', () => {
    const r = recipeDefaults('images');
    expect(r.augment.flip).toBe(true);
    expect(r.augment.crop).toBeGreaterThan(0);
    expect(r.epochs).toBeGreaterThan(recipeDefaults('fashion-mnist').epochs);
  });

  it('a lesson trains both sides one epoch with one seed', () => {
    expect(lessonRecipe()).toMatchObject({ epochs: 1, seed: 0 });
  });
});
