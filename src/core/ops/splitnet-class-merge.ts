import { msg, sayIn } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import type { EmitContext } from '../onnx/export/export-context';
import type { MapContext } from '../onnx/import/import-context';
import { attrInt, type IrNode } from '../onnx/ir/graph';
import { attrInt as protoInt } from '../onnx/proto';
import { formatShape, type Shape } from '../shape';
import { movementCost, movementFormula, nonNegativeInt } from './op-common';
import type { ImportPattern, OpDef } from './op-types';
import { classMergeTorch } from '../torch/ops/splitnet-class-merge-torch';
import { checkPartition, classOrder, inClassOrder } from './splitnet-class-order';

/**
 * SplitNet's class-to-group assignment (Kim et al. 2017), as data: input g holds the scores of
 * the classes listed in `classes[g]`, in that order; the output holds every class's score in
 * class order. The lists must be a partition of 0…K−1, K the number of scores in all.
 */
const schema = z.object({
  classes: z
    .array(z.array(nonNegativeInt).min(1).readonly())
    .min(2)
    .max(64)
    .readonly()
    .default([[0], [1]])
    .meta({ help: 'For each input (a group of the tree, in order), the classes its scores are for.' }),
});
type ClassMergeParams = z.infer<typeof schema>;

function infer({
  params,
  inputs,
}: {
  params: ClassMergeParams;
  inputs: readonly Shape[];
}): Result<readonly Shape[]> {
  let batch = 1;
  for (const [g, group] of params.classes.entries()) {
    const s = inputs[g];
    if (s === undefined)
      return fail('unconnectedInput', msg('inputNotConnected', { n: g + 1 }), `input ${g + 1}`);
    if (s.length !== 2)
      return fail(
        'wrongRank',
        msg('classMergeVector', { n: g + 1, shape: formatShape(s) }),
        `input ${g + 1}`,
      );
    if (s[1] !== group.length)
      return fail(
        'shapeMismatch',
        msg('classMergeWidth', { n: g + 1, width: s[1] ?? 0, classes: group.length }),
        `input ${g + 1}`,
      );
    batch = s[0] ?? 1;
  }
  const partition = checkPartition(params.classes);
  if (!partition.ok) return partition;
  return ok([[batch, params.classes.reduce((a, g) => a + g.length, 0)]]);
}

/** Concat along the scores, then (unless the groups are already in class order) a Gather that puts the classes in order. */
function emit(ctx: EmitContext, p: ClassMergeParams): readonly string[] {
  const { w, layer } = ctx;
  if (inClassOrder(p.classes)) {
    w.node('Concat', layer.name, [...ctx.inputs], ctx.outputs, [protoInt('axis', 1)]);
    return ctx.outputs;
  }
  const joined = w.unique(`${layer.name}/groups`);
  w.node('Concat', `${layer.name}/concat`, [...ctx.inputs], [joined], [protoInt('axis', 1)]);
  w.node('Gather', `${layer.name}/gather`, [joined, w.ints(classOrder(p.classes))], ctx.outputs, [
    protoInt('axis', 1),
  ]);
  return ctx.outputs;
}

/**
 * Concat of score vectors on axis 1, read only by a Gather on axis 1 whose indices are a
 * permutation: a class merge. Class c is scored at position indices[c] of the concat, so input g
 * lists, in its own order, the classes whose positions fall in its range.
 */
function mapClassMerge(n: IrNode, ctx: MapContext): boolean {
  const widths = n.inputs.map((i) => ctx.shape(i));
  if (widths.length < 2 || widths.some((s) => s?.length !== 2)) return false;
  if (![1, -1].includes(attrInt(n, 'axis', 1))) return false;
  const gather = ctx.soleReader(n.outputs[0] ?? '');
  if (gather?.opType !== 'Gather' || ![1, -1].includes(attrInt(gather, 'axis', 0))) return false;
  const indices = ctx.const(gather.inputs[1])?.ints;
  const total = widths.reduce((a, s) => a + (s?.[1] ?? 0), 0);
  if (indices?.length !== total || new Set(indices).size !== total) return false;
  if (indices.some((i) => !Number.isInteger(i) || i < 0 || i >= total)) return false;
  const classAt = new Array<number>(total).fill(0);
  indices.forEach((position, c) => (classAt[position] = c));
  const classes: number[][] = [];
  let offset = 0;
  for (const s of widths) {
    const k = s?.[1] ?? 0;
    classes.push(classAt.slice(offset, offset + k));
    offset += k;
  }
  ctx.absorbed.add(n).add(gather);
  ctx.add(n, {
    kind: 'ClassMerge',
    params: { classes },
    inputs: [...n.inputs],
    outputs: gather.outputs,
    weights: {},
    label: ctx.groupLabel([n, gather], 'ClassMerge'),
  });
  return true;
}

const classMergePattern: ImportPattern = { onnx: 'Concat', priority: 1, map: mapClassMerge };

/** The short line for a card: the groups themselves when they fit, else how many. */
function summary(p: ClassMergeParams, words?: Parameters<typeof sayIn>[0]): string {
  const text = p.classes.map((g) => g.join(' ')).join('|');
  if (text.length <= 16) return text;
  return sayIn(words, msg('sumClassGroups', { groups: p.classes.length, classes: p.classes.flat().length }));
}

export const classMerge = {
  kind: 'ClassMerge',
  family: 'channel',
  title: 'Class merge (SplitNet)',
  description:
    'Joins the class scores of a split network’s groups into one vector in class order; each group lists its classes.',
  paper: { ref: 'Kim et al. 2017, SplitNet' },
  schema,
  inputCount: (p) => p.classes.length,
  outputCount: () => 1,
  infer,
  cost: ({ inputs, outputs }) => movementCost(inputs, outputs),
  formulas: ({ inputs, outputs }) => [movementFormula(inputs, outputs)],
  summary,
  palette: 'channel',
  traits: {},
  pytorch: classMergeTorch,
  onnx: { emit, patterns: [classMergePattern] },
  conformance: [
    {
      name: 'two groups of interleaved classes',
      params: {
        classes: [
          [0, 2, 4],
          [3, 1],
        ],
      },
      inputs: [[3], [2]],
    },
    {
      name: 'three groups in class order',
      params: { classes: [[0, 1], [2], [3, 4]] },
      inputs: [[2], [1], [2]],
      importsAs: { kind: 'Concat', why: 'groups in class order export as a plain Concat' },
    },
  ],
} satisfies OpDef<'ClassMerge', typeof schema>;
