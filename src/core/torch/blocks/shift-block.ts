import type { ShiftBlockParams } from '../../blocks/shift-block';
import { pyCall } from '../python';
import type { BlockTorch } from '../types';
import { convBnPath } from './common';

export const shiftBlockTorch: BlockTorch<ShiftBlockParams> = {
  className: 'ShiftBlock',
  source: `class ShiftBlock(nn.Module):
    """Conv-shift-conv (Wu et al. 2018), as the authors' ShiftConv: 1×1 + BN + ReLU to
    out·expansion channels, a 3×3 shift (no parameters), 1×1 + BN carrying the stride; the input is
    added back when stride 1 and the widths match, and a ReLU ends the block."""

    def __init__(self, in_channels, out_channels, expansion=1, stride=1):
        super().__init__()
        mid = int(out_channels * expansion)
        self.use_residual = stride == 1 and in_channels == out_channels
        self.expand1x1 = conv_bn_act(in_channels, mid, 1, act=nn.ReLU)
        self.shift = Shift(mid, 3)
        self.project1x1 = conv_bn_act(mid, out_channels, 1, stride)
        self.relu = nn.ReLU()

    def forward(self, x):
        y = self.project1x1(self.shift(self.expand1x1(x)))
        return self.relu(y + x if self.use_residual else y)`,
  helpers: ['conv_bn_act', 'Shift'],
  construct: (p, inputs) =>
    pyCall(
      'ShiftBlock',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['expansion', p.expansion, 1],
        ['stride', p.stride, 1],
      ],
    ),
  modulePath: convBnPath,
};
