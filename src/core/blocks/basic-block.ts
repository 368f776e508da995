import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { channels } from '../shape';
import { batchNormParam, foldedSummary } from './conv-bn';
import { resnetConv, resnetShortcut } from './resnet-common';
import type { BlockDef } from './block-types';
import { basicBlockTorch } from '../torch/blocks/resnet';

const schema = z.object({
  outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
  stride: positiveInt.default(1),
  batchNorm: batchNormParam,
});
export type BasicBlockParams = z.infer<typeof schema>;

/**
 * ResNet's basic block (ResNet-18 and -34), as torchvision builds it: 3×3 conv (strided) + BN +
 * ReLU, 3×3 conv + BN, added to the shortcut (a strided 1×1 conv + BN when the shape changes),
 * then ReLU. Not a compact block, but every imported ResNet is made of it.
 */
export const basicBlock: BlockDef<'BasicBlock', typeof schema> = {
  kind: 'BasicBlock',
  title: 'ResNet basic block',
  description: 'Two 3×3 convs around a residual shortcut (1×1 projection when the shape changes).',
  paper: { ref: 'He et al. 2016, Deep Residual Learning (ResNet-18/34)' },
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
      { outChannels: p.outChannels, kernel: 3, stride: p.stride },
      p.batchNorm,
    );
    const b = resnetConv(
      g,
      a.out,
      { conv: 'conv2', bn: 'bn2' },
      { outChannels: p.outChannels, kernel: 3, stride: 1 },
      p.batchNorm,
    );
    const shape = { inChannels: channels(x.value), outChannels: p.outChannels, stride: p.stride };
    const s = resnetShortcut(g, b.out, shape, p.batchNorm);
    return ok(g.subgraph([[a.entry, ...s.reads]], [s.out]));
  },
  summary: (p, words) =>
    [
      `c=${p.outChannels}`,
      ...(p.stride === 1 ? [] : [`s${p.stride}`]),
      ...foldedSummary(p.batchNorm, words),
    ].join(' '),
  widthFields: ['outChannels'],
  // Two 3×3 convs (and a 1×1 shortcut), one add, a ReLU inside and one after the add.
  recognise: (r) => {
    const k3 = r.convs.filter((c) => c.kernel[0] === 3 && c.kernel[1] === 3 && c.groups === 1);
    if (k3.length !== 2 || r.count('Add') !== 1 || r.count('ReLU') !== 2) return [];
    return [{ outChannels: r.outChannels, stride: r.stride, batchNorm: r.count('BatchNorm') > 0 }];
  },
  conformance: [
    { name: 'identity shortcut', params: { outChannels: 16 } },
    { name: 'projection shortcut, stride 2', params: { outChannels: 32, stride: 2 } },
    { name: 'batch norm folded', params: { outChannels: 24, batchNorm: false } },
  ],
  pytorch: basicBlockTorch,
};
