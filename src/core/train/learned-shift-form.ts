import * as tf from '@tensorflow/tfjs-core';
import { depthwiseConv2d } from './grads';

/**
 * Sparse shift's learnable form (Chen et al. 2019, "All You Need is a Few Shifts"; the authors'
 * release, hikvision-research/SparseShiftLayer): channel c has real displacements (a_c, b_c) and
 * moves by their rounded values, out[n, y, x, c] = in[n, y + d·q(a_c), x + d·q(b_c), c] (zero
 * outside), with d the dilation. Quantization-aware shift learning: the forward pass is the integer
 * shift the trained design will run; the input's gradient is that shift's transpose; a displacement's
 * gradient is the derivative of the bilinear interpolation at its real value (as active shift
 * computes it), on the dilated lattice.
 *
 * The tool keeps a displacement inside the kernel×kernel neighbourhood the design's mask can hold:
 * it is clamped to [−r, r] (r = ⌊k/2⌋) before rounding, and outside that range the loss does not
 * move it (clamp's gradient).
 */

/** A tensor whose value passes through and whose gradient is zero (tfjs-core has no stopGradient). */
export const stopGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const t = args[0] as tf.Tensor;
  return { value: tf.clone(t), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
});

/** round(v) as above, elementwise on a tensor (no gradient: the caller adds the straight-through part). */
function roundTensor(v: tf.Tensor, reach: number): tf.Tensor {
  const q = tf.mul(tf.sign(v), tf.floor(tf.add(tf.abs(v), 0.5)));
  return tf.clipByValue(q, -reach, reach);
}

/** [2r + 3, C]: 1 where offset o (−r − 1 … r + 1) equals the channel's integer `at`. */
const oneHot = (at: tf.Tensor, reach: number): tf.Tensor =>
  tf.transpose(tf.oneHot(tf.cast(tf.add(at, reach + 1), 'int32'), 2 * reach + 3));

/**
 * The shift of NHWC `x` by displacements a, b ([C] each), kernel k, dilation d, as described above.
 * Its filter spans offsets −r − 1 … r + 1: a displacement at r interpolates towards r + 1.
 */
export function learnedShift(
  x: tf.Tensor4D,
  a: tf.Tensor1D,
  b: tf.Tensor1D,
  kernel: number,
  dilation: number,
): tf.Tensor4D {
  const r = Math.floor(kernel / 2);
  const span = 2 * r + 3;
  const ca = tf.clipByValue(a, -r, r);
  const cb = tf.clipByValue(b, -r, r);
  // The integer shift, as a one-hot depthwise filter [span, span, C]: the forward pass's value.
  const qa = oneHot(roundTensor(ca, r), r);
  const qb = oneHot(roundTensor(cb, r), r);
  const integer = tf.mul(tf.expandDims(qa, 1), tf.expandDims(qb, 0));
  // The bilinear filter of the real displacements: corner ⌊a⌋ weighs 1 − frac, ⌊a⌋ + 1 weighs frac.
  const tent = (v: tf.Tensor): tf.Tensor => {
    const low = tf.floor(v);
    const frac = tf.sub(v, low);
    return tf.add(tf.mul(oneHot(low, r), tf.sub(1, frac)), tf.mul(oneHot(tf.add(low, 1), r), frac));
  };
  const ta = tent(ca);
  const tb = tent(cb);
  const bilinear = tf.mul(tf.expandDims(ta, 1), tf.expandDims(tb, 0));
  // Value: the integer filter; gradient: the bilinear filter's.
  const filter = tf.add(integer, tf.sub(bilinear, stopGradient(bilinear)));
  const c = x.shape[3];
  let f = tf.reshape<tf.Rank.R4>(filter, [span, span, c, 1]);
  if (dilation > 1) f = dilateTaps(f, dilation);
  const pad = (r + 1) * dilation;
  return depthwiseConv2d(x, f, [1, 1], [pad, pad]);
}

/** A [k, k, C, 1] filter with d − 1 zeros between its taps. */
function dilateTaps(f: tf.Tensor4D, d: number): tf.Tensor4D {
  const [k, , c] = f.shape;
  const size = (k - 1) * d + 1;
  const spread = tf.pad(tf.reshape(f, [k, 1, k, 1, c, 1]), [
    [0, 0],
    [0, d - 1],
    [0, 0],
    [0, d - 1],
    [0, 0],
    [0, 0],
  ]);
  return tf.slice(tf.reshape<tf.Rank.R4>(spread, [k * d, k * d, c, 1]), [0, 0, 0, 0], [size, size, c, 1]);
}
