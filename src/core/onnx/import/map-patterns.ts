import { attrFloat, attrInt, attrInts, elementCount, type IrNode } from '../ir/graph';
import { sliceSpec } from '../ir/infer';
import type { MapContext } from './context';
import type { Mapper } from './map-simple';

const x0 = (n: IrNode): string => n.inputs[0] ?? '';
const equal = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((d, i) => d === b[i]);

/** Reshape → Transpose(0,2,1,3,4) → Reshape back is a channel shuffle; Reshape to N×F is a flatten. */
export const mapReshape: Mapper = (n, ctx) => {
  const x = ctx.shape(x0(n));
  const y = ctx.shape(n.outputs[0]);
  if (x === undefined || y === undefined) return false;
  if (x.length === 4 && y.length === 5 && y[0] === x[0] && y[3] === x[2] && y[4] === x[3]) {
    const t = ctx.soleReader(n.outputs[0] ?? '');
    const perm = t === undefined ? undefined : attrInts(t, 'perm');
    const back = t === undefined ? undefined : ctx.soleReader(t.outputs[0] ?? '');
    if (
      t?.opType === 'Transpose' &&
      equal(perm, [0, 2, 1, 3, 4]) &&
      back?.opType === 'Reshape' &&
      equal(ctx.shape(back.outputs[0]), x)
    ) {
      ctx.absorbed.add(t).add(back);
      ctx.add(n, {
        kind: 'ChannelShuffle',
        params: { groups: y[1] },
        inputs: [x0(n)],
        outputs: back.outputs,
        weights: {},
        label: ctx.groupLabel([n, t, back], 'ChannelShuffle'),
      });
      return true;
    }
  }
  if (y.length === 2 && x.length >= 2 && y[0] === x[0] && y[1] === elementCount(x.slice(1))) {
    ctx.add(n, { kind: 'Flatten', params: {}, inputs: [x0(n)], outputs: n.outputs, weights: {} });
    return true;
  }
  return false;
};

function splitPrim(
  n: IrNode,
  ctx: MapContext,
  sizes: readonly number[],
  outputs: readonly string[],
  absorb: IrNode[] = [n],
): boolean {
  if (sizes.length < 2 || sizes.length > 16 || sizes.some((s) => s < 1)) return false;
  for (const a of absorb) ctx.absorbed.add(a);
  const equalParts = sizes.every((s) => s === sizes[0]);
  ctx.add(n, {
    kind: 'ChannelSplit',
    params: equalParts ? { parts: sizes.length } : { sizes },
    inputs: [x0(n)],
    outputs,
    weights: {},
    label: ctx.groupLabel(absorb, 'Split'),
  });
  return true;
}

export const mapSplit: Mapper = (n, ctx) => {
  const x = ctx.shape(x0(n));
  const axis = attrInt(n, 'axis', 0);
  if (x?.length !== 4 || (axis !== 1 && axis !== -3)) return false;
  return splitPrim(
    n,
    ctx,
    n.outputs.map((o) => ctx.shape(o)?.[1] ?? 0),
    n.outputs,
  );
};

/** Slices of one map along channels that together cover it, in order: a channel split (torch's chunk). */
export const mapSlice: Mapper = (n, ctx) => {
  const input = x0(n);
  const x = ctx.shape(input);
  if (x?.length !== 4) return false;
  const c = x[1] ?? 0;
  const parts: { node: IrNode; start: number; end: number }[] = [];
  for (const s of ctx.readersOf(input)) {
    if (s.opType !== 'Slice' || ctx.absorbed.has(s)) continue;
    const spec = sliceSpec(s, (i) => ctx.const(s.inputs[i]), 4);
    if (spec?.axes.length !== 1 || spec.axes[0] !== 1 || (spec.steps[0] ?? 1) !== 1) continue;
    const clamp = (v: number): number => Math.min(c, Math.max(0, v < 0 ? v + c : v));
    parts.push({ node: s, start: clamp(spec.starts[0] ?? 0), end: clamp(spec.ends[0] ?? c) });
  }
  parts.sort((a, b) => a.start - b.start);
  const covers =
    parts.every((p, i) => p.start === (i === 0 ? 0 : parts[i - 1]?.end)) && parts.at(-1)?.end === c;
  if (!covers || parts[0]?.node !== n) return false;
  return splitPrim(
    n,
    ctx,
    parts.map((p) => p.end - p.start),
    parts.map((p) => p.node.outputs[0] ?? ''),
    parts.map((p) => p.node),
  );
};

