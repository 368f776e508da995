import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';
import { convBnPath } from './block-forms-common';

type DepthwiseSeparableParams = BlockParams<'DepthwiseSeparable'>;

export const depthwiseSeparableTorch: BlockTorch<DepthwiseSeparableParams> = {
  className: 'DepthwiseSeparable',
  source: `class DepthwiseSeparable(nn.Module):
    """MobileNetV1's factorised conv (Howard et al. 2017): a depthwise k×k conv filters each channel
    on its own (and carries the stride), a pointwise 1×1 conv mixes them; BN and ReLU after each."""

    def __init__(self, in_channels, out_channels, stride=1, kernel=3, batch_norm=True):
        super().__init__()
        self.depthwise = conv_bn_act(in_channels, in_channels, kernel, stride, in_channels, nn.ReLU, batch_norm)
        self.pointwise = conv_bn_act(in_channels, out_channels, 1, act=nn.ReLU, batch_norm=batch_norm)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))`,
  helpers: ['conv_bn_act'],
  construct: (p, inputs) =>
    pyCall(
      'DepthwiseSeparable',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['stride', p.stride, 1],
        ['kernel', p.kernel, 3],
        ['batch_norm', p.batchNorm, true],
      ],
    ),
  modulePath: convBnPath,
};
