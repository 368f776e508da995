import type { OpParams } from '../../layers/registry';
import { pair, pyCall, type PyValue } from '../python';
import type { OpTorch } from '../types';

/** PyTorch's stride defaults to the kernel size. */
const window = (p: OpParams<'MaxPool'>): [string, PyValue, PyValue][] => [
  ['stride', pair(p.stride), pair(p.kernel)],
  ['padding', pair(p.padding), 0],
  ['ceil_mode', p.ceilMode, false],
];

export const maxPoolTorch: OpTorch<OpParams<'MaxPool'>> = {
  form: 'module',
  module: (p) => pyCall('nn.MaxPool2d', [pair(p.kernel)], window(p)),
};

export const avgPoolTorch: OpTorch<OpParams<'AvgPool'>> = {
  form: 'module',
  module: (p) =>
    pyCall('nn.AvgPool2d', [pair(p.kernel)], [...window(p), ['count_include_pad', p.countIncludePad, true]]),
};

export const globalAvgPoolTorch: OpTorch<OpParams<'GlobalAvgPool'>> = {
  form: 'module',
  module: () => 'nn.AdaptiveAvgPool2d(1)',
};
