import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, minEpsilon, minExpansion, positiveInt } from '../ops/op-common';
import { channels } from '../shape';
import { batchNormParam, convBn, foldedSummary } from './conv-bn';
import { activationOp, mobileActivationNames, oddKernel } from './mobilenet-common';
import { addSqueezeExcite, mobilenetV3Squeeze } from './squeeze-excite';
import type { BlockDef } from './block-types';
import { invertedResidualTorch } from '../torch/blocks/inverted-residual-torch';

const schema = z.object({
  outChannels: positiveInt.default(24).meta({ label: 'Output channels' }),
  stride: positiveInt.default(1),
  /** Expansion factor t: the expanded width is round(t · input channels). */
  expansion: z.number().min(minExpansion).default(6),
  /** The expanded width itself, as MobileNetV3's tables give it; overrides `expansion`. */
  expandedChannels: positiveInt.optional().meta({ overrides: 'expansion' }),
  kernel: oddKernel.default(3),
  activation: z.enum(mobileActivationNames).default('relu6'),
  squeezeExcite: z.boolean().default(false).meta({ label: 'Squeeze-excite' }),
  /** False when an export folded each batch norm into its conv's bias. */
  batchNorm: batchNormParam,
  /** The batch norms' epsilon: torchvision's MobileNetV3 uses 0.001 (no effect on the costs). */
  bnEpsilon: z.number().min(minEpsilon).max(1).default(1e-5).meta({ label: 'BN epsilon' }),
});
type Params = z.infer<typeof schema>;

/** A ratio as a card prints it: at most two decimals ("3.67", never "3.6666666666666665"). */
export const readableRatio = (v: number): string => String(Number(v.toFixed(2)));

/** Python's round(), which rounds halves to even: torchvision computes the width with it. */
function roundHalfEven(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export const expandedWidth = (p: Params, cin: number): number =>
  p.expandedChannels ?? Math.max(1, roundHalfEven(cin * p.expansion));

/**
 * MobileNetV2's inverted residual with linear bottleneck (and MobileNetV3's, with squeeze-excite
 * and hard-swish), laid out as torchvision builds it: 1×1 expand + BN + act (skipped when it would
 * not change the width), depthwise k×k + BN + act, optional SE, 1×1 projection + BN and no
 * activation (a ReLU on the narrow bottleneck would destroy information), and a residual add only
 * when the output has the input's shape.
 */
export const invertedResidual: BlockDef<'InvertedResidual', typeof schema> = {
  kind: 'InvertedResidual',
  title: 'Inverted residual',
  description:
    'Expand 1×1, depthwise k×k, optional squeeze-excite, linear 1×1 projection; residual when shapes match.',
  paper: { ref: 'Sandler et al. 2018, MobileNetV2; Howard et al. 2019, MobileNetV3' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = channels(x.value);
    const hidden = expandedWidth(p, cin);
    const act = activationOp(p.activation);
    const folded = !p.batchNorm;
    const epsilon = p.bnEpsilon;
    const g = new GraphBuilder();
    // Every inner port that reads the block input: the first conv, and the residual add.
    const reads: PortRef[] = [];
    let h: PortRef[] = [];
    if (hidden !== cin) {
      const e = convBn(g, [], 'expand', {
        conv: { outChannels: hidden, kernel: [1, 1] },
        act,
        folded,
        epsilon,
      });
      reads.push(e.entry);
      h = [e.out];
    }
    const k = p.kernel;
    const dw = convBn(g, h, 'depthwise', {
      conv: { outChannels: hidden, kernel: [k, k], stride: [p.stride, p.stride], groups: hidden },
      act,
      folded,
      epsilon,
    });
    if (h.length === 0) reads.push(dw.entry);
    let y = dw.out;
    if (p.squeezeExcite) {
      const se = { channels: hidden, squeeze: mobilenetV3Squeeze(hidden), gate: 'hardsigmoid' } as const;
      y = addSqueezeExcite(g, y, se, 'se.').out;
    }
    y = convBn(g, [y], 'project', {
      conv: { outChannels: p.outChannels, kernel: [1, 1] },
      folded,
      epsilon,
    }).out;
    if (p.stride === 1 && cin === p.outChannels) {
      // x + F(x), in torchvision's operand order: the block input on port 0.
      const sum = g.add('Add', {}, [], 'residual');
      reads.push({ node: sum.node, port: 0 });
      g.connect(y, { node: sum.node, port: 1 });
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
      ...(p.squeezeExcite ? ['SE'] : []),
      ...(p.activation === 'relu6' ? [] : [p.activation]),
      ...foldedSummary(p.batchNorm, words),
      ...(p.batchNorm && p.bnEpsilon !== 1e-5 ? [`ε=${p.bnEpsilon}`] : []),
    ].join(' '),
  widthFields: ['outChannels', 'expandedChannels'],
  // The depthwise conv's width is the expanded width, read as an absolute channel count.
  recognise: (r) => {
    const dw = r.convs.find((c) => c.depthwise);
    if (dw === undefined) return [];
    // Squeeze-excite brings a ReLU of its own: every activation present is a candidate.
    const present = mobileActivationNames.filter((a) => r.count(activationOp(a)) > 0);
    const [bnEpsilon = 1e-5] = r.epsilons;
    return present.flatMap((activation) => {
      const common = {
        outChannels: r.outChannels,
        stride: r.stride,
        kernel: dw.kernel[0],
        activation,
        squeezeExcite: r.count('GlobalAvgPool') > 0,
        batchNorm: r.count('BatchNorm') > 0,
        bnEpsilon,
      };
      // The file gives widths, never ratios: the expanded width is kept as itself ("e=240"), so
      // widening the block before it leaves this one as the file said (a factor t of the input
      // would silently widen its hidden layers, change their shapes and drop their weights).
      return [{ ...common, expandedChannels: dw.outChannels }];
    });
  },
  pytorch: invertedResidualTorch,
  conformance: [
    { name: 'MobileNetV2, residual', params: { outChannels: 16, expansion: 6 } },
    { name: 'MobileNetV2, no expansion', params: { outChannels: 24, expansion: 1, stride: 2 } },
    {
      name: 'MobileNetV3 with squeeze-excite and hard-swish',
      params: {
        outChannels: 40,
        expansion: 3,
        kernel: 5,
        stride: 2,
        squeezeExcite: true,
        activation: 'hardswish',
        bnEpsilon: 0.001,
      },
      input: [24, 8, 8],
    },
    { name: 'batch norm folded', params: { outChannels: 16, expansion: 4, batchNorm: false } },
  ],
};

export type InvertedResidualParams = Params;
