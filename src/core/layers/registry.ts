import type { z } from 'zod';
import { batchNorm } from './batchnorm';
import { channelShuffle, channelSplit } from './channel';
import { conv2d } from './conv2d';
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
import type { AnyOpDef, ImportPattern, OpDef } from './types';
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

/** The definition of a kind not known statically, its functions taking any valid params. */
export function anyOpDef(kind: OpKind): AnyOpDef {
  return checked[kind];
}

export const isOpKind = (k: string): k is OpKind => Object.hasOwn(opRegistry, k);

/** The ops that can follow a conv as its activation (their traits say so). */
export type ActivationKind = {
  [K in OpKind]: (typeof opRegistry)[K]['traits'] extends { readonly activation: string } ? K : never;
}[OpKind];

/** The short name of an activation, the suffix of its label after a conv ("conv1_relu6"). */
export const activationSuffix = (kind: ActivationKind): string => opRegistry[kind].traits.activation;

export const opsWithTrait = (trait: 'activation' | 'elementwise'): ReadonlySet<OpKind> =>
  new Set(
    opKinds.filter((k) => anyOpDef(k).traits[trait] !== undefined && anyOpDef(k).traits[trait] !== false),
  );

let patterns: ReadonlyMap<string, readonly ImportPattern[]> | undefined;

/** Every op's ONNX import patterns by the ONNX op type they start from, highest priority first. */
export function importPatterns(opType: string): readonly ImportPattern[] {
  if (patterns === undefined) {
    const byType = new Map<string, ImportPattern[]>();
    for (const k of opKinds)
      for (const p of anyOpDef(k).onnx.patterns) byType.set(p.onnx, [...(byType.get(p.onnx) ?? []), p]);
    for (const list of byType.values()) list.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
    patterns = byType;
  }
  return patterns.get(opType) ?? [];
}

/** ONNX op types some op's pattern declares to keep their input's shape. */
export function onnxKeepsShape(opType: string): boolean {
  return importPatterns(opType).some((p) => p.keepsShape === true);
}
