import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';
import { convBnPath } from './block-forms-common';

type ShuffleUnitV2Params = BlockParams<'ShuffleUnitV2'>;

export const shuffleUnitV2Torch: BlockTorch<ShuffleUnitV2Params> = {
  className: 'ShuffleUnitV2',
  source: `class ShuffleUnitV2(nn.Module):
    """ShuffleNetV2 unit (Ma et al. 2018), as the authors' ShuffleV2Block: stride 1 splits the channels
    in halves and runs 1×1, depthwise 3×3, 1×1 on one; stride 2 runs that branch on the whole input
    beside a depthwise 3×3 + 1×1 projection that keeps the input width. Concat, then shuffle."""

    def __init__(self, in_channels, out_channels, stride=1, batch_norm=True):
        super().__init__()
        self.stride = stride
        mid = out_channels // 2
        # The channels the unit passes on beside the branch: half the input, or the projection's.
        kept = in_channels // 2 if stride == 1 else in_channels
        branch_in = in_channels - kept if stride == 1 else in_channels
        if stride > 1:
            self.proj_dw = conv_bn_act(in_channels, in_channels, 3, stride, in_channels, batch_norm=batch_norm)
            self.proj_pw = conv_bn_act(in_channels, in_channels, 1, act=nn.ReLU, batch_norm=batch_norm)
        self.pw1 = conv_bn_act(branch_in, mid, 1, act=nn.ReLU, batch_norm=batch_norm)
        self.dw = conv_bn_act(mid, mid, 3, stride, mid, batch_norm=batch_norm)
        self.pw2 = conv_bn_act(mid, out_channels - kept, 1, act=nn.ReLU, batch_norm=batch_norm)

    def forward(self, x):
        if self.stride == 1:
            kept, x = x.chunk(2, dim=1)
        else:
            kept = self.proj_pw(self.proj_dw(x))
        y = self.pw2(self.dw(self.pw1(x)))
        return channel_shuffle(torch.cat([kept, y], 1), 2)`,
  helpers: ['conv_bn_act', 'ChannelShuffle'],
  construct: (p, inputs) =>
    pyCall(
      'ShuffleUnitV2',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['stride', p.stride, 1],
        ['batch_norm', p.batchNorm, true],
      ],
    ),
  modulePath: convBnPath,
};
