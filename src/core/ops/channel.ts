import { sayIn, msg } from '../message';
import { z } from 'zod';
import { fail, ok } from '../diagnostics';
import type { EmitContext } from '../onnx/export/export-context';
import type { MapContext } from '../onnx/import/import-context';
import { sameDims, x0 } from '../onnx/import/pattern-common';
import { attrInt, attrInts, type IrNode } from '../onnx/ir/graph';
import { sliceSpec } from '../onnx/ir/infer';
import { attrInt as protoInt, attrInts as protoInts } from '../onnx/proto';
import { elements, type Shape } from '../shape';
import { channelTensor, featureMap, fmt, movementCost, movementFormula, one, positiveInt } from './op-common';
import type { ImportPattern, OpDef } from './op-types';
import { channelShuffleTorch, channelSplitTorch } from '../torch/ops/channel-torch';

const shuffleSchema = z.object({
  groups: z
    .number()
    .int()
    .min(2)
    .default(3)
    .meta({ help: 'Channels are read as g groups and interleaved, one from each group in turn.' }),
});

/** Reshape → Transpose → Reshape: the form every tool reads as a channel shuffle. */
function emitShuffle(ctx: EmitContext, p: { readonly groups: number }): readonly string[] {
  const { w, layer } = ctx;
  const [n = 1, c = 0, h = 0, wd = 0] = layer.inputShapes[0] ?? [];
  const grouped = w.unique(`${layer.name}/grouped`);
  const swapped = w.unique(`${layer.name}/transposed`);
  w.node(
    'Reshape',
    `${layer.name}/reshape_in`,
    [ctx.inputs[0] ?? '', w.ints([n, p.groups, c / p.groups, h, wd])],
    [grouped],
  );
  w.node('Transpose', `${layer.name}/transpose`, [grouped], [swapped], [protoInts('perm', [0, 2, 1, 3, 4])]);
  w.node('Reshape', `${layer.name}/reshape_out`, [swapped, w.ints([n, c, h, wd])], ctx.outputs);
  return ctx.outputs;
}

/** Reshape to N×g×C/g×H×W → Transpose(0,2,1,3,4) → Reshape back. */
const shufflePattern: ImportPattern = {
  onnx: 'Reshape',
  priority: 1,
  map: (n, ctx) => {
    const x = ctx.shape(x0(n));
    const y = ctx.shape(n.outputs[0]);
    if (x?.length !== 4 || y?.length !== 5 || y[0] !== x[0] || y[3] !== x[2] || y[4] !== x[3]) return false;
    const t = ctx.soleReader(n.outputs[0] ?? '');
    const perm = t === undefined ? undefined : attrInts(t, 'perm');
    const back = t === undefined ? undefined : ctx.soleReader(t.outputs[0] ?? '');
    if (
      t?.opType !== 'Transpose' ||
      !sameDims(perm, [0, 2, 1, 3, 4]) ||
      back?.opType !== 'Reshape' ||
      !sameDims(ctx.shape(back.outputs[0]), x)
    )
      return false;
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
  },
};

export const channelShuffle = {
  kind: 'ChannelShuffle',
  family: 'channel',
  title: 'Channel shuffle',
  description: 'Interleaves channels across g groups so group convs exchange information (ShuffleNet).',
  schema: shuffleSchema,
  inputCount: one,
  outputCount: one,
  infer: ({ params: p, inputs }) => {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const c = x.value[1] ?? 0;
    if (c % p.groups !== 0)
      return fail('groupsDoNotDivide', msg('groupsChannels', { groups: p.groups, channels: c }), 'groups');
    return ok([x.value]);
  },
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary: (p) => `g${p.groups}`,
  palette: 'channel',
  traits: {},
  pytorch: channelShuffleTorch,
  onnx: { emit: emitShuffle, patterns: [shufflePattern] },
  conformance: [
    { name: '4 groups', params: { groups: 4 } },
    { name: '3 groups', params: { groups: 3 }, inputs: [[12, 5, 5]] },
  ],
} satisfies OpDef<'ChannelShuffle', typeof shuffleSchema>;

