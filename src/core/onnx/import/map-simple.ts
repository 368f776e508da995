import { attrFloat, attrInt, attrInts, attrString, type IrNode } from '../ir/graph';
import { META, SHIFT_AS_CONV } from '../version';
import type { MapContext } from './context';
import { shiftFromConv } from './map-shift';

/** A mapper turns one ONNX node (and maybe the nodes it absorbs) into primitives; false: not mappable. */
export type Mapper = (n: IrNode, ctx: MapContext) => boolean;

const x0 = (n: IrNode): string => n.inputs[0] ?? '';
const is4d = (ctx: MapContext, t: string): boolean => ctx.shape(t)?.length === 4;

/** Symmetric 2-D pads as [h, w], or undefined when the node pads unevenly or automatically. */
function symmetricPads(
  n: IrNode,
  kernel: readonly number[],
  dilation: readonly number[],
  stride: readonly number[],
): [number, number] | undefined {
  const auto = attrString(n, 'auto_pad') ?? 'NOTSET';
  if (auto === 'VALID') return [0, 0];
  if (auto.startsWith('SAME')) {
    if (stride.some((s) => s !== 1)) return undefined;
    const total = kernel.map((k, i) => (k - 1) * (dilation[i] ?? 1));
    if (total.some((t) => t % 2 !== 0)) return undefined;
    return [(total[0] ?? 0) / 2, (total[1] ?? 0) / 2];
  }
  const p = attrInts(n, 'pads') ?? [0, 0, 0, 0];
  if (p.length !== 4 || p[0] !== p[2] || p[1] !== p[3]) return undefined;
  return [p[0] ?? 0, p[1] ?? 0];
}

const pair = (v: readonly number[] | undefined, d: number): [number, number] => [v?.[0] ?? d, v?.[1] ?? d];

export const mapConv: Mapper = (n, ctx) => {
  const w = ctx.const(n.inputs[1]);
  if (w?.floats === undefined || w.dims.length !== 4 || !is4d(ctx, x0(n))) return false;
  const kernel = pair(w.dims.slice(2), 1);
  const stride = pair(attrInts(n, 'strides'), 1);
  const dilation = pair(attrInts(n, 'dilations'), 1);
  const padding = symmetricPads(n, kernel, dilation, stride);
  if (padding === undefined) return false;
  const bias = ctx.floats(n.inputs[2]);
  const groups = attrInt(n, 'group', 1);
  const shiftForm = ctx.graph.metadata.get(META.shift)?.startsWith(SHIFT_AS_CONV) === true;
  if (
    shiftForm &&
    bias === undefined &&
    groups === w.dims[0] &&
    w.dims[1] === 1 &&
    kernel[0] === kernel[1] &&
    dilation[0] === dilation[1]
  ) {
    const shift = shiftFromConv(w.floats, groups, kernel[0], dilation[0]);
    if (shift !== undefined) {
      ctx.add(n, { ...shift, inputs: [x0(n)], outputs: n.outputs.slice(0, 1), weights: {} });
      return true;
    }
  }
  const weights: Record<string, Float32Array> = { weight: w.floats };
  if (bias !== undefined) weights['bias'] = bias;
  ctx.add(n, {
    kind: 'Conv2d',
    params: {
      outChannels: w.dims[0],
      kernel,
      stride,
      padding,
      dilation,
      groups,
      bias: bias !== undefined,
    },
    inputs: [x0(n)],
    outputs: n.outputs.slice(0, 1),
    weights,
  });
  return true;
};

export const mapBatchNorm: Mapper = (n, ctx) => {
  const [g, b, m, v] = [1, 2, 3, 4].map((i) => ctx.floats(n.inputs[i]));
  if (g === undefined || b === undefined || m === undefined || v === undefined || !is4d(ctx, x0(n)))
    return false;
  ctx.add(n, {
    kind: 'BatchNorm',
    params: { epsilon: Number(attrFloat(n, 'epsilon', 1e-5).toPrecision(7)) },
    inputs: [x0(n)],
    outputs: n.outputs.slice(0, 1),
    weights: { weight: g, bias: b, running_mean: m, running_var: v },
  });
  return true;
};

/** One input, one output, no params: activations and pooling to 1×1. */
export const unary =
  (
    kind: 'ReLU' | 'ReLU6' | 'HardSwish' | 'Sigmoid' | 'GlobalAvgPool' | 'HardSigmoid' | 'Dropout',
    params: Record<string, unknown> = {},
  ): Mapper =>
  (n, ctx) => {
    if (kind === 'GlobalAvgPool' && !is4d(ctx, x0(n))) return false;
    ctx.add(n, { kind, params, inputs: [x0(n)], outputs: n.outputs.slice(0, 1), weights: {} });
    return true;
  };

export const mapClip: Mapper = (n, ctx) => {
  const lo = ctx.floats(n.inputs[1])?.[0] ?? (n.attrs.has('min') ? attrFloat(n, 'min', 0) : -Infinity);
  const hi = ctx.floats(n.inputs[2])?.[0] ?? (n.attrs.has('max') ? attrFloat(n, 'max', 0) : Infinity);
  if (lo !== 0) return false;
  if (hi === 6) return unary('ReLU6')(n, ctx);
  if (hi === Infinity) return unary('ReLU')(n, ctx);
  return false;
};

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-4;

