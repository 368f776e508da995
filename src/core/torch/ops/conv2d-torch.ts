import type { OpParams } from '../../kind-types';
import { pair, pyCall } from '../python';
import type { OpTorch } from '../torch-types';
import { sparseComment } from './sparse-comment';

type Conv2dParams = OpParams<'Conv2d'>;

/**
 * nn.Conv2d: depthwise, pointwise and group convs are its `groups` and kernel, as in the design; a
 * direct sparse conv (density below 1) is the dense module with a masked weight.
 */
export const conv2dTorch: OpTorch<Conv2dParams> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'nn.Conv2d',
      [inputs[0]?.[1] ?? 0, p.outChannels, pair(p.kernel)],
      [
        ['stride', pair(p.stride), 1],
        ['padding', pair(p.padding), 0],
        ['dilation', pair(p.dilation), 1],
        ['groups', p.groups, 1],
        ['bias', p.bias, true],
      ],
    ),
  comment: (p, inputs) =>
    sparseComment(p.density, p.outChannels * ((inputs[0]?.[1] ?? 0) / p.groups) * p.kernel[0] * p.kernel[1]),
};
