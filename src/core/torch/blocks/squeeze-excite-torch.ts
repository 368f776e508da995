import type { BlockParams } from '../../kind-types';
import { pyCall } from '../python';
import type { BlockTorch } from '../torch-types';

type SqueezeExciteParams = BlockParams<'SqueezeExcite'>;

/** The class is the shared SqueezeExcite helper (InvertedResidual uses it too). */
export const squeezeExciteTorch: BlockTorch<SqueezeExciteParams> = {
  className: 'SqueezeExcite',
  source: '',
  helpers: ['SqueezeExcite'],
  construct: (p, inputs) =>
    pyCall(
      'SqueezeExcite',
      [inputs[0]?.[1] ?? 0],
      [
        ['squeeze_channels', p.squeezeChannels ?? null, null],
        ['reduction', p.reduction, 4],
        ['divisor', p.divisor, 8],
        ['gate', p.gate, 'hardsigmoid'],
      ],
    ),
  modulePath: (inner) => inner,
};
