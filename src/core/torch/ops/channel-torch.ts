import { py, pyCall } from '../python';
import type { OpTorch } from '../torch-types';

export const channelShuffleTorch: OpTorch<{ readonly groups: number }> = {
  form: 'module',
  module: (p) => pyCall('ChannelShuffle', [p.groups]),
  helpers: ['ChannelShuffle'],
};

/** Equal parts as `chunk`, explicit sizes as `split`: both give a tuple of the outputs in port order. */
export const channelSplitTorch: OpTorch<{ readonly parts: number; readonly sizes: readonly number[] }> = {
  form: 'call',
  call: (p, [x = '']) =>
    p.sizes.length > 0 ? `torch.split(${x}, ${py([...p.sizes])}, dim=1)` : `${x}.chunk(${p.parts}, dim=1)`,
};
