import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';
import { convBnPath } from './block-forms-common';

type InvertedResidualParams = BlockParams<'InvertedResidual'>;

export const invertedResidualTorch: BlockTorch<InvertedResidualParams> = {
  className: 'InvertedResidual',
  source: `class InvertedResidual(nn.Module):
    """MobileNetV2's inverted residual with a linear bottleneck (Sandler et al. 2018), and
    MobileNetV3's with squeeze-excite and hard-swish (Howard et al. 2019): 1×1 expand (left out when
    it would not widen), depthwise k×k, optional squeeze-excite, 1×1 projection with no activation,
    and the input added back when the output has its shape."""

    def __init__(self, in_channels, out_channels, stride=1, expansion=6, expanded_channels=None, kernel=3,
                 activation="relu6", squeeze_excite=False, batch_norm=True, bn_epsilon=1e-5):
        super().__init__()
        hidden = expanded_channels or max(1, round(in_channels * expansion))
        act = ACTIVATIONS[activation]
        norm = dict(batch_norm=batch_norm, eps=bn_epsilon)
        self.use_residual = stride == 1 and in_channels == out_channels
        if hidden != in_channels:
            self.expand = conv_bn_act(in_channels, hidden, 1, act=act, **norm)
        else:
            self.expand = nn.Identity()
        self.depthwise = conv_bn_act(hidden, hidden, kernel, stride, hidden, act, **norm)
        self.se = SqueezeExcite(hidden) if squeeze_excite else nn.Identity()
        self.project = conv_bn_act(hidden, out_channels, 1, **norm)

    def forward(self, x):
        y = self.project(self.se(self.depthwise(self.expand(x))))
        return x + y if self.use_residual else y`,
  helpers: ['ACTIVATIONS', 'conv_bn_act', 'SqueezeExcite'],
  construct: (p, inputs) =>
    pyCall(
      'InvertedResidual',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['stride', p.stride, 1],
        ...(p.expandedChannels === undefined
          ? ([['expansion', p.expansion, 6]] as const)
          : ([['expanded_channels', p.expandedChannels]] as const)),
        ['kernel', p.kernel, 3],
        ['activation', p.activation, 'relu6'],
        ['squeeze_excite', p.squeezeExcite, false],
        ['batch_norm', p.batchNorm, true],
        ['bn_epsilon', p.bnEpsilon, 1e-5],
      ],
    ),
  // Squeeze-excite primitives are labelled "se.fc1" ... as SqueezeExcite names its modules.
  modulePath: (inner) => (inner.startsWith('se.') ? inner : convBnPath(inner)),
};
