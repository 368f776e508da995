import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';
import { convBnPath } from './block-forms-common';

type ShuffleUnitV1Params = BlockParams<'ShuffleUnitV1'>;

export const shuffleUnitV1Torch: BlockTorch<ShuffleUnitV1Params> = {
  className: 'ShuffleUnitV1',
  source: `class ShuffleUnitV1(nn.Module):
    """ShuffleNet unit (Zhang et al. 2018), as the authors' ShuffleV1Block: group 1×1, channel shuffle,
    depthwise 3×3, group 1×1 (bottleneck out/4 wide); stride 1 adds the input, stride 2 concatenates
    a 3×3 average pool of it, so the unit widens without a projection."""

    def __init__(self, in_channels, out_channels, groups=3, stride=1, group_first=True, batch_norm=True):
        super().__init__()
        mid = out_channels // 4
        branch_out = out_channels if stride == 1 else out_channels - in_channels
        self.stride = stride
        self.gconv1 = conv_bn_act(in_channels, mid, 1, groups=groups if group_first else 1, act=nn.ReLU,
                                  batch_norm=batch_norm)
        self.shuffle = ChannelShuffle(groups) if groups > 1 else nn.Identity()
        self.dwconv = conv_bn_act(mid, mid, 3, stride, groups=mid, batch_norm=batch_norm)
        self.gconv2 = conv_bn_act(mid, branch_out, 1, groups=groups, batch_norm=batch_norm)
        self.shortcut_pool = nn.AvgPool2d(3, 2, 1) if stride > 1 else nn.Identity()
        self.relu = nn.ReLU()

    def forward(self, x):
        y = self.gconv2(self.dwconv(self.shuffle(self.gconv1(x))))
        if self.stride == 1:
            return self.relu(y + x)
        return self.relu(torch.cat([self.shortcut_pool(x), y], 1))`,
  helpers: ['conv_bn_act', 'ChannelShuffle'],
  construct: (p, inputs) =>
    pyCall(
      'ShuffleUnitV1',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['groups', p.groups, 3],
        ['stride', p.stride, 1],
        ['group_first', p.groupFirst, true],
        ['batch_norm', p.batchNorm, true],
      ],
    ),
  modulePath: convBnPath,
};
