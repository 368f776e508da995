import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type InterleavedGroupConvParams = BlockParams<'InterleavedGroupConv'>;

export const interleavedGroupConvTorch: BlockTorch<InterleavedGroupConvParams> = {
  className: 'InterleavedGroupConv',
  source: `class InterleavedGroupConv(nn.Module):
    """Interleaved group convolution (Zhang et al. 2017, IGC): a 3×3 group conv over L primary
    partitions, a permutation, a 1×1 group conv over M secondary partitions, the permutation back;
    BN and ReLU after, as one linear operator (the authors' plain_igc.py)."""

    def __init__(self, in_channels, out_channels, primary_groups=2, secondary_groups=32, stride=1):
        super().__init__()
        back = out_channels // primary_groups
        permute = primary_groups > 1 and out_channels % primary_groups == 0 and back > 1
        self.primary_gconv = nn.Conv2d(in_channels, out_channels, 3, stride, 1, groups=primary_groups, bias=False)
        self.permute = ChannelShuffle(primary_groups) if permute else nn.Identity()
        self.secondary_gconv = nn.Conv2d(out_channels, out_channels, 1, groups=secondary_groups, bias=False)
        self.permute_back = ChannelShuffle(back) if permute else nn.Identity()
        self.bn = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = self.permute_back(self.secondary_gconv(self.permute(self.primary_gconv(x))))
        return self.relu(self.bn(x))`,
  helpers: ['ChannelShuffle'],
  construct: (p, inputs) =>
    pyCall(
      'InterleavedGroupConv',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['primary_groups', p.primaryGroups, 2],
        ['secondary_groups', p.secondaryGroups, 32],
        ['stride', p.stride, 1],
      ],
    ),
  modulePath: (inner) => inner,
};
