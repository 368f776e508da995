import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerInfo } from '../analysis/analysis-types';
import { torchGradients } from '../../../test-support/grad-reference';
import { seeded, useWasm } from '../../../test-support/tfjs';
import { convolve } from './conv-forms';
import { trainForms, type FormContext } from './forms';
import { batchNormTrain, placeWeight } from './grads';

/**
 * The custom gradients (grads.ts: conv, depthwise, grouped and dilated convs through convolve,
 * max and average pooling, batch norm, weight placement) against PyTorch's autograd in float64
 * (fixtures/train/grad_reference.py, run once for all cases), on the WASM backend, within 1e-3.
 */

type Shape4 = [number, number, number, number];
const toNHWC = (v: Float32Array, s: Shape4): tf.Tensor4D => tf.transpose(tf.tensor4d(v, s), [0, 2, 3, 1]);
const toNCHW = (t: tf.Tensor): Float32Array => tf.transpose(t, [0, 3, 1, 2]).dataSync() as Float32Array;

interface Case {
  readonly name: string;
  /** What torch needs (NCHW, PyTorch layouts; dy added once the output's shape is known). */
  readonly torch: Record<string, unknown>;
  /** The tfjs side: the output (NHWC, or flat for 'place') of the leaves, by name. */
  readonly leaves: Record<string, tf.Tensor>;
  readonly forward: (leaves: Record<string, tf.Tensor>) => tf.Tensor;
  /** Leaves held NHWC on the tfjs side (compared after transposing back). */
  readonly nhwc: readonly string[];
}

let seed = 11;
function convCase(
  name: string,
  xs: Shape4,
  cout: number,
  k: [number, number],
  g: { stride: [number, number]; padding: [number, number]; dilation: [number, number]; groups: number },
): Case {
  const x = seeded(
    xs.reduce((a, b) => a * b, 1),
    seed++,
  );
  const ws: Shape4 = [cout, xs[1] / g.groups, k[0], k[1]];
  const w = seeded(
    ws.reduce((a, b) => a * b, 1),
    seed++,
  );
  return {
    name,
    torch: { op: 'conv', x: [...x], xShape: xs, w: [...w], wShape: ws, ...g },
    leaves: { x: toNHWC(x, xs), w: tf.tensor4d(w, ws) },
    forward: (l) => convolve(l['x'] as tf.Tensor4D, l['w'] as tf.Tensor, g),
    nhwc: ['x'],
  };
}

function layerFor(out: Shape4): LayerInfo {
  return { outputShapes: [out], inputShapes: [], key: 't', name: 't', index: 0 } as unknown as LayerInfo;
}
const ctxFor = (out: Shape4): FormContext => ({
  layer: layerFor(out),
  training: true,
  weight: () => {
    throw new Error('no weights');
  },
  batchStats: () => undefined,
  constant: (_, make) => make(),
  seed: 0,
});

