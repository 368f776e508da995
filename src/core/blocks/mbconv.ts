import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, minEpsilon, minExpansion, positiveInt } from '../ops/op-common';
import { channels } from '../shape';
import { batchNormParam, convBn, foldedSummary } from './conv-bn';
import { readableRatio } from './inverted-residual';
import { makeDivisible, oddKernel } from './mobilenet-common';
import { addSqueezeExcite } from './squeeze-excite';
import type { BlockDef } from './block-types';
import { mbconvTorch } from '../torch/blocks/mbconv-torch';

const schema = z.object({
  outChannels: positiveInt.default(24).meta({ label: 'Output channels' }),
  stride: positiveInt.default(1),
  /** Expansion factor: the expanded width is the input's times this, rounded to a multiple of 8. */
  expansion: z.number().min(minExpansion).default(6),
  /** The expanded width itself; overrides `expansion`. */
  expandedChannels: positiveInt.optional().meta({ overrides: 'expansion' }),
  kernel: oddKernel.default(3),
  /** The squeeze-excite width; by default a quarter of the block's input channels (at least 1). */
  squeezeChannels: positiveInt.optional().meta({ label: 'Squeeze channels' }),
  batchNorm: batchNormParam,
  /** EfficientNet-B0…B4 keep BatchNorm's 1e-5; B5…B7 and V2 use 0.001 (no effect on the costs). */
  bnEpsilon: z.number().min(minEpsilon).max(1).default(1e-5).meta({ label: 'BN epsilon' }),
});
export type MBConvParams = z.infer<typeof schema>;
type Params = MBConvParams;

const expandedWidth = (p: Params, cin: number): number =>
  p.expandedChannels ?? makeDivisible(cin * p.expansion, 8);
const squeezeWidth = (p: Params, cin: number): number =>
  p.squeezeChannels ?? Math.max(1, Math.floor(cin / 4));

/**
 * EfficientNet's MBConv, as torchvision builds it: 1×1 expand + BN + SiLU (skipped when it would
 * not change the width), depthwise k×k + BN + SiLU, squeeze-excite (SiLU inside, sigmoid gate,
 * squeezed to a quarter of the block's input), linear 1×1 projection + BN, and a residual add when
 * the shape is kept (stochastic depth is the identity at inference).
 */
export const mbconv: BlockDef<'MBConv', typeof schema> = {
  kind: 'MBConv',
  title: 'MBConv (EfficientNet)',
  description: 'Inverted residual with SiLU and squeeze-excite, as in EfficientNet.',
  paper: { ref: 'Tan & Le 2019, EfficientNet' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = channels(x.value);
    const hidden = expandedWidth(p, cin);
    const folded = !p.batchNorm;
    const epsilon = p.bnEpsilon;
    const g = new GraphBuilder();
    const reads: PortRef[] = [];
    let h: PortRef[] = [];
    if (hidden !== cin) {
      const e = convBn(g, [], 'expand', {
        conv: { outChannels: hidden, kernel: [1, 1] },
        act: 'SiLU',
        folded,
        epsilon,
      });
      reads.push(e.entry);
      h = [e.out];
    }
    const k = p.kernel;
    const dw = convBn(g, h, 'depthwise', {
      conv: { outChannels: hidden, kernel: [k, k], stride: [p.stride, p.stride], groups: hidden },
      act: 'SiLU',
      folded,
      epsilon,
    });
    if (h.length === 0) reads.push(dw.entry);
    const se = { channels: hidden, squeeze: squeezeWidth(p, cin), gate: 'sigmoid', act: 'SiLU' } as const;
    let y = addSqueezeExcite(g, dw.out, se, 'se.').out;
    y = convBn(g, [y], 'project', {
      conv: { outChannels: p.outChannels, kernel: [1, 1] },
      folded,
      epsilon,
    }).out;
    if (p.stride === 1 && cin === p.outChannels) {
      // torchvision writes `result += input`: the branch on port 0.
      const sum = g.add('Add', {}, [y], 'residual');
      reads.push({ node: sum.node, port: 1 });
      y = sum;
    }
    return ok(g.subgraph([reads], [y]));
  },
  summary: (p, words) =>
    [
      p.expandedChannels === undefined ? `t=${readableRatio(p.expansion)}` : `e=${p.expandedChannels}`,
      `c=${p.outChannels}`,
      ...(p.stride === 1 ? [] : [`s${p.stride}`]),
      ...(p.kernel === 3 ? [] : [`k${p.kernel}`]),
      ...(p.squeezeChannels === undefined ? [] : [`se=${p.squeezeChannels}`]),
      ...foldedSummary(p.batchNorm, words),
      ...(p.batchNorm && p.bnEpsilon !== 1e-5 ? [`ε=${p.bnEpsilon}`] : []),
    ].join(' '),
  widthFields: ['outChannels', 'expandedChannels', 'squeezeChannels'],
  // The depthwise conv's width is the expanded width; the conv after it is the squeeze.
  recognise: (r) => {
    const at = r.convs.findIndex((c) => c.depthwise);
    const dw = r.convs[at];
    const squeeze = r.convs[at + 1];
    if (dw === undefined || squeeze === undefined || r.count('SiLU') === 0 || r.count('Sigmoid') !== 1)
      return [];
    const [bnEpsilon = 1e-5] = r.epsilons;
    const common = {
      outChannels: r.outChannels,
      stride: r.stride,
      kernel: dw.kernel[0],
      batchNorm: r.count('BatchNorm') > 0,
      bnEpsilon,
      ...(squeeze.outChannels === Math.max(1, Math.floor(r.inChannels / 4))
        ? {}
        : { squeezeChannels: squeeze.outChannels }),
    };
    // Absolute, as the file gave it: an edit of the block before never widens this one.
    return [{ ...common, expandedChannels: dw.outChannels }];
  },
  conformance: [
    { name: 'EfficientNet-B0 stage 2, residual', params: { outChannels: 16, expansion: 6 } },
    { name: 'no expansion, 5×5, stride 2', params: { outChannels: 24, expansion: 1, kernel: 5, stride: 2 } },
    { name: 'batch norm folded', params: { outChannels: 16, expansion: 4, batchNorm: false } },
  ],
  pytorch: mbconvTorch,
};
