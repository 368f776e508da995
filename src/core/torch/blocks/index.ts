import type { BlockKind, BlockParams } from '../../blocks/registry';
import type { BlockTorch } from '../types';
import { depthwiseSeparableTorch } from './depthwise-separable';
import { fireTorch } from './fire';
import { interleavedGroupConvTorch } from './interleaved-group-conv';
import { invertedResidualTorch } from './inverted-residual';
import { lowRankConvTorch } from './low-rank-conv';
import { shiftBlockTorch } from './shift-block';
import { shuffleUnitV1Torch } from './shuffle-unit-v1';
import { shuffleUnitV2Torch } from './shuffle-unit-v2';
import { squeezeExciteTorch } from './squeeze-excite';

/** The PyTorch class of every block kind: a kind without one is a compile error here. */
export const blockTorch: { readonly [K in BlockKind]: BlockTorch<BlockParams<K>> } = {
  Fire: fireTorch,
  DepthwiseSeparable: depthwiseSeparableTorch,
  InvertedResidual: invertedResidualTorch,
  SqueezeExcite: squeezeExciteTorch,
  ShuffleUnitV1: shuffleUnitV1Torch,
  ShuffleUnitV2: shuffleUnitV2Torch,
  InterleavedGroupConv: interleavedGroupConvTorch,
  ShiftBlock: shiftBlockTorch,
  LowRankConv: lowRankConvTorch,
};
