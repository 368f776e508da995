import { batchNorm } from './batchnorm';
import { channelShuffle, channelSplit } from './channel';
import { conv2d } from './conv2d';
import { classMerge } from './splitnet-class-merge';
import { fullyLearnableGroupConv } from './flgc';
import { expanderConv2d } from './expander-conv';
import { hardSigmoid, hardSwish, relu, relu6, sigmoid } from './elementwise';
import { input } from './input';
import { linear } from './linear';
import { lookupConv } from './lookup-conv';
import { add, concat, multiply } from './merge';
import { opaque } from './opaque';
import { output } from './output';
import { avgPool, globalAvgPool, maxPool } from './pooling';
import { shift, sparseShift } from './shift';
import { silu } from './silu';
import { versatileConv } from './versatile';
import type { AnyOpDef, OpDef } from './op-types';
import type { OpKind, OpSchemaOf } from '../kind-table';
import { dropout, flatten, softmax } from './views';

/** The one table of primitive ops. Adding a kind means adding its file and a line here. */
export const opRegistry = {
  Input: input,
  Conv2d: conv2d,
  LookupConv: lookupConv,
  FullyLearnableGroupConv: fullyLearnableGroupConv,
  VersatileConv: versatileConv,
  ExpanderConv2d: expanderConv2d,
  BatchNorm: batchNorm,
  ReLU: relu,
  ReLU6: relu6,
  HardSwish: hardSwish,
  HardSigmoid: hardSigmoid,
  Sigmoid: sigmoid,
  SiLU: silu,
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
  ClassMerge: classMerge,
  Shift: shift,
  SparseShift: sparseShift,
  Softmax: softmax,
  Output: output,
  Opaque: opaque,
} as const;

type Ops = typeof opRegistry;
// The kind table's types (OpKind, OpParams, ...) read the ops from here without importing this file.
declare module '../kind-types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OpTable extends Ops {}
}
export type { OpKind, OpSchemaOf, OpParams, OpParamsInput, ActivationKind } from '../kind-table';

// The compiler checks every entry against the OpDef contract, keyed by its own name.
const checked: { [K in OpKind]: OpDef<K, OpSchemaOf<K>> } = opRegistry;

export const opKinds = Object.keys(opRegistry) as OpKind[];

export function opDef<K extends OpKind>(kind: K): OpDef<K, OpSchemaOf<K>> {
  return checked[kind];
}

/** The definition of a kind not known statically, its functions taking any valid params. */
export function anyOpDef(kind: OpKind): AnyOpDef {
  return checked[kind];
}

export const isOpKind = (k: string): k is OpKind => Object.hasOwn(opRegistry, k);

export const opsWithTrait = (trait: 'activation' | 'elementwise'): ReadonlySet<OpKind> =>
  new Set(
    opKinds.filter((k) => anyOpDef(k).traits[trait] !== undefined && anyOpDef(k).traits[trait] !== false),
  );
