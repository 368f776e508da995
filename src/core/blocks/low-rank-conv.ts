import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { convBn } from './conv-bn';
import type { BlockDef } from './block-types';
import { lowRankConvTorch } from '../torch/blocks/low-rank-conv-torch';

const schema = z.object({
  /**
   * separable: k×1 then 1×k (Jaderberg et al. 2014, scheme 2); basis: k×k to r filters, then 1×1 (a
   * rank-r factorisation across channels; Ioannou et al.'s mixed-shape basis is the BasisFilters block).
   */
  mode: z.enum(['separable', 'basis']).default('separable'),
  outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
  kernel: z.number().int().min(1).max(11).default(3),
  /** The width between the two convs: the rank r (separable) or the basis size b (basis). */
  rank: positiveInt.default(16),
  stride: z.number().int().min(1).max(2).default(1),
});

interface ConvLayout {
  readonly kernel: [number, number];
  readonly stride: [number, number];
}

function convPair(mode: 'separable' | 'basis', k: number, s: number): [ConvLayout, ConvLayout] {
  return mode === 'separable'
    ? [
        { kernel: [k, 1], stride: [s, 1] },
        { kernel: [1, k], stride: [1, s] },
      ]
    : [
        { kernel: [k, k], stride: [s, s] },
        { kernel: [1, 1], stride: [1, 1] },
      ];
}

/**
 * A k×k conv approximated by two cheaper ones (Jaderberg et al. 2014, "Speeding up convolutional
 * neural networks with low rank expansions"). The pair
 * stands for one linear conv, so nothing sits between them and the block has no BN or activation:
 * add those after it as after the conv it replaces. In separable mode each conv strides along its
 * own axis, which gives the strided k×k's output at the lowest cost.
 */
export const lowRankConv: BlockDef<'LowRankConv', typeof schema> = {
  kind: 'LowRankConv',
  title: 'Low-rank conv',
  description:
    'A k×k conv as k×1 then 1×k through r channels (Jaderberg et al.), or as r k×k filters and a 1×1 combination.',
  paper: { ref: 'Jaderberg et al. 2014', after: ', low-rank expansions' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const g = new GraphBuilder();
    const [first, second] = convPair(p.mode, p.kernel, p.stride);
    const a = convBn(g, [], p.mode === 'separable' ? 'vertical' : 'basis', {
      conv: { outChannels: p.rank, ...first },
      bn: false,
    });
    const b = convBn(g, [a.out], p.mode === 'separable' ? 'horizontal' : 'combine', {
      conv: { outChannels: p.outChannels, ...second },
      bn: false,
    });
    return ok(g.subgraph([[a.entry]], [b.out]));
  },
  summary: (p) =>
    `${p.outChannels} ${p.kernel}×${p.kernel} ${p.mode === 'separable' ? 'r' : 'b'}${p.rank}${p.stride > 1 ? ` s${p.stride}` : ''}`,
  widthFields: ['outChannels', 'rank'],
  // A non-square first conv is the separable form; the larger kernel side is k.
  recognise: (r) => {
    const [a, b] = r.convs;
    if (a === undefined || b === undefined || r.convs.length !== 2) return [];
    const mode = a.kernel[0] === a.kernel[1] ? 'basis' : 'separable';
    const kernel = Math.max(...a.kernel, ...b.kernel);
    return [{ mode, outChannels: r.outChannels, kernel, rank: a.outChannels, stride: r.stride }];
  },
  pytorch: lowRankConvTorch,
  conformance: [
    { name: 'separable 3×3, rank 8', params: { outChannels: 24, rank: 8 } },
    { name: 'strided 5×5 basis', params: { mode: 'basis', outChannels: 16, kernel: 5, rank: 4, stride: 2 } },
  ],
};

export type LowRankConvParams = z.infer<typeof schema>;
