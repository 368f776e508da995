import { pair, pyCall, type PyValue } from '../python';
import type { OpTorch } from '../torch-types';

/** PyTorch's stride defaults to the kernel size. */
interface WindowParams {
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly ceilMode: boolean;
}

const window = (p: WindowParams): [string, PyValue, PyValue][] => [
  ['stride', pair(p.stride), pair(p.kernel)],
  ['padding', pair(p.padding), 0],
  ['ceil_mode', p.ceilMode, false],
];

export const maxPoolTorch: OpTorch<WindowParams> = {
  form: 'module',
  module: (p) => pyCall('nn.MaxPool2d', [pair(p.kernel)], window(p)),
};

export const avgPoolTorch: OpTorch<WindowParams & { readonly countIncludePad: boolean }> = {
  form: 'module',
  module: (p) =>
    pyCall('nn.AvgPool2d', [pair(p.kernel)], [...window(p), ['count_include_pad', p.countIncludePad, true]]),
};

export const globalAvgPoolTorch: OpTorch<object> = {
  form: 'module',
  module: () => 'nn.AdaptiveAvgPool2d(1)',
};
