import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type LcclParams = BlockParams<'LcclConv'>;

export const lcclConvTorch: BlockTorch<LcclParams> = {
  className: 'LcclConv',
  source: `class LcclConv(nn.Module):
    """A k×k conv with a low-cost collaborative layer (Dong et al. 2017, "More is less"): a 1×1 conv
    (with bias) to the same channels and stride; the output is the product of the two ReLU outputs,
    so wherever the cheap layer gives 0 the main conv's value is not needed. Computed in full here, as
    in the ONNX export; a kernel that skips those positions saves (1 - z) of the main conv, z being
    the share of zeros. zero_ratio is the design's hand-set z: documentation, not used."""

    def __init__(self, in_channels, out_channels, kernel=3, stride=1, zero_ratio=0.5):
        super().__init__()
        self.zero_ratio = zero_ratio
        self.main = nn.Conv2d(in_channels, out_channels, kernel, stride, kernel // 2, bias=False)
        self.lccl = nn.Conv2d(in_channels, out_channels, 1, stride)
        self.main_relu = nn.ReLU()
        self.lccl_relu = nn.ReLU()

    def forward(self, x):
        return self.main_relu(self.main(x)) * self.lccl_relu(self.lccl(x))`,
  helpers: [],
  construct: (p, inputs) =>
    pyCall(
      'LcclConv',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['kernel', p.kernel, 3],
        ['stride', p.stride, 1],
        ['zero_ratio', p.zeroRatio, 0.5],
      ],
    ),
  // The weighted inner layers' labels (main, lccl) are the attribute names.
  modulePath: (inner) => inner,
};
