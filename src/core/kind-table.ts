import type { AnyBlockDef } from './blocks/block-types';
import type { AnyOpDef, ImportPattern } from './ops/op-types';
import type { ActivationKind, BlockKind, OpKind } from './kind-types';

export type {
  OpTable,
  BlockTable,
  OpKind,
  OpSchemaOf,
  OpParams,
  OpParamsInput,
  BlockKind,
  BlockSchemaOf,
  BlockParams,
  BlockParamsInput,
  ActivationKind,
} from './kind-types';

/*
 * The kind table as the rest of the core sees it, below the kinds themselves: the kinds' names and
 * params as types, and a lookup by kind at run time. Nothing here imports a kind or a registry.
 *
 * Types: kind-types.ts (re-exported here), filled in by the registries, so the document's types, the
 * builder and the engines name every kind without importing the registry that holds the kinds.
 * Run time: src/core/kinds.ts composes both registries and installs them here, once.
 */

export type KindDef = { readonly op: AnyOpDef } | { readonly block: AnyBlockDef };

interface Installed {
  readonly defs: ReadonlyMap<string, KindDef>;
  readonly patterns: ReadonlyMap<string, readonly ImportPattern[]>;
}

let installed: Installed | undefined;

/** Called once, by src/core/kinds.ts, with the composed registries. */
export function installKinds(ops: readonly AnyOpDef[], blocks: readonly AnyBlockDef[]): void {
  const defs = new Map<string, KindDef>([
    ...ops.map((op): [string, KindDef] => [op.kind, { op }]),
    ...blocks.map((block): [string, KindDef] => [block.kind, { block }]),
  ]);
  const byType = new Map<string, ImportPattern[]>();
  for (const op of ops)
    for (const p of op.onnx.patterns) byType.set(p.onnx, [...(byType.get(p.onnx) ?? []), p]);
  for (const list of byType.values()) list.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  installed = { defs, patterns: byType };
}

function table(): Installed {
  if (installed === undefined)
    throw new Error(
      'The kind table is empty: import src/core/kinds.ts, which composes the registries, first.',
    );
  return installed;
}

/** The definition of a kind, op or block; undefined for a kind nobody knows. */
export const kindDef = (kind: string): KindDef | undefined => table().defs.get(kind);

/** The op definition of a known op kind, its functions taking any valid params. */
export function opDefOf(kind: OpKind): AnyOpDef {
  const def = kindDef(kind);
  if (def === undefined || !('op' in def)) throw new Error(`${kind} is not an op kind`);
  return def.op;
}

/** The block definition of a known block kind, its functions taking any valid params. */
export function blockDefOf(kind: BlockKind): AnyBlockDef {
  const def = kindDef(kind);
  if (def === undefined || !('block' in def)) throw new Error(`${kind} is not a block kind`);
  return def.block;
}

export const isOpKindName = (k: string): k is OpKind => {
  const def = kindDef(k);
  return def !== undefined && 'op' in def;
};

/** The short name of an activation, the suffix of its label after a conv ("conv1_relu6"). */
export const activationSuffix = (kind: ActivationKind): string => opDefOf(kind).traits.activation ?? '';

/** Every op's ONNX import patterns by the ONNX op type they start from, highest priority first. */
export const importPatterns = (opType: string): readonly ImportPattern[] =>
  table().patterns.get(opType) ?? [];

/** The first shape rule an op's import pattern gives for this ONNX op type, if any. */
export const onnxShapeRule = (opType: string): ImportPattern['shape'] =>
  importPatterns(opType).find((p) => p.shape !== undefined)?.shape;

/** ONNX op types some op's pattern declares to keep their input's shape. */
export const onnxKeepsShape = (opType: string): boolean =>
  importPatterns(opType).some((p) => p.keepsShape === true);
