import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import type { BlockDef } from './block-types';
import { interleavedGroupConvTorch } from '../torch/blocks/interleaved-group-conv-torch';

const schema = z.object({
  outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
  /** L: primary partitions, each convolved spatially (3×3) on its own. */
  primaryGroups: positiveInt.default(2),
  /** M: secondary partitions, each a 1×1 conv over one channel from every primary partition. */
  secondaryGroups: positiveInt.default(32),
  stride: z.number().int().min(1).max(2).default(1),
});

/**
 * Interleaved group convolution (Zhang et al. 2017, IGC): x' = P·W_d·Pᵀ·W_p·x. As in the authors'
 * code (plain_igc.py), the two group convs are one linear operator with BN and ReLU after the
 * permutation back, not between them. With out = L·M every secondary partition takes exactly one
 * channel of each primary partition (the complementary condition).
 */
export const interleavedGroupConv: BlockDef<'InterleavedGroupConv', typeof schema> = {
  kind: 'InterleavedGroupConv',
  title: 'Interleaved group conv',
  description:
    'Primary 3×3 group conv (L partitions), permute, secondary 1×1 group conv (M partitions), permute back.',
  paper: { ref: 'Zhang et al. 2017, IGC' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const c = p.outChannels;
    const g = new GraphBuilder();
    const primary = g.add(
      'Conv2d',
      {
        outChannels: c,
        kernel: [3, 3],
        stride: [p.stride, p.stride],
        padding: [1, 1],
        groups: p.primaryGroups,
      },
      [],
      'primary_gconv',
    );
    // Pᵀ: channel shuffle by L; P: shuffle by c/L, its inverse. A single group needs no permutation
    // (and a non-integer c/L is left for the conv to report).
    const back = c / p.primaryGroups;
    const permute = p.primaryGroups > 1 && back > 1 && Number.isInteger(back);
    const permuted = permute
      ? g.add('ChannelShuffle', { groups: p.primaryGroups }, [primary], 'permute')
      : primary;
    const secondary = g.add(
      'Conv2d',
      { outChannels: c, kernel: [1, 1], padding: [0, 0], groups: p.secondaryGroups },
      [permuted],
      'secondary_gconv',
    );
    const restored = permute
      ? g.add('ChannelShuffle', { groups: back }, [secondary], 'permute_back')
      : secondary;
    const bn = g.add('BatchNorm', {}, [restored], 'bn');
    const out = g.add('ReLU', {}, [bn], 'relu');
    return ok(g.subgraph([[{ node: primary.node, port: 0 }]], [out]));
  },
  summary: (p) =>
    `${p.outChannels} L${p.primaryGroups} M${p.secondaryGroups}${p.stride > 1 ? ` s${p.stride}` : ''}`,
  widthFields: ['outChannels'],
  // The 3×3 conv's groups are L, the 1×1's are M.
  recognise: (r) => {
    const primary = r.convs.find((c) => c.kernel[0] === 3);
    const secondary = r.convs.find((c) => c.kernel[0] === 1);
    if (primary === undefined || secondary === undefined) return [];
    return [
      {
        outChannels: r.outChannels,
        primaryGroups: primary.groups,
        secondaryGroups: secondary.groups,
        stride: r.stride,
      },
    ];
  },
  pytorch: interleavedGroupConvTorch,
  conformance: [
    { name: 'L2 M8', params: { outChannels: 16, primaryGroups: 2, secondaryGroups: 8 } },
    { name: 'strided L4 M4', params: { outChannels: 32, primaryGroups: 4, secondaryGroups: 4, stride: 2 } },
  ],
};

export type InterleavedGroupConvParams = z.infer<typeof schema>;
