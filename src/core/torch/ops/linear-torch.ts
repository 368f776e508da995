import { pyCall } from '../python';
import type { OpTorch } from '../torch-types';
import { sparseComment } from './sparse-comment';

interface LinearForm {
  readonly outFeatures: number;
  readonly bias: boolean;
  readonly density: number;
}

/** nn.Linear; a sparse one (density below 1) is the dense module with a masked weight. */
export const linearTorch: OpTorch<LinearForm> = {
  form: 'module',
  module: (p, inputs) => pyCall('nn.Linear', [inputs[0]?.[1] ?? 0, p.outFeatures], [['bias', p.bias, true]]),
  comment: (p, inputs) => sparseComment(p.density, p.outFeatures * (inputs[0]?.[1] ?? 0)),
};
