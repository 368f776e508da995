import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { channels } from '../shape';
import { batchNormParam, convBn, foldedSummary } from './conv-bn';
import { oddKernel } from './mobilenet-common';
import type { BlockDef } from './block-types';
import { depthwiseSeparableTorch } from '../torch/blocks/depthwise-separable-torch';

const schema = z.object({
  outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
  stride: positiveInt.default(1),
  kernel: oddKernel.default(3),
  /** False when an export folded each batch norm into its conv's bias. */
  batchNorm: batchNormParam,
});

/**
 * MobileNetV1's factorised convolution: a depthwise k×k conv filters each channel on its own,
 * a pointwise 1×1 conv mixes channels; each followed by batch norm and ReLU. The stride sits on
 * the depthwise conv, so the pointwise conv runs on the smaller map.
 */
export const depthwiseSeparable: BlockDef<'DepthwiseSeparable', typeof schema> = {
  kind: 'DepthwiseSeparable',
  title: 'Depthwise-separable conv',
  description: 'Depthwise k×k conv + BN + ReLU, then pointwise 1×1 conv + BN + ReLU.',
  paper: { ref: 'Howard et al. 2017, MobileNets' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = channels(x.value);
    const g = new GraphBuilder();
    const k = p.kernel;
    const dw = convBn(g, [], 'depthwise', {
      conv: { outChannels: cin, kernel: [k, k], stride: [p.stride, p.stride], groups: cin },
      act: 'ReLU',
      folded: !p.batchNorm,
    });
    const pw = convBn(g, [dw.out], 'pointwise', {
      conv: { outChannels: p.outChannels, kernel: [1, 1] },
      act: 'ReLU',
      folded: !p.batchNorm,
    });
    return ok(g.subgraph([[dw.entry]], [pw.out]));
  },
  summary: (p, words) =>
    [
      `c=${p.outChannels}`,
      `k${p.kernel}`,
      ...(p.stride === 1 ? [] : [`s${p.stride}`]),
      ...foldedSummary(p.batchNorm, words),
    ].join(' '),
  widthFields: ['outChannels'],
  recognise: (r) => {
    const dw = r.convs.find((c) => c.depthwise);
    if (dw === undefined) return [];
    return [
      {
        outChannels: r.outChannels,
        stride: r.stride,
        kernel: dw.kernel[0],
        batchNorm: r.count('BatchNorm') > 0,
      },
    ];
  },
  pytorch: depthwiseSeparableTorch,
  conformance: [
    { name: 'MobileNet 3×3', params: { outChannels: 32 } },
    { name: 'strided 5×5', params: { outChannels: 24, stride: 2, kernel: 5 } },
    { name: 'batch norm folded', params: { outChannels: 32, batchNorm: false } },
  ],
};

export type DepthwiseSeparableParams = z.infer<typeof schema>;
