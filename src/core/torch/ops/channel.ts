import type { OpParams } from '../../layers/registry';
import { py, pyCall } from '../python';
import type { OpTorch } from '../types';

export const channelShuffleTorch: OpTorch<OpParams<'ChannelShuffle'>> = {
  form: 'module',
  module: (p) => pyCall('ChannelShuffle', [p.groups]),
  helpers: ['ChannelShuffle'],
};

/** Equal parts as `chunk`, explicit sizes as `split`: both give a tuple of the outputs in port order. */
export const channelSplitTorch: OpTorch<OpParams<'ChannelSplit'>> = {
  form: 'call',
  call: (p, [x = '']) =>
    p.sizes.length > 0 ? `torch.split(${x}, ${py([...p.sizes])}, dim=1)` : `${x}.chunk(${p.parts}, dim=1)`,
};

const shiftNote =
  'Shift and SparseShift are pad + slice + concat: no parameters, no multiply-adds (the ONNX export writes them as fixed one-hot depthwise convs unless asked for slices).';

/** Written as pad + slice + concat (no weights), the same channel groups as the ONNX export's. */
export const shiftTorch: OpTorch<OpParams<'Shift'>> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'Shift',
      [inputs[0]?.[1] ?? 0],
      [
        ['kernel', p.kernel, 3],
        ['dilation', p.dilation, 1],
      ],
    ),
  helpers: ['Shift'],
  note: shiftNote,
};

export const sparseShiftTorch: OpTorch<OpParams<'SparseShift'>> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'SparseShift',
      [inputs[0]?.[1] ?? 0],
      [
        ['kernel', p.kernel, 3],
        ['dilation', p.dilation, 1],
        ['fraction', p.fraction, 0.25],
      ],
    ),
  helpers: ['SparseShift'],
  note: shiftNote,
};
