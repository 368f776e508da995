import type { ImportPattern } from '../../ops/op-types';
import { attrInt, attrInts, type IrNode } from '../ir/graph';
import type { MapContext } from './import-context';
import { pairOf, sameDims, symmetricPads, x0 } from './pattern-common';

/** The ints are a permutation of 0…n−1. */
const isPermutation = (v: readonly number[] | undefined, n: number): v is readonly number[] =>
  v?.length === n && new Set(v).size === n && v.every((i) => Number.isInteger(i) && i >= 0 && i < n);

const onChannels = (n: IrNode | undefined, op: string): n is IrNode =>
  n?.opType === op && [1, -3].includes(attrInt(n, 'axis', op === 'Gather' ? 0 : 1));

/**
 * Gather (a channel permutation) → Split → one Conv per part → Concat → Gather (a channel
 * permutation): our export of a fully learnable group conv, and what torch.onnx.export writes for
 * its PyTorch form. The groups come back from the Gathers' indices (channel c is in the group of
 * the part its place falls in; filter f in the group of the conv its place in the Concat falls
 * in), and each conv's weight is put in the design's order (ascending channels and filters within
 * a group), so any order within a group in the file reads back as the same layer.
 */
function mapFlgc(n: IrNode, ctx: MapContext): boolean {
  const x = x0(n);
  const [, cin = 0] = ctx.shape(x) ?? [];
  const gatherIn = ctx.const(n.inputs[1])?.ints;
  if (ctx.shape(x)?.length !== 4 || !onChannels(n, 'Gather') || !isPermutation(gatherIn, cin)) return false;
  const split = ctx.soleReader(n.outputs[0] ?? '');
  if (!onChannels(split, 'Split') || split.outputs.length < 2) return false;
  const sizes = split.outputs.map((o) => ctx.shape(o)?.[1] ?? 0);
  const convs = split.outputs.map((o) => ctx.soleReader(o));
  const concat = ctx.soleReader(convs[0]?.outputs[0] ?? '');
  if (!onChannels(concat, 'Concat') || concat.inputs.length !== convs.length) return false;
  const first = convs[0];
  if (first === undefined) return false;
  const kernel = pairOf(ctx.const(first.inputs[1])?.dims.slice(2), 1);
  const stride = pairOf(attrInts(first, 'strides'), 1);
  const dilation = pairOf(attrInts(first, 'dilations'), 1);
  const padding = symmetricPads(first, kernel, dilation, stride);
  const bias = first.inputs[2] !== undefined && first.inputs[2] !== '';
  const weights: Record<string, Float32Array> = {};
  const outSizes: number[] = [];
  for (const [g, c] of convs.entries()) {
    const w = ctx.const(c?.inputs[1]);
    const b = ctx.floats(c?.inputs[2]);
    if (
      c?.opType !== 'Conv' ||
      c.inputs[0] !== split.outputs[g] ||
      concat.inputs[g] !== c.outputs[0] ||
      w?.floats === undefined ||
      w.dims.length !== 4 ||
      w.dims[1] !== sizes[g] ||
      attrInt(c, 'group', 1) !== 1 ||
      !sameDims(w.dims.slice(2), kernel) ||
      !sameDims(pairOf(attrInts(c, 'strides'), 1), stride) ||
      !sameDims(pairOf(attrInts(c, 'dilations'), 1), dilation) ||
      !sameDims(symmetricPads(c, kernel, dilation, stride), padding) ||
      (b !== undefined) !== bias
    )
      return false;
    outSizes.push(w.dims[0] ?? 0);
  }
  const cout = outSizes.reduce((s, v) => s + v, 0);
  const last = ctx.soleReader(concat.outputs[0] ?? '');
  const gatherOut = last === undefined ? undefined : ctx.const(last.inputs[1])?.ints;
  if (padding === undefined || !onChannels(last, 'Gather') || !isPermutation(gatherOut, cout)) return false;

  // Each place in a concatenation of parts: its group and its index within the group's part.
  const places = (parts: readonly number[]) =>
    parts.flatMap((size, g) => Array.from({ length: size }, (_, i) => ({ g, i })));
  const inPlaces = places(sizes);
  const outPlaces = places(outSizes);
  const channelGroups = new Array<number>(cin).fill(0);
  gatherIn.forEach((ch, at) => (channelGroups[ch] = inPlaces[at]?.g ?? 0));
  const filterGroups = new Array<number>(cout).fill(0);
  gatherOut.forEach((at, f) => (filterGroups[f] = outPlaces[at]?.g ?? 0));
  // The file's column (row) of each channel (filter), by group, in ascending channel (filter) order.
  const placeOf = new Array<number>(cin).fill(0);
  gatherIn.forEach((ch, at) => (placeOf[ch] = at));
  const columns = sizes.map((): number[] => []);
  for (let ch = 0; ch < cin; ch++) columns[channelGroups[ch] ?? 0]?.push(inPlaces[placeOf[ch] ?? 0]?.i ?? 0);
  const rows = outSizes.map((): number[] => []);
  for (let f = 0; f < cout; f++) rows[filterGroups[f] ?? 0]?.push(outPlaces[gatherOut[f] ?? 0]?.i ?? 0);
  const taps = kernel[0] * kernel[1];
  for (const [g, c] of convs.entries()) {
    const w = ctx.floats(c?.inputs[1]) ?? new Float32Array();
    const cols = columns[g] ?? [];
    const rs = rows[g] ?? [];
    const ordered = new Float32Array(w.length);
    for (const [o, r] of rs.entries())
      for (const [k, col] of cols.entries()) {
        const from = (r * cols.length + col) * taps;
        ordered.set(w.subarray(from, from + taps), (o * cols.length + k) * taps);
      }
    weights[`convs.${g}.weight`] = ordered;
    const b = ctx.floats(c?.inputs[2]);
    if (b !== undefined) weights[`convs.${g}.bias`] = Float32Array.from(rs, (r) => b[r] ?? 0);
  }
  const absorbed = [split, ...convs.filter((c): c is IrNode => c !== undefined), concat, last];
  for (const a of absorbed) ctx.absorbed.add(a);
  ctx.add(n, {
    kind: 'FullyLearnableGroupConv',
    params: {
      outChannels: cout,
      kernel,
      stride,
      padding,
      dilation,
      groups: sizes.length,
      channelGroups,
      filterGroups,
      bias,
    },
    inputs: [x],
    outputs: last.outputs.slice(0, 1),
    weights,
    label: ctx.groupLabel([n, ...absorbed], 'FullyLearnableGroupConv'),
  });
  return true;
}

export const flgcPatterns: readonly ImportPattern[] = [{ onnx: 'Gather', priority: 1, map: mapFlgc }];
