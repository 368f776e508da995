import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, positiveInt } from '../ops/op-common';
import { pyCall } from '../torch/python';
import type { BlockTorch } from '../torch/torch-types';
import { convBn } from './conv-bn';
import { oddKernel } from './mobilenet-common';
import type { BlockDef } from './block-types';
import { convBnPath } from '../torch/blocks/block-forms-common';

/**
 * The Ghost module's layers (Han et al. 2020, GhostNet, Fig. 2b and Eq. 3–5): a primary k×k conv
 * makes m = c / s intrinsic maps, a cheap depthwise d×d conv makes s − 1 "ghosts" of each (the
 * other c − m maps), and the two are concatenated. BN after each conv, ReLU after each when `relu`.
 * Labels follow the reference implementation's module names (primary_conv, cheap_operation).
 */
export function addGhost(
  g: GraphBuilder,
  from: readonly PortRef[],
  prefix: string,
  spec: {
    readonly outChannels: number;
    readonly ratio: number;
    readonly kernel: number;
    readonly dwKernel: number;
    readonly stride: number;
    readonly relu: boolean;
  },
): { readonly entry: PortRef; readonly out: PortRef } {
  const m = Math.ceil(spec.outChannels / spec.ratio);
  const act = spec.relu ? ('ReLU' as const) : undefined;
  const primary = convBn(g, from, `${prefix}primary_conv`, {
    conv: {
      outChannels: m,
      kernel: [spec.kernel, spec.kernel],
      stride: [spec.stride, spec.stride],
    },
    ...(act === undefined ? {} : { act }),
  });
  const cheap = convBn(g, [primary.out], `${prefix}cheap_operation`, {
    conv: { outChannels: spec.outChannels - m, kernel: [spec.dwKernel, spec.dwKernel], groups: m },
    ...(act === undefined ? {} : { act }),
  });
  const out = g.add('Concat', {}, [primary.out, cheap.out], `${prefix}concat`);
  return { entry: primary.entry, out };
}

const schema = z
  .object({
    outChannels: positiveInt.default(64).meta({ label: 'Output channels' }),
    ratio: z
      .number()
      .int()
      .min(2)
      .max(16)
      .default(2)
      .meta({ help: 's: one map in s is made by the primary conv, the others are its cheap ghosts.' }),
    kernel: oddKernel.default(1),
    dwKernel: oddKernel.default(3).meta({ label: 'Cheap kernel d' }),
    stride: positiveInt.default(1),
    relu: z.boolean().default(true).meta({ label: 'ReLU after each conv' }),
  })
  // The cheap conv is depthwise with s − 1 maps per intrinsic map, so c − m = m(s − 1): s divides c.
  .superRefine((p, ctx) => {
    if (p.outChannels % p.ratio !== 0)
      ctx.addIssue({
        code: 'not_multiple_of',
        divisor: p.ratio,
        input: p.outChannels,
        origin: 'number',
        path: ['outChannels'],
      });
  });

export type GhostModuleParams = z.infer<typeof schema>;

const ghostModuleTorch: BlockTorch<GhostModuleParams> = {
  className: 'GhostModule',
  source: `class GhostModule(nn.Module):
    """GhostNet's Ghost module (Han et al. 2020): a primary conv makes m = c / s intrinsic maps, a
    cheap depthwise d×d conv makes s − 1 ghosts of each (the other c − m maps); both concatenated."""

    def __init__(self, in_channels, out_channels, ratio=2, kernel=1, dw_kernel=3, stride=1, relu=True):
        super().__init__()
        init_channels = out_channels // ratio
        act = nn.ReLU if relu else None
        self.primary_conv = conv_bn_act(in_channels, init_channels, kernel, stride, act=act)
        self.cheap_operation = conv_bn_act(
            init_channels, out_channels - init_channels, dw_kernel, 1, init_channels, act=act
        )

    def forward(self, x):
        x1 = self.primary_conv(x)
        return torch.cat([x1, self.cheap_operation(x1)], 1)`,
  helpers: ['conv_bn_act'],
  construct: (p, inputs) =>
    pyCall(
      'GhostModule',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['ratio', p.ratio, 2],
        ['kernel', p.kernel, 1],
        ['dw_kernel', p.dwKernel, 3],
        ['stride', p.stride, 1],
        ['relu', p.relu, true],
      ],
    ),
  modulePath: convBnPath,
};

/**
 * GhostNet's Ghost module (Han et al., CVPR 2020): an ordinary conv's output maps are largely
 * alike, so only m = ⌈c/s⌉ of them come from a primary conv and the other c − m are cheap
 * depthwise transforms of those. Against a k×k conv to c maps it needs about s times fewer
 * multiply-adds and params (Eq. 4 and 5).
 */
export const ghostModule = {
  kind: 'GhostModule',
  title: 'Ghost module',
  description: 'A primary conv makes c/s maps, a cheap depthwise conv makes the rest; concatenated.',
  paper: { ref: 'Han et al. 2020, GhostNet: More Features from Cheap Operations, CVPR' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const g = new GraphBuilder();
    const ghost = addGhost(g, [], '', p);
    return ok(g.subgraph([[ghost.entry]], [ghost.out]));
  },
  summary: (p) =>
    [
      `c=${p.outChannels}`,
      `s=${p.ratio}`,
      `d${p.dwKernel}`,
      ...(p.stride === 1 ? [] : [`s${p.stride}`]),
    ].join(' '),
  widthFields: ['outChannels'],
  recognise: (r) => {
    const [primary, cheap] = r.convs;
    if (r.convs.length !== 2 || primary === undefined || cheap === undefined || r.count('Concat') !== 1)
      return [];
    // The cheap conv is grouped by the primary's maps: s − 1 ghosts of each.
    if (cheap.groups !== primary.outChannels || cheap.outChannels % primary.outChannels !== 0) return [];
    return [
      {
        outChannels: r.outChannels,
        ratio: cheap.outChannels / primary.outChannels + 1,
        kernel: primary.kernel[0],
        dwKernel: cheap.kernel[0],
        stride: primary.stride[0],
        relu: r.count('ReLU') > 0,
      },
    ];
  },
  pytorch: ghostModuleTorch,
  conformance: [
    { name: 'GhostNet s=2, d=3', params: { outChannels: 32 } },
    { name: 's=3, d=5, no ReLU', params: { outChannels: 24, ratio: 3, dwKernel: 5, relu: false } },
    { name: '3×3 primary, stride 2', params: { outChannels: 16, kernel: 3, stride: 2 } },
  ],
} satisfies BlockDef<'GhostModule', typeof schema>;
