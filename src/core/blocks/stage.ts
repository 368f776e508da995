import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import { kindDef, schemaOf } from '../design/params';
import type { PortRef } from '../design/design-types';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { stageTorch } from '../torch/blocks/stage-torch';
import { unitLabel, unitParamsAt } from './stage-units';
import type { BlockDef } from './block-types';

/**
 * The units a stage repeats: blocks with a width (`outChannels`) and a `stride`, so that "the first
 * unit may stride and widen, the rest keep the shape" means the same thing for each.
 */
export const stageUnits = [
  'InvertedResidual',
  'DepthwiseSeparable',
  'ShuffleUnitV1',
  'ShuffleUnitV2',
  'InterleavedGroupConv',
  'ShiftBlock',
  'LowRankConv',
  'MBConv',
  'BasicBlock',
  'Bottleneck',
] as const;
export type StageUnit = (typeof stageUnits)[number];
export const isStageUnit = (kind: string): kind is StageUnit =>
  (stageUnits as readonly string[]).includes(kind);

/** Settings of the stage itself; every other setting of the unit lives in `unitParams`. */
export const stageOwnSettings = ['outChannels', 'stride'] as const;

const settings = z.record(z.string(), z.unknown());

const schema = z
  .object({
    unit: z.enum(stageUnits).default('InvertedResidual'),
    /** n in the papers' tables: how many units the stage has. */
    repeats: positiveInt.max(64).default(2),
    /** c: the width of every unit's output. */
    outChannels: positiveInt.default(24),
    /** s: the first unit's stride; the others run at stride 1. */
    stride: z.number().int().min(1).max(2).default(1),
    /** The units' other settings (expansion, groups, kernel...), shared by all of them. */
    unitParams: settings.default({}),
    /** Settings only the first unit takes (ShuffleNetV1's ungrouped first 1×1 in stage 2). */
    firstParams: settings.default({}),
    /** Names of the units, as the source network's modules ("features.4"); else 0, 1, 2... */
    unitLabels: z.array(z.string().min(1)).optional(),
  })
  .superRefine((p, ctx) => {
    // The shared settings must be settings the unit has, with values it accepts.
    const def = kindDef(p.unit);
    if (def === undefined) return;
    for (const [key, extra] of [
      ['unitParams', p.unitParams],
      ['firstParams', p.firstParams],
    ] as const) {
      const parsed = schemaOf(def).safeParse({ ...extra, outChannels: p.outChannels, stride: p.stride });
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
      const shape = (schemaOf(def) as unknown as { shape?: Readonly<Record<string, unknown>> }).shape;
      const known = new Set(Object.keys(shape ?? {}));
      for (const name of Object.keys(extra))
        if (!known.has(name) || (stageOwnSettings as readonly string[]).includes(name))
          ctx.addIssue({
            code: 'custom',
            path: [key, name],
            message: `${p.unit} has no setting "${name}" a stage can share.`,
          });
    }
  });
export type StageParams = z.infer<typeof schema>;

export { unitLabel, unitParamsAt } from './stage-units';

/**
 * A stage, as every compact-network paper tabulates its body (MobileNetV2's Table 2: t, c, n, s):
 * `repeats` units of one kind, all `outChannels` wide; the first may stride (and widen), the rest
 * keep the shape. It expands to its units, which expand to their primitives, so its costs are theirs.
 */
export const stage: BlockDef<'Stage', typeof schema> = {
  kind: 'Stage',
  title: 'Stage',
  description: 'A unit repeated n times: the first may stride and widen, the rest keep the shape.',
  paper: {
    before: 'Stage tables: ',
    ref: 'Sandler et al. 2018 (Table 2), Zhang et al. 2018 (Table 1), Ma et al. 2018 (Table 5)',
  },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    if (p.unitLabels !== undefined && new Set(p.unitLabels).size !== p.unitLabels.length)
      return fail('invalidParams', msg('stageUnitNames'), 'unitLabels');
    const g = new GraphBuilder();
    let y: PortRef | undefined;
    for (let i = 0; i < p.repeats; i++) {
      const params = unitParamsAt(p, i) as never;
      y = g.add(p.unit, params, y === undefined ? [] : [y], unitLabel(p, i));
    }
    if (y === undefined) return fail('invalidParams', msg('stageEmpty'), 'repeats');
    return ok(g.subgraph([[{ node: 'n1', port: 0 }]], [y]));
  },
  summary: (p, words) => {
    const def = kindDef(p.unit);
    const unit = words?.title(p.unit) ?? (def !== undefined && 'block' in def ? def.block.title : p.unit);
    return [`${p.repeats} × ${unit}`, `c=${p.outChannels}`, ...(p.stride === 1 ? [] : [`s${p.stride}`])].join(
      ' ',
    );
  },
  widthFields: ['outChannels'],
  pytorch: stageTorch,
  // An ONNX file has no stages: an exported stage comes back as its units, each recognised alone.
  recognise: () => [],
  conformance: [
    {
      name: 'one inverted residual',
      params: { unit: 'InvertedResidual', repeats: 1, outChannels: 16, unitParams: { expansion: 2 } },
      importsAs: 'InvertedResidual',
    },
  ],
};
