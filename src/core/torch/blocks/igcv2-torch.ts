import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type Igcv2Params = BlockParams<'InterleavedStructuredSparseConv'>;

export const igcv2Torch: BlockTorch<Igcv2Params> = {
  className: 'IGCV2Block',
  source: `class IGCV2Block(nn.Module):
    """Interleaved structured sparse convolution (Xie et al. 2018, IGCV2): a channel-wise 3×3 conv,
    then group_convs group 1×1 convs of branch_channels (K) channels per branch (C/K groups), the
    channel permutation between two of them; every conv keeps the C channels. One linear
    operator, so BN and ReLU come once, at the end."""

    def __init__(self, channels, branch_channels=4, group_convs=3, stride=1):
        super().__init__()
        groups = channels // branch_channels
        self.channelwise3x3 = nn.Conv2d(channels, channels, 3, stride, 1, groups=channels, bias=False)
        self.group1x1 = nn.ModuleList(
            nn.Conv2d(channels, channels, 1, groups=groups, bias=False) for _ in range(group_convs)
        )
        self.permute = ChannelShuffle(groups) if groups > 1 and branch_channels > 1 else nn.Identity()
        self.bn = nn.BatchNorm2d(channels)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = self.group1x1[0](self.channelwise3x3(x))
        for conv in self.group1x1[1:]:
            x = conv(self.permute(x))
        return self.relu(self.bn(x))`,
  helpers: ['ChannelShuffle'],
  construct: (p, inputs) =>
    pyCall(
      'IGCV2Block',
      [inputs[0]?.[1] ?? 0],
      [
        ['branch_channels', p.branchChannels, 4],
        ['group_convs', p.groupConvs, 3],
        ['stride', p.stride, 1],
      ],
    ),
  // The expansion numbers its group convs from 2 (W_2 … W_L): group1x1_N is the list's N − 2.
  modulePath: (inner) => {
    const m = /^group1x1_(\d+)$/.exec(inner);
    return m === null ? inner : `group1x1.${Number(m[1]) - 2}`;
  },
};
