import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, problem, type Problem, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, fmt, positiveInt } from '../ops/op-common';
import type { FormulaLine } from '../ops/op-types';
import type { Shape } from '../shape';
import type { BlockDef } from './block-types';
import { igcv2Torch } from '../torch/blocks/igcv2-torch';

const schema = z.object({
  /** K: channels in each branch of every group 1×1 conv (C/K groups). */
  branchChannels: positiveInt
    .default(4)
    .meta({ label: 'Channels per branch (K)', help: 'Each group 1×1 conv has C/K groups of K channels.' }),
  /** L − 1: the group 1×1 convs after the channel-wise 3×3 conv. */
  groupConvs: z
    .number()
    .int()
    .min(1)
    .max(8)
    .default(3)
    .meta({ label: 'Group 1×1 convs (L − 1)', help: 'Complementary when K^(L−1) = C.' }),
  stride: z.number().int().min(1).max(2).default(1),
});
export type Igcv2Params = z.infer<typeof schema>;
type Params = Igcv2Params;

const channelsOf = (inputs: readonly Shape[]): number => inputs[0]?.[1] ?? 0;

/** K^(L−1), exactly, or Infinity once it passes C (no overflow for large L). */
function power(k: number, n: number, cap: number): number {
  let v = 1;
  for (let i = 0; i < n && v <= cap; i++) v *= k;
  return v;
}

/**
 * IGCV2, interleaved structured sparse convolution (Xie et al. 2018): x' = W_L P_{L−1} ⋯ P_2 W_2 W_1 x,
 * W_1 a channel-wise 3×3 conv, W_2 … W_L group 1×1 convs of K channels per branch (C/K groups),
 * and between two group convs the permutation that sends each branch's K channels to K different
 * branches of the next (a channel shuffle in C/K groups). Choices stated: C is the input's
 * channel count (every conv keeps it); the stride sits on the 3×3 conv; no permutation after the
 * channel-wise conv (it would only reorder independent channels) nor after the last group conv;
 * as in IGC, the convs compose one linear operator, so BN and ReLU come once, at the end.
 */
export const igcv2: BlockDef<'InterleavedStructuredSparseConv', typeof schema> = {
  kind: 'InterleavedStructuredSparseConv',
  title: 'IGCV2 block',
  description:
    'Channel-wise 3×3 conv, then L−1 group 1×1 convs with K channels per branch, permuted in between.',
  paper: { ref: 'Xie et al. 2018, IGCV2', after: ' (interleaved structured sparse convs)' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p: Params, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const c = channelsOf(inputs);
    if (c % p.branchChannels !== 0)
      return fail(
        'groupsDoNotDivide',
        msg('igcv2Branch', { k: p.branchChannels, channels: c }),
        'branchChannels',
      );
    const g = new GraphBuilder();
    const first = g.add(
      'Conv2d',
      { outChannels: c, kernel: [3, 3], stride: [p.stride, p.stride], padding: [1, 1], groups: c },
      [],
      'channelwise3x3',
    );
    const groups = c / p.branchChannels;
    const shuffle = groups > 1 && p.branchChannels > 1;
    let y: PortRef = first;
    for (let l = 1; l <= p.groupConvs; l++) {
      if (l > 1 && shuffle) y = g.add('ChannelShuffle', { groups }, [y], `permute${l}`);
      y = g.add(
        'Conv2d',
        { outChannels: c, kernel: [1, 1], padding: [0, 0], groups },
        [y],
        `group1x1_${l + 1}`,
      );
    }
    const bn = g.add('BatchNorm', {}, [y], 'bn');
    const out = g.add('ReLU', {}, [bn], 'relu');
    return ok(g.subgraph([[{ node: first.node, port: 0 }]], [out]));
  },
  notes(p: Params, inputs): readonly Problem[] {
    const c = channelsOf(inputs);
    if (c === 0 || c % p.branchChannels !== 0) return [];
    const reach = power(p.branchChannels, p.groupConvs, c);
    if (reach === c) return [];
    return [
      problem(
        'notComplementary',
        msg(reach < c ? 'igcv2Short' : 'igcv2Redundant', {
          k: p.branchChannels,
          power: p.groupConvs,
          reach,
          channels: c,
        }),
      ),
    ];
  },
  formulas(p: Params, inputs, outputs): readonly FormulaLine[] {
    const c = channelsOf(inputs);
    const [, , oh = 0, ow = 0] = outputs[0] ?? [];
    const k = p.branchChannels;
    const l1 = p.groupConvs;
    const weights = 9 * c + l1 * c * k;
    const balanced = Math.round(c ** (1 / l1) * 100) / 100;
    return [
      {
        figure: 'params',
        symbolic: '9C + (L−1)·C·K + 2C (BN)',
        substituted: `9·${c} + ${l1}·${c}·${k} + 2·${c} = ${fmt(weights + 2 * c)}`,
      },
      {
        figure: 'multiplyAdds',
        symbolic: "(9C + (L−1)·C·K)·H'·W'",
        substituted: `${fmt(weights)}·${oh}·${ow} = ${fmt(weights * oh * ow)}`,
      },
      {
        figure: 'condition',
        symbolic: 'complementary: K^(L−1) = C (each output reaches each input by exactly one path)',
        substituted: `${k}^${l1} = ${fmt(power(k, l1, c))} ${power(k, l1, c) === c ? '=' : '≠'} ${c}`,
      },
      {
        figure: 'condition',
        symbolic: 'balance: every group conv has the same K = C^(1/(L−1)); the params are fewest near K = e',
        substituted: `C^(1/(L−1)) = ${c}^(1/${l1}) = ${balanced}`,
      },
    ];
  },
  summary: (p: Params) => `K${p.branchChannels} L${p.groupConvs + 1}${p.stride > 1 ? ` s${p.stride}` : ''}`,
  // C is the input's: no param is a channel count.
  widthFields: [],
  // A channel-wise 3×3 conv first, then group 1×1 convs of C/K groups each.
  recognise: (r) => {
    const [first, ...rest] = r.convs;
    const k = rest[0] === undefined ? 0 : r.outChannels / rest[0].groups;
    if (first?.depthwise !== true || first.kernel[0] !== 3 || rest.length === 0 || !Number.isInteger(k))
      return [];
    return [{ branchChannels: k, groupConvs: rest.length, stride: r.stride }];
  },
  pytorch: igcv2Torch,
  conformance: [
    { name: 'C16 K4 L3 (complementary)', params: { branchChannels: 4, groupConvs: 2 } },
    { name: 'C16 K2 L5, stride 2', params: { branchChannels: 2, groupConvs: 4, stride: 2 } },
  ],
};
