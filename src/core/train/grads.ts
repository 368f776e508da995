import * as tf from '@tensorflow/tfjs-core';
// tfjs-core leaves its gradients unregistered unless asked (the full tfjs package does it).
import '@tensorflow/tfjs-core/dist/register_all_gradients';

/**
 * Gradients written over forward kernels every backend has. TensorFlow.js's WASM backend lacks
 * Conv2DBackpropFilter and both depthwise backprop kernels, and its MaxPoolGrad gives wrong values
 * (tensorflow/tfjs#8474); its gather gradient needs UnsortedSegmentSum, which it lacks too. Each op
 * here is a tf.customGrad whose backward pass uses only forward kernels (Conv2D, depthwise conv,
 * strided slice, pad, reshape, scatterND), so training runs on WASM and agrees with the CPU
 * backend and PyTorch's autograd (train/grads.torch.test.ts). Tensors are NHWC; conv filters
 * tfjs's [kh, kw, in, out], depthwise [kh, kw, C, multiplier].
 */

export type Pair = readonly [number, number];

interface Custom {
  readonly value: tf.Tensor;
  readonly gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor | tf.Tensor[];
}

/** tf.customGrad with the inputs as an array (tfjs passes the save function last). */
function custom(
  f: (args: readonly tf.Tensor[], save: tf.GradSaveFunc) => Custom,
  inputs: tf.Tensor[],
): tf.Tensor {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    return f(args.slice(0, -1) as tf.Tensor[], save);
  });
  return op(...inputs);
}

/** Each value of an NHWC map followed by s − 1 zeros along H and W: [n, h·sh, w·sw, c]. */
function spread(t: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return t;
  const [n, h, w, c] = t.shape;
  const padded = tf.pad(tf.reshape(t, [n, h, 1, w, 1, c]), [
    [0, 0],
    [0, 0],
    [0, sh - 1],
    [0, 0],
    [0, sw - 1],
    [0, 0],
  ]);
  return tf.reshape<tf.Rank.R4>(padded, [n, h * sh, w * sw, c]);
}

/** Zeros between the rows and columns of an NHWC tensor (a stride-s map read back at stride 1). */
export function dilate(t: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  if (sh === 1 && sw === 1) return t;
  const [n, h, w, c] = t.shape;
  return tf.slice(spread(t, sh, sw), [0, 0, 0, 0], [n, (h - 1) * sh + 1, (w - 1) * sw + 1, c]);
}

/**
 * Tensors no gradient is wanted for (the network's input batch): a conv reading one skips its dx,
 * the costliest part of the first layer's backward pass.
 */
const constants = new WeakSet<tf.Tensor>();
export function markConstant<T extends tf.Tensor>(t: T): T {
  constants.add(t);
  return t;
}

/** Pads (positive) or crops (negative) the spatial sides of an NHWC tensor. */
export function padOrCrop(
  t: tf.Tensor4D,
  top: number,
  bottom: number,
  left: number,
  right: number,
): tf.Tensor4D {
  const padded = tf.pad(t, [
    [0, 0],
    [Math.max(0, top), Math.max(0, bottom)],
    [Math.max(0, left), Math.max(0, right)],
    [0, 0],
  ]);
  if (top >= 0 && bottom >= 0 && left >= 0 && right >= 0) return padded;
  const [n, h, w, c] = padded.shape;
  const t0 = Math.max(0, -top);
  const l0 = Math.max(0, -left);
  return tf.slice(
    padded,
    [0, t0, l0, 0],
    [n, h - t0 - Math.max(0, -bottom), w - l0 - Math.max(0, -right), c],
  );
}

/**
 * dy of a strided, padded window op spread back over the input's grid, ready for a valid stride-1
 * correlation with the flipped kernel: dilated by the stride, padded by k − 1 − pad on the leading
 * side and on the trailing side also by the input rows the last window left uncovered.
 */
function spreadForInput(
  dy: tf.Tensor4D,
  inH: number,
  inW: number,
  k: Pair,
  stride: Pair,
  pad: Pair,
): tf.Tensor4D {
  // The spread map ends with s − 1 zeros the dilated one lacks: the trailing side pads that much less.
  const d = spread(dy, stride[0], stride[1]);
  const extraH = inH + 2 * pad[0] - k[0] - (dy.shape[1] - 1) * stride[0] - (stride[0] - 1);
  const extraW = inW + 2 * pad[1] - k[1] - (dy.shape[2] - 1) * stride[1] - (stride[1] - 1);
  return padOrCrop(
    d,
    k[0] - 1 - pad[0],
    k[0] - 1 - pad[0] + extraH,
    k[1] - 1 - pad[1],
    k[1] - 1 - pad[1] + extraW,
  );
}

