import * as tf from '@tensorflow/tfjs-core';
import { conv2d, depthwiseConv2d, dilate, placeWeight, type Pair } from './grads';

/** A convolution as PyTorch's Conv2d reads it: weight [Cout, Cin/g, kh, kw], symmetric padding. */
export interface ConvGeometry {
  readonly stride: Pair;
  readonly padding: Pair;
  readonly dilation: Pair;
  readonly groups: number;
}

/** A filter [kh, kw, a, b] with zeros between its taps (a dilated kernel as a plain one). */
function dilateFilter(f: tf.Tensor4D, d: Pair): tf.Tensor4D {
  if (d[0] === 1 && d[1] === 1) return f;
  const [kh, kw, a, b] = f.shape;
  const spread = dilate(tf.reshape(f, [1, kh, kw, a * b]), d[0], d[1]);
  return tf.reshape(spread, [spread.shape[1], spread.shape[2], a, b]);
}

/** The block-diagonal dense weight of a grouped 1×1 conv, as indices into its [Cout, Cin/g] weight. */
function blockDiagonal(cin: number, cout: number, groups: number): Int32Array {
  const ig = cin / groups;
  const og = cout / groups;
  const index = new Int32Array(cin * cout).fill(-1);
  for (let o = 0; o < cout; o++) {
    const g = Math.floor(o / og);
    for (let i = 0; i < ig; i++) index[(g * ig + i) * cout + o] = o * ig + i;
  }
  return index;
}

/**
 * A convolution of NHWC x by a PyTorch-layout weight: a plain conv, a depthwise conv (groups = Cin),
 * a grouped 1×1 as one conv with a block-diagonal weight, other grouped convs as split + conv +
 * concat (tfjs has no groups).
 */
export function convolve(x: tf.Tensor4D, weight: tf.Tensor, g: ConvGeometry, bias?: tf.Tensor): tf.Tensor4D {
  const [cout, perGroup, kh, kw] = weight.shape as [number, number, number, number];
  const cin = x.shape[3];
  let y: tf.Tensor4D;
  if (g.groups === 1) {
    const f = dilateFilter(tf.transpose(weight, [2, 3, 1, 0]) as tf.Tensor4D, g.dilation);
    y = conv2d(x, f, g.stride, g.padding);
  } else if (g.groups === cin && perGroup === 1) {
    const m = cout / cin;
    const f = tf.transpose<tf.Tensor4D>(tf.reshape(weight, [cin, m, kh, kw]), [2, 3, 0, 1]);
    y = depthwiseConv2d(x, dilateFilter(f, g.dilation), g.stride, g.padding);
  } else if (kh === 1 && kw === 1) {
    const f = placeWeight(weight, blockDiagonal(cin, cout, g.groups), [1, 1, cin, cout]) as tf.Tensor4D;
    y = conv2d(x, f, g.stride, g.padding);
  } else {
    const xs = tf.split<tf.Tensor4D>(x, g.groups, 3);
    const ws = tf.split(weight, g.groups, 0);
    y = tf.concat(
      xs.map((part, i) =>
        conv2d(
          part,
          dilateFilter(tf.transpose(ws[i] as tf.Tensor, [2, 3, 1, 0]) as tf.Tensor4D, g.dilation),
          g.stride,
          g.padding,
        ),
      ),
      3,
    );
  }
  return bias === undefined ? y : tf.add(y, bias);
}
