import { pyCall } from '../python';
import type { OpTorch } from '../torch-types';

export const batchNormTorch: OpTorch<{ readonly epsilon: number }> = {
  form: 'module',
  module: (p, inputs) => pyCall('nn.BatchNorm2d', [inputs[0]?.[1] ?? 0], [['eps', p.epsilon, 1e-5]]),
};
