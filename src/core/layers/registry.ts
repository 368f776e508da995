import type { z } from 'zod';
import { batchNorm } from './batchnorm';
import { channelShuffle, channelSplit, shift, sparseShift } from './channel';
import { conv2d } from './conv2d';
import { hardSigmoid, hardSwish, relu, relu6, sigmoid } from './elementwise';
import { input } from './input';
import { linear } from './linear';
import { add, concat, multiply } from './merge';
import { opaque } from './opaque';
import { output } from './output';
import { avgPool, globalAvgPool, maxPool } from './pooling';
import type { OpDef } from './types';
import { dropout, flatten, softmax } from './views';

/** The one table of primitive ops. Adding a kind means adding its file and a line here. */
export const opRegistry = {
  Input: input,
  Conv2d: conv2d,
  BatchNorm: batchNorm,
  ReLU: relu,
  ReLU6: relu6,
  HardSwish: hardSwish,
  HardSigmoid: hardSigmoid,
  Sigmoid: sigmoid,
  MaxPool: maxPool,
  AvgPool: avgPool,
  GlobalAvgPool: globalAvgPool,
  Linear: linear,
  Flatten: flatten,
  Dropout: dropout,
  Add: add,
  Multiply: multiply,
  Concat: concat,
  ChannelShuffle: channelShuffle,
  ChannelSplit: channelSplit,
  Shift: shift,
  SparseShift: sparseShift,
  Softmax: softmax,
  Output: output,
  Opaque: opaque,
} as const;

export type OpKind = keyof typeof opRegistry;
export type OpSchemaOf<K extends OpKind> = (typeof opRegistry)[K]['schema'];
export type OpParams<K extends OpKind> = z.infer<OpSchemaOf<K>>;
/** Params as written by hand: every field optional, defaults filled in by the schema. */
export type OpParamsInput<K extends OpKind> = z.input<OpSchemaOf<K>>;

// The compiler checks every entry against the OpDef contract, keyed by its own name.
const checked: { [K in OpKind]: OpDef<K, OpSchemaOf<K>> } = opRegistry;

export const opKinds = Object.keys(opRegistry) as OpKind[];

export function opDef<K extends OpKind>(kind: K): OpDef<K, OpSchemaOf<K>> {
  return checked[kind];
}
