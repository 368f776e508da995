import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type FireParams = BlockParams<'Fire'>;

export const fireTorch: BlockTorch<FireParams> = {
  className: 'Fire',
  source: `class Fire(nn.Module):
    """SqueezeNet's Fire module (Iandola et al. 2016): a 1×1 squeeze to few channels, then 1×1 and
    3×3 expand convs side by side, concatenated; ReLU after each conv."""

    def __init__(self, in_channels, squeeze, expand1x1, expand3x3):
        super().__init__()
        self.squeeze1x1 = nn.Conv2d(in_channels, squeeze, 1)
        self.expand1x1 = nn.Conv2d(squeeze, expand1x1, 1)
        self.expand3x3 = nn.Conv2d(squeeze, expand3x3, 3, padding=1)
        self.relu = nn.ReLU()

    def forward(self, x):
        x = self.relu(self.squeeze1x1(x))
        return torch.cat([self.relu(self.expand1x1(x)), self.relu(self.expand3x3(x))], 1)`,
  helpers: [],
  construct: (p, inputs) => pyCall('Fire', [inputs[0]?.[1] ?? 0, p.squeeze, p.expand1x1, p.expand3x3]),
  modulePath: (inner) => inner,
};
