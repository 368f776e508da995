import type { ImportPattern } from '../../ops/op-types';
import { attrInt, attrInts, attrString, type IrNode } from '../ir/graph';
import { sliceRange } from '../ir/fold';
import { sliceSpec } from '../ir/infer';
import { META, SHIFT_AS_CONV } from '../version';
import { shiftGroups, sparseShiftGroups, type ShiftGroup } from '../shift-onnx';
import type { MapContext } from './import-context';
import { pairOf } from './pattern-common';

type ShiftKind = 'Shift' | 'SparseShift';

const sameGroups = (a: readonly ShiftGroup[], b: readonly ShiftGroup[]): boolean =>
  a.length === b.length &&
  a.every((g, i) => {
    const h = b[i];
    return h !== undefined && g.start === h.start && g.end === h.end && g.dy === h.dy && g.dx === h.dx;
  });

/** Which Shift or SparseShift moves channels as these groups do (our own export's definition). */
export function identify(
  groups: readonly ShiftGroup[],
  channels: number,
  reach: number,
): { kind: ShiftKind; params: Record<string, unknown> } | undefined {
  // Kernels of at most 9 only, so the dilations to try are few whatever the reach (a pad of
  // 2^30 must not mean 2^30 tries): d = 2·reach / (kernel − 1), smallest dilation first.
  for (let kernel = 9; kernel >= 3; kernel -= 2) {
    const d = (2 * reach) / (kernel - 1);
    if (!Number.isSafeInteger(d) || d < 1 || reach % d !== 0) continue;
    if (sameGroups(groups, shiftGroups(kernel, d, channels)))
      return { kind: 'Shift', params: { kernel, dilation: d } };
    const moved = groups.filter((g) => g.dy !== 0 || g.dx !== 0).reduce((a, g) => a + g.end - g.start, 0);
    const fraction = moved / channels;
    if (sameGroups(groups, sparseShiftGroups(kernel, d, channels, moved)))
      return { kind: 'SparseShift', params: { kernel, dilation: d, fraction } };
  }
  return maskOf(groups, channels, reach);
}

/**
 * Any other channel-by-channel shift, read back as a sparse shift with a per-channel mask: the
 * smallest kernel whose offsets (at the dilation the padding gives) hold every group's offset.
 */
function maskOf(
  groups: readonly ShiftGroup[],
  channels: number,
  reach: number,
): { kind: ShiftKind; params: Record<string, unknown> } | undefined {
  const covered = groups.every((g, i) => g.start === (groups[i - 1]?.end ?? 0) && g.end > g.start);
  if (!covered || groups.at(-1)?.end !== channels) return undefined;
  for (let kernel = 3; kernel <= 9; kernel += 2) {
    const r = (kernel - 1) / 2;
    const d = reach / r;
    if (!Number.isSafeInteger(d) || d < 1) continue;
    const fits = groups.every(
      (g) => g.dy % d === 0 && g.dx % d === 0 && Math.abs(g.dy) <= reach && Math.abs(g.dx) <= reach,
    );
    if (!fits) continue;
    const shifts = groups.flatMap((g) =>
      Array.from({ length: g.end - g.start }, () => (g.dy / d + r) * kernel + (g.dx / d + r)),
    );
    return { kind: 'SparseShift', params: { kernel, dilation: d, fraction: 0.25, shifts } };
  }
  return undefined;
}

/** The longest chain of Slices one channel group may take (torch writes one per axis). */
const MAX_SLICE_CHAIN = 4;

/**
 * The Slices that make one concat input from the padded tensor or the unpadded one, first to last:
 * one Slice (our export) or a chain of one per axis (torch's `x[:, a:b, i:j, k:l]`), each read only
 * by the next. Undefined when the input is made otherwise.
 */
function sliceChain(t: string, sources: readonly string[], ctx: MapContext): IrNode[] | undefined {
  const chain: IrNode[] = [];
  let cur = t;
  while (chain.length < MAX_SLICE_CHAIN) {
    const s = ctx.writerOf(cur);
    if (s?.opType !== 'Slice' || (chain.length > 0 && ctx.soleReader(cur) !== chain[0])) return undefined;
    chain.unshift(s);
    const from = s.inputs[0] ?? '';
    if (sources.includes(from)) return chain;
    cur = from;
  }
  return undefined;
}

/**
 * The window a chain of unit-step Slices cuts out of a tensor of `dims` (its axes 1 to 3): per axis
 * its offset and size, or undefined when a step is not 1 or the batch axis is cut.
 */
function sliceWindow(
  chain: readonly IrNode[],
  dims: readonly number[],
  ctx: MapContext,
): number[][] | undefined {
  const window = dims.map((d) => [0, d]);
  for (const s of chain) {
    const spec = sliceSpec(s, (i) => ctx.const(s.inputs[i]), 4);
    if (spec === undefined || spec.steps.some((v) => v !== 1)) return undefined;
    for (const [i, axis] of spec.axes.entries()) {
      const w = window[axis - 1];
      if (w === undefined) return undefined;
      const [offset = 0, size = 0] = w;
      const range = sliceRange(size, spec.starts[i] ?? 0, spec.ends[i] ?? size, 1);
      window[axis - 1] = [offset + (range[0] ?? 0), range.length];
    }
  }
  return window;
}

