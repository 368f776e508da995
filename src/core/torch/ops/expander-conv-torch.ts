import type { OpParams } from '../../kind-types';
import { connectionsOf } from '../../methods/expander-graph';
import { pair, pyCall } from '../python';
import type { OpTorch } from '../torch-types';

type ExpanderConvParams = OpParams<'ExpanderConv2d'>;

/**
 * ExpanderConv2d (a small class): index_select over channels then a conv with groups = Cout, the
 * ONNX export's Gather + Conv, with the graph written out as its list of input channels (the same
 * list the ONNX file's Gather holds), so the file needs no copy of the seeded generator.
 */
export const expanderConvTorch: OpTorch<ExpanderConvParams> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'ExpanderConv2d',
      [p.outChannels, p.fanIn, [...connectionsOf(p, inputs[0]?.[1] ?? 0)]],
      [
        ['kernel', pair(p.kernel), 3],
        ['stride', pair(p.stride), 1],
        ['padding', pair(p.padding), 1],
        ['bias', p.bias, false],
      ],
    ),
  helpers: ['ExpanderConv2d'],
  note: 'An expander conv is a small class (ExpanderConv2d): index_select of each output’s D input channels, then a conv with groups = out_channels; the graph is written out as its list of channels.',
};
