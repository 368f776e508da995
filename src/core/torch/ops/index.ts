import type { OpKind, OpParams } from '../../layers/registry';
import type { OpTorch } from '../types';
import { batchNormTorch } from './batchnorm';
import { channelShuffleTorch, channelSplitTorch, shiftTorch, sparseShiftTorch } from './channel';
import { conv2dTorch } from './conv2d';
import { hardSigmoidTorch, hardSwishTorch, relu6Torch, reluTorch, sigmoidTorch } from './elementwise';
import { inputTorch, opaqueTorch, outputTorch } from './io';
import { linearTorch } from './linear';
import { addTorch, concatTorch, multiplyTorch } from './merge';
import { avgPoolTorch, globalAvgPoolTorch, maxPoolTorch } from './pooling';
import { dropoutTorch, flattenTorch, softmaxTorch } from './views';

/** The PyTorch form of every primitive op: a kind without one is a compile error here. */
export const opTorch: { readonly [K in OpKind]: OpTorch<OpParams<K>> } = {
  Input: inputTorch,
  Conv2d: conv2dTorch,
  BatchNorm: batchNormTorch,
  ReLU: reluTorch,
  ReLU6: relu6Torch,
  HardSwish: hardSwishTorch,
  HardSigmoid: hardSigmoidTorch,
  Sigmoid: sigmoidTorch,
  MaxPool: maxPoolTorch,
  AvgPool: avgPoolTorch,
  GlobalAvgPool: globalAvgPoolTorch,
  Linear: linearTorch,
  Flatten: flattenTorch,
  Dropout: dropoutTorch,
  Add: addTorch,
  Multiply: multiplyTorch,
  Concat: concatTorch,
  ChannelShuffle: channelShuffleTorch,
  ChannelSplit: channelSplitTorch,
  Shift: shiftTorch,
  SparseShift: sparseShiftTorch,
  Softmax: softmaxTorch,
  Output: outputTorch,
  Opaque: opaqueTorch,
};
