import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type LowRankConvParams = BlockParams<'LowRankConv'>;

export const lowRankConvTorch: BlockTorch<LowRankConvParams> = {
  className: 'LowRankConv',
  source: `class LowRankConv(nn.Module):
    """A k×k conv approximated by two cheaper ones through \`rank\` channels (Jaderberg et al. 2014):
    k×1 then 1×k, each striding along its own axis ("separable"), or a k×k basis then a 1×1
    combination ("basis"). One linear conv: no BN or activation between or after."""

    def __init__(self, in_channels, out_channels, mode="separable", kernel=3, rank=16, stride=1):
        super().__init__()
        self.mode = mode
        pad = kernel // 2
        if mode == "separable":
            self.vertical = nn.Conv2d(in_channels, rank, (kernel, 1), (stride, 1), (pad, 0), bias=False)
            self.horizontal = nn.Conv2d(rank, out_channels, (1, kernel), (1, stride), (0, pad), bias=False)
        else:
            self.basis = nn.Conv2d(in_channels, rank, kernel, stride, pad, bias=False)
            self.combine = nn.Conv2d(rank, out_channels, 1, bias=False)

    def forward(self, x):
        if self.mode == "separable":
            return self.horizontal(self.vertical(x))
        return self.combine(self.basis(x))`,
  helpers: [],
  construct: (p, inputs) =>
    pyCall(
      'LowRankConv',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['mode', p.mode, 'separable'],
        ['kernel', p.kernel, 3],
        ['rank', p.rank, 16],
        ['stride', p.stride, 1],
      ],
    ),
  modulePath: (inner) => inner,
};
