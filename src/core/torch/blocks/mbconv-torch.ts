import type { BlockParams } from '../../kind-types';
import { makeDivisible } from '../../blocks/mobilenet-common';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type MBConvParams = BlockParams<'MBConv'>;

/** The index in `block` of each part of the expansion: the expand layer, when there is one, is 0. */
const parts = ['expand', 'depthwise', 'se', 'project'] as const;

export const mbconvTorch: BlockTorch<MBConvParams> = {
  className: 'MBConv',
  source: `class MBConv(nn.Module):
    """EfficientNet's MBConv (Tan & Le 2019), as torchvision's, with its module names (block.0, …):
    1×1 expand + BN + SiLU (left out when it would not widen), depthwise k×k + BN + SiLU,
    squeeze-excite (SiLU inside, sigmoid gate), 1×1 projection + BN with no activation, and the input
    added back when the output has its shape (stochastic depth is the identity in eval mode)."""

    def __init__(self, in_channels, out_channels, stride=1, expansion=6, expanded_channels=None, kernel=3,
                 squeeze_channels=None, batch_norm=True, bn_epsilon=1e-5):
        super().__init__()
        hidden = expanded_channels or make_divisible(in_channels * expansion, 8)
        norm = dict(batch_norm=batch_norm, eps=bn_epsilon)
        self.use_residual = stride == 1 and in_channels == out_channels
        layers = []
        if hidden != in_channels:
            layers.append(conv_bn_act(in_channels, hidden, 1, act=nn.SiLU, **norm))
        layers.append(conv_bn_act(hidden, hidden, kernel, stride, hidden, nn.SiLU, **norm))
        squeeze = squeeze_channels or max(1, in_channels // 4)
        layers.append(SqueezeExcite(hidden, squeeze, gate="sigmoid", activation="silu"))
        layers.append(conv_bn_act(hidden, out_channels, 1, **norm))
        self.block = nn.Sequential(*layers)

    def forward(self, x):
        y = self.block(x)
        return x + y if self.use_residual else y`,
  helpers: ['conv_bn_act', 'make_divisible', 'SqueezeExcite'],
  construct: (p, inputs) =>
    pyCall(
      'MBConv',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['stride', p.stride, 1],
        ...(p.expandedChannels === undefined
          ? ([['expansion', p.expansion, 6]] as const)
          : ([['expanded_channels', p.expandedChannels]] as const)),
        ['kernel', p.kernel, 3],
        ['squeeze_channels', p.squeezeChannels ?? null, null],
        ['batch_norm', p.batchNorm, true],
        ['bn_epsilon', p.bnEpsilon, 1e-5],
      ],
    ),
  // "expand_bn" → "block.0.1", "se.fc1" → "block.2.fc1"; one index less for each without an expand layer.
  modulePath: (inner, p, inputs) => {
    const cin = inputs[0]?.[1] ?? 0;
    const hidden = p.expandedChannels ?? makeDivisible(cin * p.expansion, 8);
    const shift = hidden === cin ? 1 : 0;
    const dot = inner.indexOf('.');
    const [head, rest] = dot < 0 ? [inner, ''] : [inner.slice(0, dot), inner.slice(dot + 1)];
    if (head === 'se') return `block.${parts.indexOf('se') - shift}.${rest}`;
    const bn = head.endsWith('_bn');
    const part = parts.indexOf((bn ? head.slice(0, -'_bn'.length) : head) as (typeof parts)[number]);
    return `block.${part - shift}.${bn ? 1 : 0}`;
  },
};
