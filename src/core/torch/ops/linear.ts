import type { OpParams } from '../../layers/registry';
import { pyCall } from '../python';
import type { OpTorch } from '../types';

export const linearTorch: OpTorch<OpParams<'Linear'>> = {
  form: 'module',
  module: (p, inputs) => pyCall('nn.Linear', [inputs[0]?.[1] ?? 0, p.outFeatures], [['bias', p.bias, true]]),
};
