import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import { featureMap, positiveInt } from '../ops/op-common';
import { lcclConvTorch } from '../torch/blocks/lccl-conv-torch';
import { oddKernel } from './mobilenet-common';
import type { BlockDef } from './block-types';

const schema = z.object({
  outChannels: positiveInt.default(64),
  kernel: oddKernel.default(3),
  stride: z.number().int().min(1).max(4).default(1),
  /**
   * z, the share of the collaborative layer's ReLU outputs that are zero, set by hand: the main
   * conv need not compute those positions. A run measures it on an image instead.
   */
  zeroRatio: z.number().min(0).max(1).default(0.5).meta({
    label: 'Zero ratio z (by hand)',
    help: 'Share of the collaborative ReLU’s outputs that are zero; a run measures it.',
  }),
});
export type LcclParams = z.infer<typeof schema>;

/** Inner labels, which the effective-cost view and the run panel find the layers by. */
export const LCCL_LABELS = {
  main: 'main',
  mainRelu: 'main_relu',
  lccl: 'lccl',
  relu: 'lccl_relu',
  gate: 'gate',
} as const;

/**
 * A conv with a low-cost collaborative layer (Dong et al. 2017, "More is less", survey ref. 138):
 * beside the main k×k conv, a 1×1 conv with the same output channels and stride; each is followed
 * by a ReLU and the block's output is the element-wise product of the two ReLU outputs (the paper's
 * "element-wise multiplication of the ReLU outputs of these two parallel layers"), so wherever the
 * cheap layer predicts a zero the main conv's value is not needed. The graph computes both convs in full (ONNX has no
 * kernel that skips positions); the saving is the effective figure cost(LCCL) + (1 − z)·cost(main).
 * The 1×1 conv has a bias (the paper's batch norm folded), so it can predict zeros at all.
 */
export const lcclConv: BlockDef<'LcclConv', typeof schema> = {
  kind: 'LcclConv',
  title: 'Conv with LCCL',
  description:
    'ReLU(k×k conv) gated by ReLU(cheap 1×1 conv) (element-wise product): zeros it predicts skip the main conv.',
  paper: { ref: 'Dong et al. 2017, More is less (LCCL)' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const pad = (p.kernel - 1) / 2;
    const stride: [number, number] = [p.stride, p.stride];
    const g = new GraphBuilder();
    const main = g.add(
      'Conv2d',
      { outChannels: p.outChannels, kernel: [p.kernel, p.kernel], stride, padding: [pad, pad] },
      [],
      LCCL_LABELS.main,
    );
    const lccl = g.add(
      'Conv2d',
      { outChannels: p.outChannels, kernel: [1, 1], stride, padding: [0, 0], bias: true },
      [],
      LCCL_LABELS.lccl,
    );
    const mainRelu = g.add('ReLU', {}, [main], LCCL_LABELS.mainRelu);
    const relu = g.add('ReLU', {}, [lccl], LCCL_LABELS.relu);
    const gate = g.add('Multiply', {}, [mainRelu, relu], LCCL_LABELS.gate);
    return ok(
      g.subgraph(
        [
          [
            { node: main.node, port: 0 },
            { node: lccl.node, port: 0 },
          ],
        ],
        [gate],
      ),
    );
  },
  summary: (p) =>
    [
      `${p.outChannels}`,
      `${p.kernel}×${p.kernel}`,
      ...(p.stride > 1 ? [`s${p.stride}`] : []),
      `z=${p.zeroRatio}`,
    ].join(' '),
  widthFields: ['outChannels'],
  // Two convs (the k×k main, the 1×1 collaborator), each with a ReLU, and one product. z is not in the graph: the
  // hand-set value comes back as the default (the export's metadata states the one it had).
  recognise: (r) => {
    const [main, cheap] = r.convs;
    if (
      r.convs.length !== 2 ||
      r.count('Multiply') !== 1 ||
      r.count('ReLU') !== 2 ||
      main === undefined ||
      cheap?.kernel[0] !== 1
    )
      return [];
    return [{ outChannels: r.outChannels, kernel: main.kernel[0], stride: r.stride }];
  },
  pytorch: lcclConvTorch,
  conformance: [
    { name: '3×3, 24 outputs', params: { outChannels: 24 } },
    { name: '5×5, stride 2', params: { outChannels: 16, kernel: 5, stride: 2 } },
  ],
};
