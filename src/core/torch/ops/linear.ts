import { pyCall } from '../python';
import type { OpTorch } from '../types';

export const linearTorch: OpTorch<{ readonly outFeatures: number; readonly bias: boolean }> = {
  form: 'module',
  module: (p, inputs) => pyCall('nn.Linear', [inputs[0]?.[1] ?? 0, p.outFeatures], [['bias', p.bias, true]]),
};
