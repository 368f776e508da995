import * as tf from '@tensorflow/tfjs-core';
import type { LayerInfo } from '../analysis/analysis-types';
import { splitSizes } from '../ops/channel';
import { resolveGroups } from '../ops/flgc-groups';
import type { OpKind, OpParams } from '../kind-table';
import { sparseShiftGroupsOf } from '../ops/shift';
import { derivedWeight, primaryShape } from '../ops/versatile-structure';
import { msg } from '../message';
import { connectionsOf } from '../methods/expander-graph';
import { shiftGroups, shiftReach, type ShiftGroup } from '../onnx/shift-onnx';
import { convolve } from './conv-forms';
import { classOrder, inClassOrder } from '../ops/splitnet-class-order';
import { batchNormTrain, fixedDepthwise, maxPoolPadded, padOrCrop, placeWeight, type Pair } from './grads';
import { TrainError } from './train-types';

/**
 * Each op's training form: its forward pass in TensorFlow.js, on NHWC maps ([N, F] vectors), with
 * the design's weights in PyTorch's layout (src/core/onnx/layer-weights.ts). Blocks expand to
 * these primitives, so every block trains through them. A method whose saving needs its own
 * kernel (sparse, lookup, versatile, expander, FLGC) computes its exact dense equivalent, as the
 * ONNX and PyTorch exports do; the values it trains are the ones it stores.
 */
export interface FormContext {
  readonly layer: LayerInfo;
  readonly training: boolean;
  /** A weight by role, PyTorch's layout (a sparse or lookup weight with its zeros kept at zero). */
  weight(role: string): tf.Tensor;
  /** A batch norm's batch statistics (mean, biased variance), for its running averages. */
  batchStats(mean: tf.Tensor, variance: tf.Tensor): void;
  /** A value computed once per layer (index maps, counts). */
  constant<T>(name: string, make: () => T): T;
  /** A seed for this layer's randomness at this step (dropout). */
  readonly seed: number;
}

export interface TrainForm<P> {
  forward(ctx: FormContext, inputs: readonly tf.Tensor[], params: P): tf.Tensor[];
}

type Forms = { readonly [K in OpKind]: TrainForm<OpParams<K>> };

const x4 = (inputs: readonly tf.Tensor[]): tf.Tensor4D => inputs[0] as tf.Tensor4D;
const first = (inputs: readonly tf.Tensor[]): tf.Tensor => inputs[0] as tf.Tensor;
const channelAxis = (t: tf.Tensor): number => t.rank - 1;
const unary = <P>(f: (x: tf.Tensor) => tf.Tensor): TrainForm<P> => ({ forward: (_, i) => [f(first(i))] });
const optionalBias = (ctx: FormContext, has: boolean, role = 'bias'): tf.Tensor | undefined =>
  has ? ctx.weight(role) : undefined;

/** Output size of a pooling window the analysis gave, read from the layer's NCHW output shape. */
const outHW = (layer: LayerInfo): Pair => [layer.outputShapes[0]?.[2] ?? 1, layer.outputShapes[0]?.[3] ?? 1];

/** Pads an NHWC map for a window op so a valid window pass gives exactly the analysed output size (ceil mode). */
function windowPad(x: tf.Tensor4D, out: Pair, k: Pair, s: Pair, p: Pair, value: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  const bottom = (out[0] - 1) * s[0] + k[0] - h - p[0];
  const right = (out[1] - 1) * s[1] + k[1] - w - p[1];
  if (value === 0) return padOrCrop(x, p[0], bottom, p[1], right);
  const padded = tf.pad(
    x,
    [
      [0, 0],
      [p[0], Math.max(0, bottom)],
      [p[1], Math.max(0, right)],
      [0, 0],
    ],
    value,
  );
  return bottom < 0 || right < 0 ? padOrCrop(padded, 0, Math.min(0, bottom), 0, Math.min(0, right)) : padded;
}

/** How many inputs each window position averages (PyTorch's rule: padding counted or not, never the ceil overhang). */
function windowCounts(
  size: number,
  out: number,
  k: number,
  s: number,
  p: number,
  includePad: boolean,
): number[] {
  return Array.from({ length: out }, (_, o) => {
    const start = o * s - p;
    const end = Math.min(start + k, size + p);
    return includePad ? end - start : Math.min(end, size) - Math.max(start, 0);
  });
}

