import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { channels } from '../shape';
import { batchNormParam, foldedSummary } from './conv-bn';
import { resnetConv, resnetShortcut } from './resnet-common';
import type { BlockDef } from './block-types';
import { bottleneckTorch } from '../torch/blocks/resnet';

const schema = z.object({
  outChannels: positiveInt.default(256).meta({ label: 'Output channels' }),
  /** The narrow width of the 3×3 conv: outChannels / 4 in ResNet-50. */
  width: positiveInt.default(64).meta({ label: 'Bottleneck width' }),
  stride: positiveInt.default(1),
  /** Groups of the 3×3 conv (ResNeXt); 1 in ResNet. */
  groups: positiveInt.default(1),
  batchNorm: batchNormParam,
});
export type BottleneckParams = z.infer<typeof schema>;

/**
 * ResNet's bottleneck block (ResNet-50/101/152, torchvision's "v1.5": the stride on the 3×3 conv):
 * 1×1 conv down to `width` + BN + ReLU, 3×3 conv (strided, grouped for ResNeXt) + BN + ReLU, 1×1 conv
 * up to the output + BN, added to the shortcut (1×1 conv + BN when the shape changes), then ReLU.
 */
export const bottleneck: BlockDef<'Bottleneck', typeof schema> = {
  kind: 'Bottleneck',
  title: 'ResNet bottleneck',
  description: '1×1 reduce, 3×3, 1×1 expand around a residual shortcut (ResNet-50 and deeper).',
  paper: { ref: 'He et al. 2016, Deep Residual Learning (ResNet-50/101/152)' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const g = new GraphBuilder();
    const a = resnetConv(
      g,
      undefined,
      { conv: 'conv1', bn: 'bn1', relu: 'relu' },
      { outChannels: p.width, kernel: 1, stride: 1 },
      p.batchNorm,
    );
    const b = resnetConv(
      g,
      a.out,
      { conv: 'conv2', bn: 'bn2', relu: 'relu_1' },
      { outChannels: p.width, kernel: 3, stride: p.stride, groups: p.groups },
      p.batchNorm,
    );
    const c = resnetConv(
      g,
      b.out,
      { conv: 'conv3', bn: 'bn3' },
      { outChannels: p.outChannels, kernel: 1, stride: 1 },
      p.batchNorm,
    );
    const shape = { inChannels: channels(x.value), outChannels: p.outChannels, stride: p.stride };
    const s = resnetShortcut(g, c.out, shape, p.batchNorm);
    return ok(g.subgraph([[a.entry, ...s.reads]], [s.out]));
  },
  summary: (p, words) =>
    [
      `w=${p.width}`,
      `c=${p.outChannels}`,
      ...(p.stride === 1 ? [] : [`s${p.stride}`]),
      ...(p.groups === 1 ? [] : [`g${p.groups}`]),
      ...foldedSummary(p.batchNorm, words),
    ].join(' '),
  widthFields: ['outChannels', 'width'],
  // 1×1, 3×3, 1×1 (and a 1×1 shortcut), one add, two ReLUs inside and one after the add.
  recognise: (r) => {
    const [reduce, mid] = r.convs;
    if (
      reduce === undefined ||
      mid === undefined ||
      reduce.kernel[0] !== 1 ||
      mid.kernel[0] !== 3 ||
      r.count('Add') !== 1 ||
      r.count('ReLU') !== 3
    )
      return [];
    return [
      {
        outChannels: r.outChannels,
        width: reduce.outChannels,
        stride: r.stride,
        groups: mid.groups,
        batchNorm: r.count('BatchNorm') > 0,
      },
    ];
  },
  conformance: [
    { name: 'projection shortcut (widens)', params: { outChannels: 32, width: 8 } },
    { name: 'identity shortcut', params: { outChannels: 16, width: 4 } },
    { name: 'stride 2, grouped (ResNeXt)', params: { outChannels: 32, width: 16, stride: 2, groups: 4 } },
    { name: 'batch norm folded', params: { outChannels: 16, width: 8, batchNorm: false } },
  ],
  pytorch: bottleneckTorch,
};
