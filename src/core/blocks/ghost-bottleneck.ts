import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, positiveInt } from '../ops/op-common';
import { channels } from '../shape';
import { pyCall } from '../torch/python';
import type { BlockTorch } from '../torch/torch-types';
import { convBnPath } from '../torch/blocks/block-forms-common';
import { convBn } from './conv-bn';
import { addGhost } from './ghost-module';
import { makeDivisible, oddKernel } from './mobilenet-common';
import { addSqueezeExcite } from './squeeze-excite';
import type { BlockDef } from './block-types';

/** GhostNet's squeeze width: a quarter of the mid channels, rounded to a multiple of 4 (se_ratio 0.25). */
export const ghostSqueeze = (mid: number): number => makeDivisible(mid * 0.25, 4);

/** Both Ghost modules make half their maps by the primary conv (s = 2), as in every GhostNet stage. */
const half = (label: string) =>
  positiveInt
    .multipleOf(2)
    .meta({ label, help: 'Even: each Ghost module makes half its maps by its primary conv (s = 2).' });

const schema = z.object({
  midChannels: half('Mid channels').default(48),
  outChannels: half('Output channels').default(24),
  dwKernel: oddKernel.default(3).meta({ label: 'Depthwise kernel' }),
  stride: z.union([z.literal(1), z.literal(2)]).default(1),
  se: z.boolean().default(false).meta({ label: 'Squeeze-and-excite' }),
});

export type GhostBottleneckParams = z.infer<typeof schema>;

/** Where the primitives of the expansion live in the class below. */
function modulePath(inner: string): string {
  const shortcut: Readonly<Record<string, string>> = {
    shortcut_dw: 'shortcut.0.0',
    shortcut_dw_bn: 'shortcut.0.1',
    shortcut_pw: 'shortcut.1.0',
    shortcut_pw_bn: 'shortcut.1.1',
  };
  const own = shortcut[inner];
  if (own !== undefined) return own;
  if (inner.startsWith('se.')) return inner;
  const dot = inner.indexOf('.');
  return dot < 0 ? convBnPath(inner) : `${inner.slice(0, dot)}.${convBnPath(inner.slice(dot + 1))}`;
}

const ghostBottleneckTorch: BlockTorch<GhostBottleneckParams> = {
  className: 'GhostBottleneck',
  source: `class GhostBottleneck(nn.Module):
    """GhostNet's bottleneck (Han et al. 2020, Fig. 3): a Ghost module widens to mid channels (ReLU),
    a depthwise conv with BN carries a stride of 2, an optional squeeze-excite, a second Ghost module
    narrows to out channels (no ReLU); added to the input, or to a depthwise + 1×1 shortcut when the
    shape changes."""

    def __init__(self, in_channels, mid_channels, out_channels, dw_kernel=3, stride=1, se=False):
        super().__init__()
        self.ghost1 = GhostModule(in_channels, mid_channels, relu=True)
        self.conv_dw = conv_bn_act(mid_channels, mid_channels, dw_kernel, stride, mid_channels) if stride > 1 else None
        squeeze = make_divisible(mid_channels * 0.25, 4)
        self.se = SqueezeExcite(mid_channels, squeeze, gate="hardsigmoid") if se else None
        self.ghost2 = GhostModule(mid_channels, out_channels, relu=False)
        if in_channels == out_channels and stride == 1:
            self.shortcut = None
        else:
            self.shortcut = nn.Sequential(
                conv_bn_act(in_channels, in_channels, dw_kernel, stride, in_channels),
                conv_bn_act(in_channels, out_channels, 1),
            )

    def forward(self, x):
        y = self.ghost1(x)
        if self.conv_dw is not None:
            y = self.conv_dw(y)
        if self.se is not None:
            y = self.se(y)
        y = self.ghost2(y)
        return y + (x if self.shortcut is None else self.shortcut(x))`,
  helpers: ['conv_bn_act', 'make_divisible', 'SqueezeExcite'],
  uses: () => ['GhostModule'],
  construct: (p, inputs) =>
    pyCall(
      'GhostBottleneck',
      [inputs[0]?.[1] ?? 0, p.midChannels, p.outChannels],
      [
        ['dw_kernel', p.dwKernel, 3],
        ['stride', p.stride, 1],
        ['se', p.se, false],
      ],
    ),
  modulePath,
};