function shifted(x: tf.Tensor4D, groups: readonly ShiftGroup[], reach: number): tf.Tensor4D {
  if (groups.every((g) => g.dy === 0 && g.dx === 0)) return x;
  const [n, h, w] = x.shape;
  const padded = tf.pad(x, [
    [0, 0],
    [reach, reach],
    [reach, reach],
    [0, 0],
  ]);
  const parts = groups.map((g) =>
    g.dy === 0 && g.dx === 0
      ? tf.slice(x, [0, 0, 0, g.start], [n, h, w, g.end - g.start])
      : tf.slice(padded, [0, reach + g.dy, reach + g.dx, g.start], [n, h, w, g.end - g.start]),
  );
  return tf.concat(parts, 3);
}

const cinOf = (layer: LayerInfo): number => layer.inputShapes[0]?.[1] ?? 0;

export const trainForms: Forms = {
  Input: unary((x) => x),
  Output: unary((x) => x),
  Conv2d: {
    forward: (ctx, inputs, p) => [convolve(x4(inputs), ctx.weight('weight'), p, optionalBias(ctx, p.bias))],
  },
  LookupConv: {
    forward: (ctx, inputs, p) => {
      const maps = convolve(x4(inputs), ctx.weight('dictionary.weight'), {
        stride: [1, 1],
        padding: [0, 0],
        dilation: [1, 1],
        groups: 1,
      });
      return [
        convolve(
          maps,
          ctx.weight('lookup.weight'),
          { ...p, groups: 1 },
          optionalBias(ctx, p.bias, 'lookup.bias'),
        ),
      ];
    },
  },
  FullyLearnableGroupConv: {
    // The dense equivalent: each group's filters placed at their (input, output) channels.
    forward: (ctx, inputs, p) => {
      const cin = cinOf(ctx.layer);
      const a = resolveGroups(p, cin);
      if (!a.ok) throw new TrainError(msg('trainCannotForm', { layer: ctx.layer.name, op: ctx.layer.op }));
      const { inSizes, outSizes, channelGroups, filterGroups } = a.value;
      const taps = p.kernel[0] * p.kernel[1];
      const offsets = inSizes.map((_, g) =>
        inSizes.slice(0, g).reduce((s, v, i) => s + v * (outSizes[i] ?? 0) * taps, 0),
      );
      const index = ctx.constant('index', () => {
        const local = (groups: readonly number[]): number[] => {
          const seen = new Map<number, number>();
          return groups.map((g) => {
            const i = seen.get(g) ?? 0;
            seen.set(g, i + 1);
            return i;
          });
        };
        const inLocal = local(channelGroups);
        const outLocal = local(filterGroups);
        const idx = new Int32Array(p.outChannels * cin * taps).fill(-1);
        for (let o = 0; o < p.outChannels; o++)
          for (let c = 0; c < cin; c++) {
            const g = filterGroups[o] ?? 0;
            if (channelGroups[c] !== g) continue;
            const n = inSizes[g] ?? 0;
            for (let t = 0; t < taps; t++)
              idx[(o * cin + c) * taps + t] =
                (offsets[g] ?? 0) + ((outLocal[o] ?? 0) * n + (inLocal[c] ?? 0)) * taps + t;
          }
        return idx;
      });
      const values = tf.concat(inSizes.map((_, g) => tf.reshape(ctx.weight(`convs.${g}.weight`), [-1])));
      const dense = placeWeight(values, index, [p.outChannels, cin, p.kernel[0], p.kernel[1]]);
      let bias: tf.Tensor | undefined;
      if (p.bias) {
        const biasIndex = ctx.constant('bias', () => {
          const outLocal = new Map<number, number>();
          const at = inSizes.map((_, g) => outSizes.slice(0, g).reduce((s, v) => s + v, 0));
          return Int32Array.from(filterGroups, (g) => {
            const i = outLocal.get(g) ?? 0;
            outLocal.set(g, i + 1);
            return (at[g] ?? 0) + i;
          });
        });
        const all = tf.concat(inSizes.map((_, g) => ctx.weight(`convs.${g}.bias`)));
        bias = placeWeight(all, biasIndex, [p.outChannels]);
      }
      return [convolve(x4(inputs), dense, { ...p, groups: 1 }, bias)];
    },
  },
  VersatileConv: {
    // The primaries written out as every secondary filter (derivedWeight's placement, as indices).
    forward: (ctx, inputs, p) => {
      const cin = cinOf(ctx.layer);
      const geometry = { ...p, inChannels: cin };
      const index = ctx.constant('index', () => {
        const { primaries } = primaryShape(geometry);
        const count = primaries * cin * p.kernel * p.kernel;
        const marks = derivedWeight(
          geometry,
          Float32Array.from({ length: count }, (_, i) => i + 1),
        );
        return Int32Array.from(marks, (v) => v - 1);
      });
      const dense = placeWeight(ctx.weight('weight'), index, [p.outChannels, cin, p.kernel, p.kernel]);
      const g = {
        stride: [p.stride, p.stride],
        padding: [p.padding, p.padding],
        dilation: [1, 1],
        groups: 1,
      } as const;
      return [convolve(x4(inputs), dense, g, optionalBias(ctx, p.bias))];
    },
  },
  ExpanderConv2d: {
    // Output o reads its D input channels: the dense weight holds its D filters at those channels.
    forward: (ctx, inputs, p) => {
      const cin = cinOf(ctx.layer);
      const taps = p.kernel[0] * p.kernel[1];
      const index = ctx.constant('index', () => {
        const links = connectionsOf(p, cin);
        const idx = new Int32Array(p.outChannels * cin * taps).fill(-1);
        for (let o = 0; o < p.outChannels; o++)
          for (let d = 0; d < p.fanIn; d++) {
            const c = links[o * p.fanIn + d] ?? 0;
            for (let t = 0; t < taps; t++) idx[(o * cin + c) * taps + t] = (o * p.fanIn + d) * taps + t;
          }
        return idx;
      });
      const dense = placeWeight(ctx.weight('weight'), index, [p.outChannels, cin, p.kernel[0], p.kernel[1]]);
      return [convolve(x4(inputs), dense, { ...p, dilation: [1, 1], groups: 1 }, optionalBias(ctx, p.bias))];
    },
  },
  BatchNorm: {
    forward: (ctx, inputs, p) => {
      const x = first(inputs);
      const gamma = ctx.weight('weight') as tf.Tensor1D;
      const beta = ctx.weight('bias') as tf.Tensor1D;
      if (ctx.training) {
        const { y, mean, variance } = batchNormTrain(x, gamma, beta, p.epsilon);
        ctx.batchStats(mean, variance);
        return [y];
      }
      const scale = tf.mul(gamma, tf.rsqrt(tf.add(ctx.weight('running_var'), p.epsilon)));
      return [tf.add(tf.mul(tf.sub(x, ctx.weight('running_mean')), scale), beta)];
    },
  },
  ReLU: unary((x) => tf.relu(x)),
  ReLU6: unary((x) => tf.relu6(x)),
  HardSwish: unary((x) => tf.mul(x, tf.div(tf.clipByValue(tf.add(x, 3), 0, 6), 6))),
  HardSigmoid: unary((x) => tf.div(tf.clipByValue(tf.add(x, 3), 0, 6), 6)),
  Sigmoid: unary((x) => tf.sigmoid(x)),
  SiLU: unary((x) => tf.mul(x, tf.sigmoid(x))),
  MaxPool: {
    forward: (ctx, inputs, p) => {
      const xp = windowPad(x4(inputs), outHW(ctx.layer), p.kernel, p.stride, p.padding, -Infinity);
      return [maxPoolPadded(xp, p.kernel, p.stride)];
    },
  },
  AvgPool: {
    // A window sum as a depthwise conv with a fixed filter of ones, then each position's divisor.
    forward: (ctx, inputs, p) => {
      const x = x4(inputs);
      const [, h, w, c] = x.shape;
      const out = outHW(ctx.layer);
      const xp = windowPad(x, out, p.kernel, p.stride, p.padding, 0);
      const ones = tf.ones<tf.Rank.R4>([p.kernel[0], p.kernel[1], c, 1]);
      const sum = fixedDepthwise(xp, ones, p.stride, [0, 0]);
      const divisor = ctx.constant('divisor', () => {
        const rows = windowCounts(h, out[0], p.kernel[0], p.stride[0], p.padding[0], p.countIncludePad);
        const cols = windowCounts(w, out[1], p.kernel[1], p.stride[1], p.padding[1], p.countIncludePad);
        return Float32Array.from(
          { length: out[0] * out[1] },
          (_, i) => 1 / ((rows[Math.floor(i / out[1])] ?? 1) * (cols[i % out[1]] ?? 1)),
        );
      });
      return [tf.mul(sum, tf.tensor4d(divisor, [1, out[0], out[1], 1]))];
    },
  },
  GlobalAvgPool: unary((x) => tf.mean(x, [1, 2], true)),
  Linear: {
    forward: (ctx, inputs, p) => {
      const x = first(inputs);
      const flat = tf.reshape<tf.Rank.R2>(x, [x.shape[0], -1]);
      const y = tf.matMul(flat, ctx.weight('weight'), false, true);
      return [p.bias ? tf.add(y, ctx.weight('bias')) : y];
    },
  },
  Flatten: {
    // ONNX and PyTorch flatten N·C·H·W in channel-major order: back to NCHW first where H·W > 1.
    forward: (_, inputs) => {
      const x = first(inputs);
      if (x.rank !== 4) return [tf.reshape(x, [x.shape[0], -1])];
      const chw = x.shape[1] === 1 && x.shape[2] === 1 ? x : tf.transpose(x, [0, 3, 1, 2]);
      return [tf.reshape(chw, [x.shape[0], -1])];
    },
  },
  Dropout: {
    forward: (ctx, inputs, p) => [
      ctx.training && p.p > 0 ? tf.dropout(first(inputs), p.p, undefined, ctx.seed) : first(inputs),
    ],
  },
  Add: { forward: (_, inputs) => [tf.add(first(inputs), inputs[1] as tf.Tensor)] },
  Multiply: { forward: (_, inputs) => [tf.mul(first(inputs), inputs[1] as tf.Tensor)] },
  Concat: { forward: (_, inputs) => [tf.concat([...inputs], channelAxis(first(inputs)))] },
  ChannelShuffle: {
    forward: (_, inputs, p) => {
      const [n, h, w, c] = x4(inputs).shape;
      const grouped = tf.reshape(first(inputs), [n, h, w, p.groups, c / p.groups]);
      return [tf.reshape(tf.transpose(grouped, [0, 1, 2, 4, 3]), [n, h, w, c])];
    },
  },
  ClassMerge: {
    // The groups' scores joined, then put in class order: a gather whose gradient is the inverse
    // gather (tfjs's own gather gradient needs a kernel the WASM backend lacks).
    forward: (_, inputs, p) => {
      const joined = tf.concat([...inputs], 1);
      if (inClassOrder(p.classes)) return [joined];
      const order = classOrder(p.classes);
      const inverse = new Array<number>(order.length).fill(0);
      for (const [c, position] of order.entries()) inverse[position] = c;
      const permute = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
        value: tf.gather(args[0] as tf.Tensor, order, 1),
        gradFunc: (dy: tf.Tensor) => tf.gather(dy, inverse, 1),
      }));
      return [permute(joined)];
    },
  },
  ChannelSplit: {
    forward: (ctx, inputs, p) => {
      const x = first(inputs);
      return tf.split(x, splitSizes(p, cinOf(ctx.layer)), channelAxis(x));
    },
  },
  Shift: {
    forward: (ctx, inputs, p) => {
      const groups = shiftGroups(p.kernel, p.dilation, cinOf(ctx.layer));
      return [shifted(x4(inputs), groups, shiftReach(p.kernel, p.dilation))];
    },
  },
  SparseShift: {
    forward: (ctx, inputs, p) => {
      const c = cinOf(ctx.layer);
      const groups = sparseShiftGroupsOf(p, c);
      return [shifted(x4(inputs), groups, shiftReach(p.kernel, p.dilation))];
    },
  },
  Softmax: unary((x) => tf.softmax(x, -1)),
  Opaque: {
    forward: (ctx) => {
      throw new TrainError(msg('trainCannotForm', { layer: ctx.layer.name, op: ctx.layer.op }));
    },
  },
};
