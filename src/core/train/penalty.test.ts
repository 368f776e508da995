import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { plainSgd, useWasm } from '../../../test-support/tfjs';
import { trainDesign, type ImageSet, type PenaltyMaker } from '.';

/**
 * A penalty's own variable is trained with the weights, under the optimiser's rule: with plain SGD
 * (no momentum, constant rate η) and the term ½λv², each step multiplies v by (1 − ηλ), so after n
 * steps v = v₀(1 − ηλ)ⁿ; what it learned is written into the trained design.
 */
function tiny(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 1, height: 4, width: 4 }, [], 'image');
  const p = g.add('GlobalAvgPool', {}, [x], 'pool');
  const f = g.add('Flatten', {}, [p], 'flat');
  g.output(g.add('Linear', { outFeatures: 2 }, [f], 'fc'));
  return g.design('tiny');
}

const set = (count: number): ImageSet => ({
  images: Float32Array.from({ length: count * 16 }, (_, i) => (i % 5) / 5),
  labels: Int32Array.from({ length: count }, (_, i) => i % 2),
  count,
  channels: 1,
  height: 4,
  width: 4,
  classNames: ['a', 'b'],
});

beforeAll(useWasm);

describe('penalties in the training loss', () => {
  it('trains its variable by the closed form and writes back what it learned', async () => {
    const [v0, lambda, lr, steps] = [5, 0.5, 0.1, 6];
    let disposed = false;
    let seen = NaN;
    const maker: PenaltyMaker = () => {
      const v = tf.variable(tf.scalar(v0));
      return {
        variables: [v],
        loss: () => tf.mul(tf.square(v), lambda / 2),
        learned: (design) => {
          seen = v.dataSync()[0] ?? NaN;
          return { ...design, name: `${design.name} (v ${seen.toFixed(6)})` };
        },
        dispose: () => {
          disposed = true;
          v.dispose();
        },
      };
    };
    const recipe = plainSgd(lr, steps);
    const out = await trainDesign(
      tiny(),
      { name: 'toy', train: set(32), eval: set(8) },
      recipe,
      {},
      {
        penalties: [maker],
      },
    );
    const expected = v0 * (1 - lr * lambda) ** steps;
    expect(out.result.steps).toBe(steps);
    expect(seen).toBeCloseTo(expected, 5);
    expect(out.design.name).toBe(`tiny (v ${expected.toFixed(6)})`);
    expect(disposed).toBe(true);
  });

  it('after a NaN goes back to its value at the last step with a finite loss, with the weights', async () => {
    // The term is NaN once v < 4. v_k = 5·0.95^k: v₄ = 4.0725 still gives a finite loss at step 5,
    // whose update makes v₅ = 3.8689; step 6's loss is NaN, so v goes back to v₄.
    const [v0, lambda, lr, threshold] = [5, 0.5, 0.1, 4];
    let seen = NaN;
    const maker: PenaltyMaker = () => {
      const v = tf.variable(tf.scalar(v0));
      return {
        variables: [v],
        loss: () => {
          const term = tf.mul<tf.Scalar>(tf.square(v), lambda / 2);
          return (v.dataSync()[0] ?? 0) < threshold ? tf.mul<tf.Scalar>(term, NaN) : term;
        },
        learned: (design) => {
          seen = v.dataSync()[0] ?? NaN;
          return design;
        },
        dispose: () => {
          v.dispose();
        },
      };
    };
    const out = await trainDesign(
      tiny(),
      { name: 'toy', train: set(64), eval: set(8) },
      plainSgd(lr, 12),
      {},
      { penalties: [maker] },
    );
    const factor = 1 - lr * lambda;
    const crossed = Math.ceil(Math.log(threshold / v0) / Math.log(factor)); // the first k with v_k < 4
    expect(crossed).toBe(5);
    expect(out.end).toBe('nan');
    expect(out.result.steps).toBe(crossed);
    expect(seen).toBeCloseTo(v0 * factor ** (crossed - 1), 5);
  });
});
