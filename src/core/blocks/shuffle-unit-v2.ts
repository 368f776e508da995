import { msg } from '../message';
import { z } from 'zod';
import { fail, ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { batchNormParam, convBn, foldedSummary } from './conv-bn';
import type { BlockDef } from './block-types';
import { shuffleUnitV2Torch } from '../torch/blocks/shuffle-unit-v2-torch';

const schema = z.object({
  outChannels: positiveInt.default(116).meta({ label: 'Output channels' }),
  stride: z.number().int().min(1).max(2).default(1),
  /** False when an export folded each batch norm into its conv's bias. */
  batchNorm: batchNormParam,
});

/** 1×1 + BN + ReLU → depthwise 3×3 + BN → 1×1 + BN + ReLU: the branch both strides share. */
function mainBranch(
  g: GraphBuilder,
  from: readonly PortRef[],
  mid: number,
  out: number,
  stride: number,
  folded: boolean,
) {
  const pw1 = convBn(g, from, 'pw1', { conv: { outChannels: mid, kernel: [1, 1] }, act: 'ReLU', folded });
  const dw = convBn(g, [pw1.out], 'dw', {
    conv: { outChannels: mid, kernel: [3, 3], stride: [stride, stride], groups: mid },
    folded,
  });
  const pw2 = convBn(g, [dw.out], 'pw2', {
    conv: { outChannels: out, kernel: [1, 1] },
    act: 'ReLU',
    folded,
  });
  return { entry: pw1.entry, out: pw2.out };
}

/**
 * ShuffleNetV2 unit (Ma et al. 2018, Fig. 3c/3d) in the authors' layout (megvii ShuffleV2Block):
 * the branch is ⌊out/2⌋ wide. Stride 1 splits the input in halves and the branch makes out − in/2
 * channels; stride 2 keeps the input width on the projection branch and gives the main branch
 * out − in (torchvision splits out evenly instead, which is slightly cheaper).
 */
export const shuffleUnitV2: BlockDef<'ShuffleUnitV2', typeof schema> = {
  kind: 'ShuffleUnitV2',
  title: 'ShuffleNetV2 unit',
  description:
    'Channel split (stride 1) or two strided branches (stride 2), 1×1/depthwise 3×3/1×1, concat, channel shuffle.',
  paper: { ref: 'Ma et al. 2018, ShuffleNetV2' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = x.value[1] ?? 0;
    const mid = Math.floor(p.outChannels / 2);
    if (mid < 1) return fail('invalidParams', msg('shuffleV2Min'), 'outChannels');
    const g = new GraphBuilder();
    const folded = !p.batchNorm;
    if (p.stride === 1) {
      if (cin % 2 !== 0) return fail('splitSizes', msg('splitHalves', { channels: cin }), 'input 1');
      // Fig. 3c: the kept half and the branch are both in/2 wide, so the unit cannot change its width.
      if (p.outChannels !== cin)
        return fail(
          'invalidParams',
          msg('shuffleV2Width', { channels: cin, out: p.outChannels }),
          'outChannels',
        );
      const branchOut = p.outChannels - cin / 2;
      const [kept, used] = g.addNode('ChannelSplit', { parts: 2 }, [], 'split');
      if (kept === undefined || used === undefined) throw new Error('ChannelSplit has two outputs');
      const branch = mainBranch(g, [used], mid, branchOut, 1, folded);
      const cat = g.add('Concat', { inputs: 2 }, [kept, branch.out], 'concat');
      const out = g.add('ChannelShuffle', { groups: 2 }, [cat], 'shuffle');
      return ok(g.subgraph([[{ node: kept.node, port: 0 }]], [out]));
    }
    const branchOut = p.outChannels - cin;
    if (branchOut < 1)
      return fail('invalidParams', msg('shuffleV2Projection', { channels: cin }), 'outChannels');
    const projDw = convBn(g, [], 'proj_dw', {
      conv: { outChannels: cin, kernel: [3, 3], stride: [p.stride, p.stride], groups: cin },
      folded,
    });
    const proj = convBn(g, [projDw.out], 'proj_pw', {
      conv: { outChannels: cin, kernel: [1, 1] },
      act: 'ReLU',
      folded,
    });
    const branch = mainBranch(g, [], mid, branchOut, p.stride, folded);
    const cat = g.add('Concat', { inputs: 2 }, [proj.out, branch.out], 'concat');
    const out = g.add('ChannelShuffle', { groups: 2 }, [cat], 'shuffle');
    return ok(g.subgraph([[projDw.entry, branch.entry]], [out]));
  },
  summary: (p, words) =>
    [
      `${p.outChannels}`,
      ...(p.stride > 1 ? [`s${p.stride}`] : []),
      ...foldedSummary(p.batchNorm, words),
    ].join(' '),
  widthFields: ['outChannels'],
  recognise: (r) =>
    r.count('ChannelShuffle') === 1
      ? [{ outChannels: r.outChannels, stride: r.stride, batchNorm: r.count('BatchNorm') > 0 }]
      : [],
  pytorch: shuffleUnitV2Torch,
  conformance: [
    { name: 'stride 1', params: { outChannels: 16 } },
    { name: 'stride 2', params: { outChannels: 48, stride: 2 }, input: [24, 8, 8] },
  ],
};

export type ShuffleUnitV2Params = z.infer<typeof schema>;