function poolOut(size: number, k: number, s: number, p: number, ceil: boolean): number {
  const span = size + 2 * p - k;
  let o = (ceil ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
  if (ceil && (o - 1) * s >= size + p) o--;
  return o;
}

function poolCase(
  name: string,
  op: 'maxpool' | 'avgpool',
  xs: Shape4,
  k: [number, number],
  s: [number, number],
  p: [number, number],
  ceil: boolean,
  ties = false,
  includePad = true,
): Case {
  const raw = seeded(
    xs.reduce((a, b) => a * b, 1),
    seed++,
  );
  // With ties: values on a coarse grid, so windows hold equal maxima (the gradient goes to the first).
  const x = ties ? raw.map((v) => Math.round(v * 2) / 2) : raw;
  const out: Shape4 = [
    xs[0],
    xs[1],
    poolOut(xs[2], k[0], s[0], p[0], ceil),
    poolOut(xs[3], k[1], s[1], p[1], ceil),
  ];
  const params = { kernel: k, stride: s, padding: p, ceilMode: ceil, countIncludePad: includePad };
  return {
    name,
    torch: { op, x: [...x], xShape: xs, kernel: k, stride: s, padding: p, ceil, includePad },
    leaves: { x: toNHWC(x, xs) },
    forward: (l) =>
      (op === 'maxpool' ? trainForms.MaxPool : trainForms.AvgPool).forward(
        ctxFor(out),
        [l['x'] as tf.Tensor],
        params,
      )[0] as tf.Tensor,
    nhwc: ['x'],
  };
}

function bnCase(name: string, xs: Shape4): Case {
  const x = seeded(
    xs.reduce((a, b) => a * b, 1),
    seed++,
    -2,
    3,
  );
  const gamma = seeded(xs[1], seed++, 0.5, 1.5);
  const beta = seeded(xs[1], seed++);
  return {
    name,
    torch: { op: 'batchnorm', x: [...x], xShape: xs, gamma: [...gamma], beta: [...beta], epsilon: 1e-5 },
    leaves: { x: toNHWC(x, xs), gamma: tf.tensor1d(gamma), beta: tf.tensor1d(beta) },
    forward: (l) =>
      batchNormTrain(l['x'] as tf.Tensor, l['gamma'] as tf.Tensor1D, l['beta'] as tf.Tensor1D, 1e-5).y,
    nhwc: ['x'],
  };
}

function placeCase(name: string): Case {
  const values = seeded(12, seed++);
  // Every value used twice or more, some places empty: the gradient must sum.
  const index = Array.from({ length: 40 }, (_, i) => (i % 5 === 4 ? -1 : (i * 7) % 12));
  return {
    name,
    torch: { op: 'place', x: [...values], xShape: [12], index },
    leaves: { x: tf.tensor1d(values) },
    forward: (l) => placeWeight(l['x'] as tf.Tensor, Int32Array.from(index), [40]),
    nhwc: [],
  };
}

let cases: Case[] = [];
let reference: Record<string, number[]>[] = [];
let dys: tf.Tensor[] = [];

beforeAll(async () => {
  await useWasm();
  cases = [
    convCase('conv 3×3, stride 1, pad 1', [2, 3, 7, 7], 4, [3, 3], {
      stride: [1, 1],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 1,
    }),
    convCase('conv 3×3, stride 2, pad 1, odd input', [2, 3, 9, 9], 5, [3, 3], {
      stride: [2, 2],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 1,
    }),
    convCase('conv 5×3, stride 2×1, pad 2×0, even input', [1, 2, 8, 6], 3, [5, 3], {
      stride: [2, 1],
      padding: [2, 0],
      dilation: [1, 1],
      groups: 1,
    }),
    convCase('conv 1×1, stride 2', [2, 4, 6, 6], 6, [1, 1], {
      stride: [2, 2],
      padding: [0, 0],
      dilation: [1, 1],
      groups: 1,
    }),
    convCase('conv 3×3, dilation 2', [1, 2, 9, 9], 3, [3, 3], {
      stride: [1, 1],
      padding: [2, 2],
      dilation: [2, 2],
      groups: 1,
    }),
    convCase('depthwise 3×3, stride 1', [2, 4, 6, 6], 4, [3, 3], {
      stride: [1, 1],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 4,
    }),
    convCase('depthwise 3×3, stride 2, multiplier 2', [2, 3, 7, 7], 6, [3, 3], {
      stride: [2, 2],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 3,
    }),
    convCase('depthwise 5×5, stride 2, even input', [1, 4, 8, 8], 4, [5, 5], {
      stride: [2, 2],
      padding: [2, 2],
      dilation: [1, 1],
      groups: 4,
    }),
    convCase('group conv 1×1, 3 groups', [2, 6, 5, 5], 9, [1, 1], {
      stride: [1, 1],
      padding: [0, 0],
      dilation: [1, 1],
      groups: 3,
    }),
    convCase('group conv 3×3, 2 groups, stride 2', [2, 4, 7, 7], 6, [3, 3], {
      stride: [2, 2],
      padding: [1, 1],
      dilation: [1, 1],
      groups: 2,
    }),
    poolCase('max pool 3×3, stride 2, pad 1', 'maxpool', [2, 3, 8, 8], [3, 3], [2, 2], [1, 1], false),
    poolCase('max pool 2×2, stride 2, ties', 'maxpool', [2, 2, 6, 6], [2, 2], [2, 2], [0, 0], false, true),
    poolCase(
      'max pool 2×2, stride 2, odd size (last row unread)',
      'maxpool',
      [2, 3, 7, 7],
      [2, 2],
      [2, 2],
      [0, 0],
      false,
    ),
    poolCase('max pool 3×3, stride 1, pad 1', 'maxpool', [1, 2, 5, 6], [3, 3], [1, 1], [1, 1], false, true),
    poolCase(
      'max pool 3×3, stride 2, ceil mode, ties',
      'maxpool',
      [1, 2, 8, 8],
      [3, 3],
      [2, 2],
      [0, 0],
      true,
      true,
    ),
    poolCase(
      'avg pool 3×3, stride 2, pad 1, padding counted',
      'avgpool',
      [2, 3, 7, 7],
      [3, 3],
      [2, 2],
      [1, 1],
      false,
    ),
    poolCase(
      'avg pool 3×3, stride 2, pad 1, ceil, padding not counted',
      'avgpool',
      [1, 2, 8, 8],
      [3, 3],
      [2, 2],
      [1, 1],
      true,
      false,
      false,
    ),
    bnCase('batch norm, training mode', [4, 3, 5, 5]),
    placeCase('weight placement (summed gradient)'),
  ];
  const torchCases = cases.map((c) => {
    const y = c.forward(c.leaves);
    const nchw = y.rank === 4 ? [y.shape[0], y.shape[3], y.shape[1], y.shape[2]] : y.shape;
    const dy = seeded(y.size, seed++);
    dys.push(y.rank === 4 ? toNHWC(dy, nchw as Shape4) : tf.tensor(dy, y.shape));
    return { ...c.torch, dy: [...dy] };
  });
  reference = torchGradients(torchCases);
}, 120000);

afterAll(() => {
  tf.dispose(dys);
  dys = [];
});

const worst = (a: Float32Array, b: readonly number[]): number =>
  b.reduce((m, v, i) => Math.max(m, Math.abs((a[i] ?? NaN) - v) / Math.max(1, Math.abs(v))), 0);

describe('custom gradients equal PyTorch autograd', () => {
  const names = [
    'conv 3×3, stride 1, pad 1',
    'conv 3×3, stride 2, pad 1, odd input',
    'conv 5×3, stride 2×1, pad 2×0, even input',
    'conv 1×1, stride 2',
    'conv 3×3, dilation 2',
    'depthwise 3×3, stride 1',
    'depthwise 3×3, stride 2, multiplier 2',
    'depthwise 5×5, stride 2, even input',
    'group conv 1×1, 3 groups',
    'group conv 3×3, 2 groups, stride 2',
    'max pool 3×3, stride 2, pad 1',
    'max pool 2×2, stride 2, ties',
    'max pool 2×2, stride 2, odd size (last row unread)',
    'max pool 3×3, stride 1, pad 1',
    'max pool 3×3, stride 2, ceil mode, ties',
    'avg pool 3×3, stride 2, pad 1, padding counted',
    'avg pool 3×3, stride 2, pad 1, ceil, padding not counted',
    'batch norm, training mode',
    'weight placement (summed gradient)',
  ];
  it.each(names)('%s', (name) => {
    const i = cases.findIndex((c) => c.name === name);
    const c = cases[i];
    const ref = reference[i];
    if (c === undefined || ref === undefined) throw new Error(`no case ${name}`);
    const keys = Object.keys(c.leaves);
    const dy = dys[i] as tf.Tensor;
    const g = tf.grads((...ls: tf.Tensor[]) =>
      tf.sum(tf.mul(c.forward(Object.fromEntries(keys.map((k, j) => [k, ls[j] as tf.Tensor]))), dy)),
    );
    const grads = g(keys.map((k) => c.leaves[k] as tf.Tensor));
    keys.forEach((k, j) => {
      const got = grads[j] as tf.Tensor;
      const values = c.nhwc.includes(k) ? toNCHW(got) : (got.dataSync() as Float32Array);
      const want = ref[k] ?? [];
      expect(values.length, k).toBe(want.length);
      expect(worst(values, want), `d${k}`).toBeLessThan(1e-3);
    });
  });
});
