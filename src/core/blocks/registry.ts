import type { z } from 'zod';
import type { BlockDef } from './types';
import { fire } from './fire';

/** The one table of compact blocks. Adding one means adding its file and a line here. */
export const blockRegistry = {
  Fire: fire,
} as const;

export type BlockKind = keyof typeof blockRegistry;
export type BlockSchemaOf<K extends BlockKind> = (typeof blockRegistry)[K]['schema'];
export type BlockParams<K extends BlockKind> = z.infer<BlockSchemaOf<K>>;
export type BlockParamsInput<K extends BlockKind> = z.input<BlockSchemaOf<K>>;

const checked: { [K in BlockKind]: BlockDef<K, BlockSchemaOf<K>> } = blockRegistry;

export const blockKinds = Object.keys(blockRegistry) as BlockKind[];
export const isBlockKind = (k: string): k is BlockKind => Object.hasOwn(blockRegistry, k);

export function blockDef<K extends BlockKind>(kind: K): BlockDef<K, BlockSchemaOf<K>> {
  return checked[kind];
}