/**
 * GhostNet's bottleneck (Han et al., CVPR 2020, Fig. 3 and Table 1): MobileNetV3's inverted residual
 * with its two 1×1 convs replaced by Ghost modules (s = 2, d = 3). The first widens with ReLU, the
 * second narrows without; a stride of 2 sits on a depthwise conv between them, squeeze-excite
 * (GhostNet's se_ratio 0.25) after it; the shortcut is the input, or a depthwise + 1×1 conv when
 * the block strides or changes width.
 */
export const ghostBottleneck = {
  kind: 'GhostBottleneck',
  title: 'Ghost bottleneck',
  description: 'Ghost module to mid channels, [stride-2 depthwise], [SE], Ghost module to out; residual.',
  paper: { ref: 'Han et al. 2020, GhostNet: More Features from Cheap Operations, CVPR' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const cin = channels(x.value);
    const g = new GraphBuilder();
    const ghost = { ratio: 2, kernel: 1, dwKernel: 3, stride: 1 };
    const g1 = addGhost(g, [], 'ghost1.', { ...ghost, outChannels: p.midChannels, relu: true });
    const reads: PortRef[] = [g1.entry];
    let y = g1.out;
    const k = p.dwKernel;
    if (p.stride > 1)
      y = convBn(g, [y], 'conv_dw', {
        conv: {
          outChannels: p.midChannels,
          kernel: [k, k],
          stride: [p.stride, p.stride],
          groups: p.midChannels,
        },
      }).out;
    if (p.se) {
      const se = {
        channels: p.midChannels,
        squeeze: ghostSqueeze(p.midChannels),
        gate: 'hardsigmoid',
      } as const;
      y = addSqueezeExcite(g, y, se, 'se.').out;
    }
    y = addGhost(g, [y], 'ghost2.', { ...ghost, outChannels: p.outChannels, relu: false }).out;
    const sum = g.add('Add', {}, [y], 'residual');
    if (cin === p.outChannels && p.stride === 1) reads.push({ node: sum.node, port: 1 });
    else {
      const dw = convBn(g, [], 'shortcut_dw', {
        conv: { outChannels: cin, kernel: [k, k], stride: [p.stride, p.stride], groups: cin },
      });
      reads.push(dw.entry);
      const pw = convBn(g, [dw.out], 'shortcut_pw', { conv: { outChannels: p.outChannels, kernel: [1, 1] } });
      g.connect(pw.out, { node: sum.node, port: 1 });
    }
    return ok(g.subgraph([reads], [sum]));
  },
  summary: (p) =>
    [
      `m=${p.midChannels}`,
      `c=${p.outChannels}`,
      ...(p.stride === 1 ? [] : [`k${p.dwKernel} s${p.stride}`]),
      ...(p.se ? ['SE'] : []),
    ].join(' '),
  widthFields: ['midChannels', 'outChannels'],
  recognise: (r) => {
    if (r.count('Concat') !== 2 || r.count('Add') !== 1) return [];
    // Each Ghost module's primary conv is a 1×1 conv to half its maps.
    const primaries = r.convs.filter((c) => c.kernel[0] === 1 && c.groups === 1 && c.stride[0] === 1);
    const kernels = [
      ...new Set([...r.convs.filter((c) => c.depthwise && c.kernel[0] !== 1).map((c) => c.kernel[0]), 3]),
    ];
    const se = r.count('GlobalAvgPool') > 0;
    const stride = r.stride === 2 ? 2 : 1;
    return primaries.flatMap((c) =>
      kernels.map((dwKernel) => ({
        midChannels: 2 * c.outChannels,
        outChannels: r.outChannels,
        dwKernel,
        stride,
        se,
      })),
    );
  },
  pytorch: ghostBottleneckTorch,
  conformance: [
    {
      name: 'GhostNet stage 1: 16 → 16, mid 16',
      params: { midChannels: 16, outChannels: 16 },
      input: [16, 8, 8],
    },
    {
      name: 'strided with SE, 5×5',
      params: { midChannels: 72, outChannels: 40, stride: 2, dwKernel: 5, se: true },
    },
    { name: 'wider, stride 1: a shortcut conv', params: { midChannels: 48, outChannels: 24 } },
  ],
} satisfies BlockDef<'GhostBottleneck', typeof schema>;
