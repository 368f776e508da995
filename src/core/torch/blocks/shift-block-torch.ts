import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';
import { convBnPath } from './block-forms-common';

type ShiftBlockParams = BlockParams<'ShiftBlock'>;

export const shiftBlockTorch: BlockTorch<ShiftBlockParams> = {
  className: 'ShiftBlock',
  source: `class ShiftBlock(nn.Module):
    """Conv-shift-conv (Wu et al. 2018), as the authors' ShiftConv: 1×1 + BN + ReLU to
    out·expansion channels, a 3×3 shift (no parameters), 1×1 + BN carrying the stride; the input is
    added back, through the authors' projection shortcut (1×1 with the stride + BN) when the stride
    is 2 or the width changes, and a ReLU ends the block."""

    def __init__(self, in_channels, out_channels, expansion=1, stride=1):
        super().__init__()
        mid = int(out_channels * expansion)
        self.expand1x1 = conv_bn_act(in_channels, mid, 1, act=nn.ReLU)
        self.shift = Shift(mid, 3)
        self.project1x1 = conv_bn_act(mid, out_channels, 1, stride)
        self.shortcut1x1 = (
            conv_bn_act(in_channels, out_channels, 1, stride)
            if stride != 1 or in_channels != out_channels
            else nn.Identity()
        )
        self.relu = nn.ReLU()

    def forward(self, x):
        y = self.project1x1(self.shift(self.expand1x1(x)))
        return self.relu(y + self.shortcut1x1(x))`,
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
