import type { z } from 'zod';

/*
 * The kind table's types, below everything that names a kind: the kinds' names and params. Nothing here
 * imports anything of the core, so the document's types, the builder, the contract types and each kind's
 * PyTorch form name a kind without an import circle.
 *
 * `OpTable` and `BlockTable` are filled in by the registries (ops/op-registry.ts and blocks/block-registry.ts
 * merge `typeof opRegistry` into them by declaration merging); src/core/kind-table.ts holds the lookup
 * by kind at run time.
 */

/** Every op kind → its definition; declared empty here, merged in by ops/op-registry.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OpTable {}
/** Every block kind → its definition; declared empty here, merged in by blocks/block-registry.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BlockTable {}

type SchemaHolder = { readonly schema: z.ZodType<object> };

export type OpKind = Extract<keyof OpTable, string>;
export type OpSchemaOf<K extends OpKind> = OpTable[K] extends SchemaHolder ? OpTable[K]['schema'] : never;
export type OpParams<K extends OpKind> = z.infer<OpSchemaOf<K>>;
/** Params as written by hand: every field optional, defaults filled in by the schema. */
export type OpParamsInput<K extends OpKind> = z.input<OpSchemaOf<K>>;

export type BlockKind = Extract<keyof BlockTable, string>;
export type BlockSchemaOf<K extends BlockKind> = BlockTable[K] extends SchemaHolder
  ? BlockTable[K]['schema']
  : never;
export type BlockParams<K extends BlockKind> = z.infer<BlockSchemaOf<K>>;
export type BlockParamsInput<K extends BlockKind> = z.input<BlockSchemaOf<K>>;

/** The ops that can follow a conv as its activation (their traits say so). */
export type ActivationKind = {
  [K in OpKind]: OpTable[K] extends { readonly traits: { readonly activation: string } } ? K : never;
}[OpKind];
