import type { OpParams } from '../../kind-types';
import { pyCall } from '../python';
import type { OpTorch } from '../torch-types';

type VersatileParams = OpParams<'VersatileConv'>;

/**
 * VersatileConv2d: the primary filters are its only weights (so PyTorch counts the effective
 * params); forward writes the secondary filters out and runs one conv, which torch.onnx.export
 * folds into the same dense Conv the ONNX export writes.
 */
export const versatileTorch: OpTorch<VersatileParams> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'VersatileConv2d',
      [inputs[0]?.[1] ?? 0, p.outChannels, p.kernel],
      [
        ['stride', p.stride, 1],
        ['padding', p.padding, 0],
        ['bias', p.bias, true],
        ['delta', p.channelDelta, 0],
        ['g', p.channelStride, 1],
      ],
    ),
  helpers: ['VersatileConv2d'],
  parameters: 'effective',
  note: 'VersatileConv2d holds only the primary filters; its forward writes the secondary filters out as one dense weight (the ONNX export holds that dense weight).',
};
