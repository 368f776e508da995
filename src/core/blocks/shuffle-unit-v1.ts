import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { batchNormParam, convBn, foldedSummary } from './conv-bn';
import type { BlockDef } from './block-types';
import { shuffleUnitV1Torch } from '../torch/blocks/shuffle-unit-v1-torch';

const schema = z.object({
  outChannels: positiveInt.default(240).meta({ label: 'Output channels' }),
  groups: positiveInt.default(3),
  stride: z.number().int().min(1).max(2).default(1),
  /** False for the first unit of stage 2, whose 24-channel input is too narrow to split into groups. */
  groupFirst: z.boolean().default(true).meta({ label: 'Group the first 1×1' }),
  /** False when an export folded each batch norm into its conv's bias. */
  batchNorm: batchNormParam,
});

/**
 * ShuffleNet unit (Zhang et al. 2018, Fig. 2b/2c), laid out as the authors' release (megvii
 * ShuffleV1Block): the bottleneck is ⌊out/4⌋ wide; at stride 2 the branch makes out − in channels
 * and is concatenated after a 3×3 average pool of the input, so the unit widens without a projection.
 */
export const shuffleUnitV1: BlockDef<'ShuffleUnitV1', typeof schema> = {
  kind: 'ShuffleUnitV1',
  title: 'ShuffleNet unit',
  description:
    'Group 1×1, channel shuffle, depthwise 3×3, group 1×1; adds the input (stride 1) or concatenates its avg pool (stride 2).',
  paper: { ref: 'Zhang et al. 2018, ShuffleNet' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = x.value[1] ?? 0;
    const branchOut = p.stride === 1 ? p.outChannels : p.outChannels - cin;
    if (p.stride === 1 && cin !== p.outChannels)
      return fail(
        'channelMismatch',
        msg('shuffleV1Residual', { channels: cin, out: p.outChannels }),
        'outChannels',
      );
    if (branchOut < 1) return fail('invalidParams', msg('shuffleV1Concat', { channels: cin }), 'outChannels');
    const mid = Math.floor(p.outChannels / 4);
    if (mid < 1) return fail('invalidParams', msg('shuffleV1Bottleneck'), 'outChannels');

    const g = new GraphBuilder();
    const folded = !p.batchNorm;
    const pw1 = convBn(g, [], 'gconv1', {
      conv: { outChannels: mid, kernel: [1, 1], groups: p.groupFirst ? p.groups : 1 },
      act: 'ReLU',
      folded,
    });
    // With one group there is nothing to interleave (the authors skip the shuffle too).
    const mixed =
      p.groups > 1 ? g.add('ChannelShuffle', { groups: p.groups }, [pw1.out], 'shuffle') : pw1.out;
    const dw = convBn(g, [mixed], 'dwconv', {
      conv: { outChannels: mid, kernel: [3, 3], stride: [p.stride, p.stride], groups: mid },
      folded,
    });
    const pw2 = convBn(g, [dw.out], 'gconv2', {
      conv: { outChannels: branchOut, kernel: [1, 1], groups: p.groups },
      folded,
    });
    if (p.stride === 1) {
      const sum = g.add('Add', {}, [pw2.out], 'add');
      const out = g.add('ReLU', {}, [sum], 'relu');
      return ok(g.subgraph([[pw1.entry, { node: sum.node, port: 1 }]], [out]));
    }
    const pool = g.add('AvgPool', { kernel: [3, 3], stride: [2, 2], padding: [1, 1] }, [], 'shortcut_pool');
    const cat = g.add('Concat', { inputs: 2 }, [pool, pw2.out], 'concat');
    const out = g.add('ReLU', {}, [cat], 'relu');
    return ok(g.subgraph([[pw1.entry, { node: pool.node, port: 0 }]], [out]));
  },
  summary: (p, words) =>
    [
      `${p.outChannels}`,
      `g${p.groups}`,
      ...(p.stride > 1 ? [`s${p.stride}`] : []),
      ...foldedSummary(p.batchNorm, words),
    ].join(' '),
  widthFields: ['outChannels'],
  // The shuffle's groups are the unit's; the first 1×1 is grouped unless the input is too narrow.
  recognise: (r) => {
    const [first] = r.convs;
    const groups =
      r.shuffleGroups[0] ?? Math.max(1, ...r.convs.filter((c) => !c.depthwise).map((c) => c.groups));
    if (first === undefined) return [];
    return [
      {
        outChannels: r.outChannels,
        groups,
        stride: r.stride,
        groupFirst: first.groups > 1,
        batchNorm: r.count('BatchNorm') > 0,
      },
    ];
  },
  pytorch: shuffleUnitV1Torch,
  conformance: [
    { name: 'stride 1, 3 groups', params: { outChannels: 24, groups: 3 }, input: [24, 8, 8] },
    { name: 'stride 2', params: { outChannels: 48, groups: 3, stride: 2 }, input: [24, 8, 8] },
    {
      name: 'first unit of stage 2',
      params: { outChannels: 48, groups: 2, stride: 2, groupFirst: false },
      input: [24, 8, 8],
    },
  ],
};

export type ShuffleUnitV1Params = z.infer<typeof schema>;