/** HardSigmoid(α = 1/6, β = ½); followed by Mul with its own input it is a hard-swish. */
export const mapHardSigmoid: Mapper = (n, ctx) => {
  if (!near(attrFloat(n, 'alpha', 0.2), 1 / 6) || !near(attrFloat(n, 'beta', 0.5), 0.5)) return false;
  const out = n.outputs[0] ?? '';
  const mul = ctx.soleReader(out);
  const x = ctx.resolve(x0(n));
  if (
    mul?.opType === 'Mul' &&
    mul.inputs.map((t) => ctx.resolve(t)).includes(x) &&
    mul.inputs.includes(out)
  ) {
    ctx.absorbed.add(mul);
    ctx.add(n, {
      kind: 'HardSwish',
      params: {},
      inputs: [x],
      outputs: mul.outputs,
      weights: {},
      label: ctx.groupLabel([n, mul], 'HardSwish'),
    });
    return true;
  }
  return unary('HardSigmoid')(n, ctx);
};

function pool(kind: 'MaxPool' | 'AvgPool'): Mapper {
  return (n, ctx) => {
    const k = attrInts(n, 'kernel_shape');
    if (k?.length !== 2 || !is4d(ctx, x0(n)) || (attrInts(n, 'dilations') ?? [1, 1]).some((d) => d !== 1))
      return false;
    const kernel = pair(k, 1);
    const stride = pair(attrInts(n, 'strides'), 1);
    const padding = symmetricPads(n, kernel, [1, 1], stride);
    if (padding === undefined || 2 * padding[0] > kernel[0] || 2 * padding[1] > kernel[1]) return false;
    const params: Record<string, unknown> = {
      kernel,
      stride,
      padding,
      ceilMode: attrInt(n, 'ceil_mode', 0) === 1,
    };
    if (kind === 'AvgPool') params['countIncludePad'] = attrInt(n, 'count_include_pad', 0) === 1;
    ctx.add(n, { kind, params, inputs: [x0(n)], outputs: n.outputs.slice(0, 1), weights: {} });
    return true;
  };
}
export const mapMaxPool = pool('MaxPool');
export const mapAvgPool = pool('AvgPool');

export const mapFlatten: Mapper = (n, ctx) => {
  const axis = attrInt(n, 'axis', 1);
  if (axis !== 1) return false;
  ctx.add(n, { kind: 'Flatten', params: {}, inputs: [x0(n)], outputs: n.outputs, weights: {} });
  return true;
};

export const mapSoftmax: Mapper = (n, ctx) => {
  const rank = ctx.shape(x0(n))?.length ?? 0;
  const axis = attrInt(n, 'axis', ctx.graph.opset >= 13 ? -1 : 1);
  if (!(axis === 1 || (axis === -1 && rank === 2)) || (rank !== 2 && (rank !== 4 || ctx.graph.opset < 13)))
    return false;
  ctx.add(n, { kind: 'Softmax', params: {}, inputs: [x0(n)], outputs: n.outputs, weights: {} });
  return true;
};

export const mapConcat: Mapper = (n, ctx) => {
  const rank = ctx.shape(x0(n))?.length ?? 0;
  const axis = attrInt(n, 'axis', 1);
  if (rank !== 4 || (axis !== 1 && axis !== -3) || n.inputs.length < 2 || n.inputs.length > 16) return false;
  if (n.inputs.some((t) => ctx.const(t) !== undefined)) return false;
  ctx.add(n, {
    kind: 'Concat',
    params: { inputs: n.inputs.length },
    inputs: n.inputs,
    outputs: n.outputs,
    weights: {},
  });
  return true;
};

const sameShape = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((d, i) => d === b[i]);

export const mapAdd: Mapper = (n, ctx) => {
  const [a, b] = n.inputs;
  if (ctx.const(a) !== undefined || ctx.const(b) !== undefined || !sameShape(ctx.shape(a), ctx.shape(b)))
    return false;
  ctx.add(n, { kind: 'Add', params: {}, inputs: [a ?? '', b ?? ''], outputs: n.outputs, weights: {} });
  return true;
};

/** Mul of a feature map by N×C×1×1 (squeeze-excite) or by a map of the same shape. */
export const mapMul: Mapper = (n, ctx) => {
  const [a = '', b = ''] = n.inputs;
  if (ctx.const(a) !== undefined || ctx.const(b) !== undefined) return false;
  const sa = ctx.shape(a);
  const sb = ctx.shape(b);
  if (sa?.length !== 4 || sb?.length !== 4 || sa[1] !== sb[1]) return false;
  const scale = (s: readonly number[]): boolean => s[2] === 1 && s[3] === 1;
  let inputs: string[];
  if (sameShape(sa, sb) || scale(sb)) inputs = [a, b];
  else if (scale(sa)) inputs = [b, a];
  else return false;
  ctx.add(n, { kind: 'Multiply', params: {}, inputs, outputs: n.outputs, weights: {} });
  return true;
};

export const mapDropout: Mapper = (n, ctx) => {
  const ratio = ctx.floats(n.inputs[1])?.[0] ?? attrFloat(n, 'ratio', 0.5);
  return unary('Dropout', { p: ratio })(n, ctx);
};
