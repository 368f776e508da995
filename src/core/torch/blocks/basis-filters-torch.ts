import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type BasisFiltersParams = BlockParams<'BasisFilters'>;

export const basisFiltersTorch: BlockTorch<BasisFiltersParams> = {
  className: 'BasisFilters',
  source: `class BasisFilters(nn.Module):
    """Low-rank basis filters (Ioannou et al. 2016): \`horizontal\` 1×k, \`vertical\` k×1 and
    optionally \`full\` k×k filters applied in parallel, concatenated, and combined by a 1×1 conv.
    Linear, as the conv it replaces: no BN or activation inside."""

    def __init__(self, in_channels, out_channels, kernel=3, horizontal=16, vertical=16, full=0, stride=1):
        super().__init__()
        r = kernel // 2
        self.basis1xk = nn.Conv2d(in_channels, horizontal, (1, kernel), stride, (0, r), bias=False)
        self.basiskx1 = nn.Conv2d(in_channels, vertical, (kernel, 1), stride, (r, 0), bias=False)
        self.basiskxk = nn.Conv2d(in_channels, full, kernel, stride, r, bias=False) if full > 0 else None
        self.combine1x1 = nn.Conv2d(horizontal + vertical + full, out_channels, 1, bias=False)

    def forward(self, x):
        basis = [self.basis1xk(x), self.basiskx1(x)]
        if self.basiskxk is not None:
            basis.append(self.basiskxk(x))
        return self.combine1x1(torch.cat(basis, 1))`,
  helpers: [],
  construct: (p, inputs) =>
    pyCall(
      'BasisFilters',
      [inputs[0]?.[1] ?? 0, p.outChannels],
      [
        ['kernel', p.kernel, 3],
        ['horizontal', p.horizontal, 16],
        ['vertical', p.vertical, 16],
        ['full', p.full, 0],
        ['stride', p.stride, 1],
      ],
    ),
  modulePath: (inner) => inner,
};