function linear(
  n: IrNode,
  ctx: MapContext,
  weight: Float32Array,
  outFeatures: number,
  bias: Float32Array | undefined,
  outputs: readonly string[],
  label?: string,
): boolean {
  const weights: Record<string, Float32Array> = { weight };
  if (bias !== undefined) weights['bias'] = bias;
  ctx.add(n, {
    kind: 'Linear',
    params: { outFeatures, bias: bias !== undefined },
    inputs: [x0(n)],
    outputs,
    weights,
    ...(label === undefined ? {} : { label }),
  });
  return true;
}

function transpose(w: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = w[r * cols + c] ?? 0;
  return out;
}

export const mapGemm: Mapper = (n, ctx) => {
  const w = ctx.const(n.inputs[1]);
  if (w?.floats === undefined || w.dims.length !== 2 || ctx.shape(x0(n))?.length !== 2) return false;
  if (attrInt(n, 'transA', 0) !== 0 || attrFloat(n, 'alpha', 1) !== 1 || attrFloat(n, 'beta', 1) !== 1)
    return false;
  const [r = 0, c = 0] = w.dims;
  const transB = attrInt(n, 'transB', 0) === 1;
  const out = transB ? r : c;
  const bias = ctx.floats(n.inputs[2]);
  if (bias !== undefined && bias.length !== out) return false;
  return linear(n, ctx, transB ? w.floats : transpose(w.floats, r, c), out, bias, n.outputs);
};

/** MatMul by a constant [in, out] matrix, with the Add of a constant [out] after it as its bias. */
export const mapMatMul: Mapper = (n, ctx) => {
  const w = ctx.const(n.inputs[1]);
  if (w?.floats === undefined || w.dims.length !== 2 || ctx.shape(x0(n))?.length !== 2) return false;
  const [r = 0, c = 0] = w.dims;
  const add = ctx.soleReader(n.outputs[0] ?? '');
  const other = add?.inputs.find((t) => t !== n.outputs[0]);
  const bias = add?.opType === 'Add' ? ctx.floats(other) : undefined;
  if (add !== undefined && bias?.length === c) {
    ctx.absorbed.add(add);
    return linear(
      n,
      ctx,
      transpose(w.floats, r, c),
      c,
      bias,
      add.outputs,
      ctx.groupLabel([n, add], 'MatMul'),
    );
  }
  return linear(n, ctx, transpose(w.floats, r, c), c, undefined, n.outputs);
};

/** ReduceMean over H and W: a global average pool (and a flatten when the dims are dropped). */
export const mapReduceMean: Mapper = (n, ctx) => {
  const x = ctx.shape(x0(n));
  const axes = (ctx.const(n.inputs[1])?.ints ?? attrInts(n, 'axes') ?? []).map((a) => (a < 0 ? a + 4 : a));
  if (x?.length !== 4 || axes.length !== 2 || !axes.includes(2) || !axes.includes(3)) return false;
  if (attrInt(n, 'keepdims', 1) === 1) {
    ctx.add(n, { kind: 'GlobalAvgPool', params: {}, inputs: [x0(n)], outputs: n.outputs, weights: {} });
    return true;
  }
  const pooled = `${n.outputs[0] ?? ''}#pooled`;
  ctx.add(n, { kind: 'GlobalAvgPool', params: {}, inputs: [x0(n)], outputs: [pooled], weights: {} });
  ctx.add(n, {
    kind: 'Flatten',
    params: {},
    inputs: [pooled],
    outputs: n.outputs,
    weights: {},
    label: ctx.label(`${n.name}_flatten`, 'Flatten'),
  });
  return true;
};