const splitSchema = z.object({
  parts: z.number().int().min(2).max(16).default(2).meta({ help: 'Equal parts, used when sizes is empty.' }),
  sizes: z
    .array(positiveInt)
    .max(16)
    .readonly()
    .default([])
    .meta({ help: 'Channels of each output; they must add up to the input’s channels.' }),
});
type SplitParams = z.infer<typeof splitSchema>;

export const splitSizes = (p: SplitParams, c: number): number[] =>
  p.sizes.length > 0 ? [...p.sizes] : Array.from({ length: p.parts }, () => c / p.parts);

function emitSplit(ctx: EmitContext, p: SplitParams): readonly string[] {
  const sizes = splitSizes(p, ctx.layer.inputShapes[0]?.[1] ?? 0);
  ctx.w.node('Split', ctx.layer.name, [ctx.inputs[0] ?? '', ctx.w.ints(sizes)], ctx.outputs, [
    protoInt('axis', 1),
  ]);
  return ctx.outputs;
}

function addSplit(
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

const splitPattern: ImportPattern = {
  onnx: 'Split',
  map: (n, ctx) => {
    const x = ctx.shape(x0(n));
    const axis = attrInt(n, 'axis', 0);
    // Feature maps, and vectors (a SplitNet classifier splits its features).
    const rank = x?.length ?? 0;
    if ((rank !== 4 && rank !== 2) || (axis !== 1 && axis !== (rank === 2 ? -1 : -3))) return false;
    const sizes = n.outputs.map((o) => ctx.shape(o)?.[1] ?? 0);
    return addSplit(n, ctx, sizes, n.outputs);
  },
};

/** Slices of one map along channels that together cover it, in order (torch's chunk). */
const slicePattern: ImportPattern = {
  onnx: 'Slice',
  map: (n, ctx) => {
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
    return addSplit(
      n,
      ctx,
      parts.map((p) => p.end - p.start),
      parts.map((p) => p.node.outputs[0] ?? ''),
      parts.map((p) => p.node),
    );
  },
};

export const channelSplit = {
  kind: 'ChannelSplit',
  family: 'channel',
  title: 'Channel split',
  description: 'Splits the channels into parts, each its own output (ShuffleNetV2).',
  schema: splitSchema,
  inputCount: one,
  outputCount: (p) => (p.sizes.length > 0 ? p.sizes.length : p.parts),
  infer: ({ params: p, inputs }) => {
    // Vectors split too: SplitNet's classifier is Split → Linear per group → Concat.
    const x = channelTensor(inputs);
    if (!x.ok) return x;
    const [n = 1, c = 0] = x.value;
    if (p.sizes.length === 1) return fail('splitSizes', msg('splitTwoSizes'), 'sizes');
    if (p.sizes.length === 0 && c % p.parts !== 0)
      return fail('splitSizes', msg('splitParts', { channels: c, parts: p.parts }), 'parts');
    const sizes = splitSizes(p, c);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== c) return fail('splitSizes', msg('splitTotal', { total, channels: c }), 'sizes');
    return ok(sizes.map((s): Shape => [n, s, ...x.value.slice(2)]));
  },
  // docs/costs.md: the outputs are written and read, 2 × input.
  cost: ({ inputs }) => movementCost(inputs, inputs),
  formulas: ({ inputs }) => [
    {
      figure: 'memoryAccess',
      symbolic: '2 × input (outputs written and read)',
      substituted: `2·${fmt(elements(inputs[0] ?? []))} = ${fmt(2 * elements(inputs[0] ?? []))}`,
    },
  ],
  summary: (p, words) =>
    p.sizes.length > 0 ? p.sizes.join('/') : sayIn(words, msg('sumParts', { n: p.parts })),
  palette: 'channel',
  traits: { widthFields: ['sizes'] },
  pytorch: channelSplitTorch,
  onnx: { emit: emitSplit, patterns: [splitPattern, slicePattern] },
  conformance: [
    { name: 'halves', params: { parts: 2 } },
    { name: 'uneven sizes', params: { sizes: [6, 10] } },
  ],
} satisfies OpDef<'ChannelSplit', typeof splitSchema>;
