import type { OpParams } from '../../kind-types';
import { resolveGroups } from '../../ops/flgc-groups';
import { pair, pyCall } from '../python';
import type { OpTorch } from '../torch-types';

type FlgcParams = OpParams<'FullyLearnableGroupConv'>;

/**
 * A fully learnable group conv with its groups fixed (as after training): the helper class gathers
 * each group's channels, runs one nn.Conv2d per group (`convs.g`) and puts the filters back in
 * their order. The assignment is written out in full, a seeded default as drawn.
 */
export const flgcTorch: OpTorch<FlgcParams> = {
  form: 'module',
  module: (p, inputs) => {
    const r = resolveGroups(p, inputs[0]?.[1] ?? 0);
    const a = r.ok ? r.value : { channelGroups: [], filterGroups: [] };
    return pyCall(
      'LearnableGroupConv2d',
      [[...a.channelGroups], [...a.filterGroups], pair(p.kernel)],
      [
        ['stride', pair(p.stride), 1],
        ['padding', pair(p.padding), 0],
        ['dilation', pair(p.dilation), 1],
        ['bias', p.bias, false],
      ],
    );
  },
  helpers: ['LearnableGroupConv2d'],
};
