import type { OpParams } from '../../kind-types';
import { pair, pyCall } from '../python';
import type { OpTorch } from '../torch-types';

type LookupConvParams = OpParams<'LookupConv'>;

/**
 * LCNN as the LookupConv helper: `dictionary`, a 1×1 nn.Conv2d Cin → k without bias, then `lookup`,
 * the kh×kw nn.Conv2d k → Cout whose weight (in the .safetensors file, as in the ONNX export) keeps
 * s non-zeros per filter position.
 */
export const lookupConvTorch: OpTorch<LookupConvParams> = {
  form: 'module',
  module: (p, inputs) =>
    pyCall(
      'LookupConv',
      [inputs[0]?.[1] ?? 0, p.outChannels, pair(p.kernel)],
      [
        ['dictionary_size', p.dictionarySize],
        ['lookups', p.lookups],
        ['stride', pair(p.stride), 1],
        ['padding', pair(p.padding), 0],
        ['dilation', pair(p.dilation), 1],
        ['bias', p.bias, false],
      ],
    ),
  helpers: ['LookupConv'],
  note: 'LookupConv (LCNN) is its two convs, the 1×1 dictionary and the kh×kw lookups; PyTorch has no lookup kernel, so the lookup weight is dense with s non-zeros per filter position (mask its gradient to keep the pattern when training).',
};