const padSpatial = (x: tf.Tensor4D, pad: Pair): tf.Tensor4D =>
  pad[0] === 0 && pad[1] === 0 ? x : padOrCrop(x, pad[0], pad[0], pad[1], pad[1]);

/** Dense 2-D convolution (no dilation: dilate the filter first, see dilateFilter). */
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: Pair, pad: Pair): tf.Tensor4D {
  const out = custom(
    ([xi, wi], save) => {
      const x4 = xi as tf.Tensor4D;
      const w4 = wi as tf.Tensor4D;
      save([x4, w4]);
      const value = tf.conv2d(padSpatial(x4, pad), w4, [stride[0], stride[1]], 'valid');
      const inputGrad = !constants.has(x);
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        return convGrads(xs, ws, dy as tf.Tensor4D, stride, pad, inputGrad);
      };
      return { value, gradFunc };
    },
    [x, w],
  );
  return out as tf.Tensor4D;
}

function convGrads(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  dy: tf.Tensor4D,
  stride: Pair,
  pad: Pair,
  inputGrad: boolean,
): tf.Tensor[] {
  const [kh, kw, cin, cout] = w.shape;
  // dx: the spread dy correlated with the filter flipped in space and with in/out swapped.
  const flipped = tf.transpose(kh === 1 && kw === 1 ? w : tf.reverse(w, [0, 1]), [0, 1, 3, 2]);
  const dx = !inputGrad
    ? tf.zerosLike(x)
    : tf.conv2d(spreadForInput(dy, x.shape[1], x.shape[2], [kh, kw], stride, pad), flipped, 1, 'valid');
  // dW: one conv with batch and channels swapped (the input's channels as its batch, dy as the
  // filter), dilated by the stride, cut to the kernel.
  const xt = tf.transpose(padSpatial(x, pad), [3, 1, 2, 0]);
  const dyt = tf.transpose(dy, [1, 2, 0, 3]);
  const full = tf.conv2d(xt, dyt, 1, 'valid', 'NHWC', [stride[0], stride[1]]);
  const cut =
    full.shape[1] === kh && full.shape[2] === kw ? full : tf.slice(full, [0, 0, 0, 0], [cin, kh, kw, cout]);
  const dw = tf.transpose(cut, [1, 2, 0, 3]);
  return [dx, dw];
}

/** Depthwise convolution; filter [kh, kw, C, M] gives C·M channels, channel c·M + m from c. */
export function depthwiseConv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: Pair, pad: Pair): tf.Tensor4D {
  const out = custom(
    ([xi, wi], save) => {
      const x4 = xi as tf.Tensor4D;
      const w4 = wi as tf.Tensor4D;
      save([x4, w4]);
      const value = tf.depthwiseConv2d(padSpatial(x4, pad), w4, [stride[0], stride[1]], 'valid');
      const inputGrad = !constants.has(x);
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        return [
          inputGrad ? depthwiseInputGrad(dy as tf.Tensor4D, ws, xs.shape, stride, pad) : tf.zerosLike(xs),
          depthwiseFilterGrad(xs, dy as tf.Tensor4D, ws.shape, stride, pad),
        ];
      };
      return { value, gradFunc };
    },
    [x, w],
  );
  return out as tf.Tensor4D;
}

function depthwiseInputGrad(
  dy: tf.Tensor4D,
  w: tf.Tensor4D,
  xShape: readonly number[],
  stride: Pair,
  pad: Pair,
): tf.Tensor4D {
  const [kh, kw, c, m] = w.shape;
  const spread = spreadForInput(dy, xShape[1] ?? 0, xShape[2] ?? 0, [kh, kw], stride, pad);
  const flipped = tf.reshape<tf.Rank.R4>(tf.reverse(w, [0, 1]), [kh, kw, c * m, 1]);
  const each = tf.depthwiseConv2d(spread, flipped, 1, 'valid');
  if (m === 1) return each;
  const [n, h, wd] = each.shape;
  return tf.sum<tf.Tensor4D>(tf.reshape(each, [n, h, wd, c, m]), 4);
}

