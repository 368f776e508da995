import * as tf from '@tensorflow/tfjs-core';
import type { Recipe } from '../document/results';

/**
 * SGD with momentum, Adam and AdamW exactly as PyTorch's torch.optim writes them (weight decay
 * added to the gradient for SGD and Adam, decoupled for AdamW), so the same recipe means the same
 * update in both engines. The learning rate is given at every step (the schedule is the caller's).
 */
export class Optimizer {
  private readonly first = new Map<tf.Variable, tf.Variable>();
  private readonly second = new Map<tf.Variable, tf.Variable>();
  private t = 0;

  constructor(private readonly recipe: Recipe) {}

  apply(grads: ReadonlyMap<tf.Variable, tf.Tensor>, lr: number): void {
    const { optimizer, weightDecay: wd } = this.recipe;
    this.t++;
    tf.tidy(() => {
      for (const [w, raw] of grads) {
        if (optimizer === 'sgd') {
          const g = wd > 0 ? tf.add(raw, tf.mul(w, wd)) : raw;
          const mu = this.recipe.momentum ?? 0.9;
          let step = g;
          if (mu > 0) {
            const buf = this.first.get(w);
            if (buf === undefined) this.first.set(w, tf.variable(g, false));
            else buf.assign(tf.add(tf.mul(buf, mu), g));
            step = this.first.get(w) as tf.Variable;
          }
          w.assign(tf.sub(w, tf.mul(step, lr)));
          continue;
        }
        const decoupled = optimizer === 'adamw';
        const g = !decoupled && wd > 0 ? tf.add(raw, tf.mul(w, wd)) : raw;
        const [b1, b2, eps] = [0.9, 0.999, 1e-8];
        const m = this.moment(this.first, w);
        const v = this.moment(this.second, w);
        m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
        v.assign(tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2)));
        const mHat = tf.div(m, 1 - b1 ** this.t);
        const denom = tf.add(tf.sqrt(tf.div(v, 1 - b2 ** this.t)), eps);
        const base = decoupled && wd > 0 ? tf.mul(w, 1 - lr * wd) : w;
        w.assign(tf.sub(base, tf.mul(tf.div(mHat, denom), lr)));
      }
    });
  }

  private moment(map: Map<tf.Variable, tf.Variable>, w: tf.Variable): tf.Variable {
    let m = map.get(w);
    if (m === undefined) {
      m = tf.variable(tf.zerosLike(w), false);
      map.set(w, m);
    }
    return m;
  }

  dispose(): void {
    for (const m of [...this.first.values(), ...this.second.values()]) m.dispose();
    this.first.clear();
    this.second.clear();
  }
}

/** The learning rate at a step (0-based): linear warm-up to the base rate, then cosine to 0 or constant. */
export function learningRateAt(recipe: Recipe, step: number, total: number, stepsPerEpoch: number): number {
  const warm = Math.min(total, Math.round(recipe.warmupEpochs * stepsPerEpoch));
  if (step < warm) return (recipe.learningRate * (step + 1)) / warm;
  if (recipe.schedule === 'constant') return recipe.learningRate;
  const span = Math.max(1, total - warm);
  return recipe.learningRate * 0.5 * (1 + Math.cos((Math.PI * (step - warm)) / span));
}