/**
 * Pad → Slice per channel group at its offset → Concat, the zero-cost form our exporter writes for
 * shifts (torch's Shift module writes each group as a chain of Slices), back to one Shift or
 * SparseShift (`kind`).
 */
const mapPad =
  (kind: ShiftKind) =>
  (n: IrNode, ctx: MapContext): boolean => {
    const x = n.inputs[0] ?? '';
    const [, c = 0, h = 0, w = 0] = ctx.shape(x) ?? [];
    const pads = ctx.const(n.inputs[1])?.ints;
    const r = pads?.[2] ?? 0;
    const padded = n.outputs[0] ?? '';
    if (
      pads?.join() !== [0, 0, r, r, 0, 0, r, r].join() ||
      (attrString(n, 'mode') ?? 'constant') !== 'constant'
    )
      return false;
    if ((ctx.floats(n.inputs[2])?.[0] ?? 0) !== 0 || attrInt(n, 'value', 0) !== 0) return false;
    const heads = ctx.readersOf(padded);
    const concat = lastOfChain(heads[0], ctx);
    if (concat?.opType !== 'Concat' || attrInt(concat, 'axis', 0) !== 1) return false;
    const groups: ShiftGroup[] = [];
    const members: IrNode[] = [];
    for (const t of concat.inputs) {
      const chain = sliceChain(t, [padded, x], ctx);
      const last = chain?.at(-1);
      if (chain === undefined || last === undefined || ctx.soleReader(t) !== concat) return false;
      const fromPad = chain[0]?.inputs[0] === padded;
      const cut = sliceWindow(chain, fromPad ? [c, h + 2 * r, w + 2 * r] : [c, h, w], ctx);
      const [[start = 0, size = 0] = [], [y0 = 0, rows = 0] = [], [x0 = 0, cols = 0] = []] = cut ?? [];
      if (cut === undefined || size === 0 || rows !== h || cols !== w) return false;
      groups.push({ start, end: start + size, dy: fromPad ? y0 - r : y0, dx: fromPad ? x0 - r : x0 });
      members.push(...chain);
    }
    // Every reader of the padded tensor is one of the groups' Slices.
    if (heads.some((s) => !members.includes(s))) return false;
    const found = identify(groups, c, r);
    if (found?.kind !== kind) return false;
    for (const s of [...members, concat]) ctx.absorbed.add(s);
    ctx.add(n, {
      ...found,
      inputs: [x],
      outputs: concat.outputs,
      weights: {},
      label: ctx.groupLabel([n, ...members, concat], found.kind),
    });
    return true;
  };

/** The node that reads the end of a chain of Slices starting at `head` (each read by the next). */
function lastOfChain(head: IrNode | undefined, ctx: MapContext): IrNode | undefined {
  let cur = head;
  for (let i = 0; i < MAX_SLICE_CHAIN && cur?.opType === 'Slice'; i++)
    cur = ctx.soleReader(cur.outputs[0] ?? '');
  return cur;
}

/** A depthwise conv with one-hot kernels and no bias, in a file whose metadata says shifts were written so. */
const mapConv =
  (kind: ShiftKind) =>
  (n: IrNode, ctx: MapContext): boolean => {
    if (ctx.graph.metadata.get(META.shift)?.startsWith(SHIFT_AS_CONV) !== true) return false;
    const w = ctx.const(n.inputs[1]);
    if (w?.floats === undefined || w.dims.length !== 4 || ctx.floats(n.inputs[2]) !== undefined) return false;
    const kernel = pairOf(w.dims.slice(2), 1);
    const dilation = pairOf(attrInts(n, 'dilations'), 1);
    const groups = attrInt(n, 'group', 1);
    if (groups !== w.dims[0] || w.dims[1] !== 1 || kernel[0] !== kernel[1] || dilation[0] !== dilation[1])
      return false;
    const shift = shiftFromConv(w.floats, groups, kernel[0], dilation[0]);
    if (shift?.kind !== kind) return false;
    ctx.add(n, { ...shift, inputs: [n.inputs[0] ?? ''], outputs: n.outputs.slice(0, 1), weights: {} });
    return true;
  };

/** How a Shift or SparseShift is read back: either form our exporter writes. */
export const shiftPatterns = (kind: ShiftKind): readonly ImportPattern[] => [
  { onnx: 'Pad', map: mapPad(kind) },
  { onnx: 'Conv', priority: 1, map: mapConv(kind) },
];

function shiftFromConv(
  weight: Float32Array,
  channels: number,
  kernel: number,
  dilation: number,
): ReturnType<typeof identify> {
  const r = Math.floor(kernel / 2);
  const groups: ShiftGroup[] = [];
  for (let c = 0; c < channels; c++) {
    const k = weight.subarray(c * kernel * kernel, (c + 1) * kernel * kernel);
    const at = k.indexOf(1);
    if (at < 0 || k.some((v, i) => v !== (i === at ? 1 : 0))) return undefined;
    const dy = (Math.floor(at / kernel) - r) * dilation;
    const dx = ((at % kernel) - r) * dilation;
    const last = groups.at(-1);
    if (last?.dy === dy && last.dx === dx) groups[groups.length - 1] = { ...last, end: c + 1 };
    else groups.push({ start: c, end: c + 1, dy, dx });
  }
  return identify(groups, channels, r * dilation);
}
