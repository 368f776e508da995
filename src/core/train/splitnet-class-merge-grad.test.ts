import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, expect, it } from 'vitest';
import { useWasm } from '../../../test-support/tfjs';
import { trainForms } from './forms';
import type { FormContext } from './forms';

beforeAll(useWasm);

/**
 * SplitNet's class merge trains on the WASM backend (as the CLI and the worker run it): with
 * out[c] = x_g[j] where classes[g][j] = c, the gradient of Σ_c w_c·out_c is w_c at x_g[j].
 */
it('the class merge passes each class’s gradient back to the group and place that scored it', () => {
  const classes = [
    [3, 0, 4],
    [1, 2],
  ];
  const w = [10, 20, 30, 40, 50];
  const x1 = tf.tensor2d([[1, 2, 3]]);
  const x2 = tf.tensor2d([[4, 5]]);
  const ctx = {} as FormContext;
  const loss = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
    tf.sum(tf.mul(trainForms.ClassMerge.forward(ctx, [a, b], { classes })[0] as tf.Tensor, tf.tensor1d(w)));
  const out = trainForms.ClassMerge.forward(ctx, [x1, x2], { classes })[0] as tf.Tensor;
  // Class 0 is x1[1], 1 is x2[0], 2 is x2[1], 3 is x1[0], 4 is x1[2].
  expect([...out.dataSync()]).toEqual([2, 4, 5, 1, 3]);
  const [g1, g2] = tf.grads(loss)([x1, x2]);
  expect([...(g1?.dataSync() ?? [])]).toEqual([w[3], w[0], w[4]]);
  expect([...(g2?.dataSync() ?? [])]).toEqual([w[1], w[2]]);
});