/**
 * dW of a depthwise conv as one depthwise conv: the batch folded into the channels (N·C channels of
 * one image), dy as the filter, dilated by the stride, the result cut to the kernel and summed over
 * the batch. As many multiply-adds as the forward pass, in one kernel (tap-by-tap strided slices
 * were most of a MobileNetV2 step on WASM).
 */
function depthwiseFilterGrad(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  wShape: readonly [number, number, number, number],
  stride: Pair,
  pad: Pair,
): tf.Tensor4D {
  const [kh, kw, c, m] = wShape;
  const [n, oh, ow] = dy.shape;
  const xp = padSpatial(x, pad);
  const [, hp, wp] = xp.shape;
  const folded = tf.reshape<tf.Rank.R4>(tf.transpose(xp, [1, 2, 0, 3]), [1, hp, wp, n * c]);
  const filter = tf.reshape<tf.Rank.R4>(tf.transpose(dy, [1, 2, 0, 3]), [oh, ow, n * c, m]);
  const full = tf.depthwiseConv2d(folded, filter, 1, 'valid', 'NHWC', [stride[0], stride[1]]);
  const cut =
    full.shape[1] === kh && full.shape[2] === kw
      ? full
      : tf.slice(full, [0, 0, 0, 0], [1, kh, kw, n * c * m]);
  return tf.sum<tf.Tensor4D>(tf.reshape(cut, [kh, kw, n, c, m]), 2);
}

/** A depthwise conv with a fixed filter (average pooling's window): gradient for x only. */
export function fixedDepthwise(x: tf.Tensor4D, w: tf.Tensor4D, stride: Pair, pad: Pair): tf.Tensor4D {
  const out = custom(
    ([xi], save) => {
      // Tensors the backward pass reads must be saved: tfjs disposes what a closure holds.
      save([xi as tf.Tensor, w]);
      const value = tf.depthwiseConv2d(
        padSpatial(xi as tf.Tensor4D, pad),
        w,
        [stride[0], stride[1]],
        'valid',
      );
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor =>
        depthwiseInputGrad(
          dy as tf.Tensor4D,
          saved[1] as tf.Tensor4D,
          (saved[0] as tf.Tensor).shape,
          stride,
          pad,
        );
      return { value, gradFunc };
    },
    [x],
  );
  return out as tf.Tensor4D;
}

/**
 * An NHWC map split by stride phase: [n, hq, sh, wq, sw, c], where row y = qy·sh + ry. A strided
 * window tap at offset (i, j), the rows i + y·sh for y < oh, is then the plain slice rows qy from
 * ⌊i / sh⌋, phase i mod sh, which WASM copies row by row of channels; its strided slice went
 * element by element and was half of a small CNN's training step. The map is padded at the end to
 * whole phases (the pad is never read).
 */
function phases(x: tf.Tensor4D, k: Pair, out: Pair, stride: Pair): { x6: tf.Tensor; hq: number; wq: number } {
  const [n, h, w, c] = x.shape;
  const hq = Math.floor((k[0] - 1) / stride[0]) + out[0];
  const wq = Math.floor((k[1] - 1) / stride[1]) + out[1];
  const fitted = padOrCrop(x, 0, hq * stride[0] - h, 0, wq * stride[1] - w);
  return { x6: tf.reshape(fitted, [n, hq, stride[0], wq, stride[1], c]), hq, wq };
}

/**
 * Max pooling over an input already padded (with −∞ where the window may reach past it). The
 * gradient goes to the first maximum of each window in row-major order, as PyTorch's does.
 */
export function maxPoolPadded(xp: tf.Tensor4D, k: Pair, stride: Pair): tf.Tensor4D {
  const out = custom(
    ([xi], save) => {
      const x4 = xi as tf.Tensor4D;
      const value = tf.maxPool(x4, [k[0], k[1]], [stride[0], stride[1]], 'valid');
      save([x4, value]);
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor => {
        const [xs, ys] = saved as [tf.Tensor4D, tf.Tensor4D];
        const [n, h, w, c] = xs.shape;
        const [, oh, ow] = ys.shape;
        const [sh, sw] = stride;
        const { x6, hq, wq } = phases(xs, k, [oh, ow], stride);
        const y6 = tf.reshape(ys, [n, oh, 1, ow, 1, c]);
        const dy6 = tf.reshape(dy, [n, oh, 1, ow, 1, c]);
        let taken: tf.Tensor = tf.zerosLike(y6);
        let dx6: tf.Tensor = tf.zeros([n, hq, sh, wq, sw, c]);
        for (let i = 0; i < k[0]; i++)
          for (let j = 0; j < k[1]; j++) {
            const [qi, ri, qj, rj] = [Math.floor(i / sh), i % sh, Math.floor(j / sw), j % sw];
            const window = tf.slice(x6, [0, qi, ri, qj, rj, 0], [n, oh, 1, ow, 1, c]);
            const hit = tf.mul(tf.cast(tf.equal(window, y6), 'float32'), tf.sub(1, taken));
            taken = tf.add(taken, hit);
            const part = tf.pad(tf.mul(hit, dy6), [
              [0, 0],
              [qi, hq - qi - oh],
              [ri, sh - ri - 1],
              [qj, wq - qj - ow],
              [rj, sw - rj - 1],
              [0, 0],
            ]);
            dx6 = tf.add(dx6, part);
          }
        const full = tf.reshape<tf.Rank.R4>(dx6, [n, hq * sh, wq * sw, c]);
        return padOrCrop(full, 0, h - hq * sh, 0, w - wq * sw);
      };
      return { value, gradFunc };
    },
    [xp],
  );
  return out as tf.Tensor4D;
}

