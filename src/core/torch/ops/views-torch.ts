import { pyCall } from '../python';
import type { OpTorch } from '../torch-types';

export const flattenTorch: OpTorch<object> = { form: 'module', module: () => 'nn.Flatten()' };

/** Dropout zeroes activations while training and is the identity in eval mode, as in the design. */
export const dropoutTorch: OpTorch<{ readonly p: number }> = {
  form: 'module',
  module: (p) => pyCall('nn.Dropout', [p.p]),
};

export const softmaxTorch: OpTorch<object> = {
  form: 'module',
  module: () => 'nn.Softmax(dim=1)',
};