/**
 * The mean over every axis but the last (the channels), as one average pool over all the pixels:
 * WASM's Mean and Sum first transpose N, H, W innermost and took 10–30× longer than its pooling
 * (XNNPACK), which reads the channel-last map as it lies.
 */
export function channelMean(t: tf.Tensor): tf.Tensor1D {
  const c = t.shape[t.rank - 1] ?? 1;
  const rows = t.size / c;
  if (rows === 1) return tf.reshape(t, [c]);
  return tf.reshape(tf.avgPool(tf.reshape<tf.Rank.R4>(t, [1, rows, 1, c]), [rows, 1], 1, 'valid'), [c]);
}

/**
 * Batch normalisation in training mode over N, H, W (or N for a [N, C] tensor), with the analytic
 * gradient (faster than autodiff through tf.moments). Returns the batch mean and biased variance
 * for the running statistics.
 */
export function batchNormTrain(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
): { y: tf.Tensor; mean: tf.Tensor; variance: tf.Tensor } {
  const count = x.size / (x.shape[x.rank - 1] ?? 1);
  const mean = channelMean(x);
  const variance = channelMean(tf.square(tf.sub(x, mean)));
  const stats = { mean: tf.keep(mean), variance: tf.keep(variance) };
  const y = custom(
    ([xi, g, b], save) => {
      const invStd = tf.rsqrt(tf.add(stats.variance, epsilon));
      const xhat = tf.mul(tf.sub(xi as tf.Tensor, stats.mean), invStd);
      save([xhat, invStd, g as tf.Tensor]);
      const value = tf.add(tf.mul(xhat, g as tf.Tensor), b as tf.Tensor);
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor[] => {
        const [xh, inv, gs] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const meanDy = channelMean(dy);
        const meanDyXh = channelMean(tf.mul(dy, xh));
        // dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))
        const dx = tf.mul(tf.mul(gs, inv), tf.sub(tf.sub(dy, meanDy), tf.mul(xh, meanDyXh)));
        return [dx, tf.mul(meanDyXh, count), tf.mul(meanDy, count)];
      };
      return { value, gradFunc };
    },
    [x, gamma, beta],
  );
  return { y, ...stats };
}

/**
 * values[index[i]] for a flat weight, 0 where the index is −1: a method's dense weight (versatile
 * filters written out, an expander's or FLGC's connections placed) from the values it trains. The
 * gradient sums back with scatterND (the gather gradient WASM lacks).
 */
export function placeWeight(values: tf.Tensor, index: Int32Array, shape: readonly number[]): tf.Tensor {
  const shifted = new Int32Array(index.length);
  for (let i = 0; i < index.length; i++) shifted[i] = (index[i] ?? -1) + 1;
  const positions = tf.tensor1d(shifted, 'int32');
  const size = values.size;
  return custom(
    ([v], save) => {
      save([positions]);
      const withZero = tf.concat([tf.zeros([1]), tf.reshape(v as tf.Tensor, [size])]);
      const value = tf.reshape(tf.gather(withZero, positions), [...shape]);
      const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor => {
        const summed = tf.scatterND(
          tf.reshape(saved[0] as tf.Tensor, [index.length, 1]),
          tf.reshape(dy, [index.length]),
          [size + 1],
        );
        return tf.reshape(tf.slice(summed, [1], [size]), values.shape);
      };
      return { value, gradFunc };
    },
    [values],
  );
}
