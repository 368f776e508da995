import { anyBlockDef, blockKinds } from './blocks/block-registry';
import { installKinds } from './kind-table';
import { anyOpDef, opKinds } from './ops/op-registry';

/*
 * The top of the core's kinds: both registries composed into the one kind table (kind-table.ts)
 * that builders, importers and engines read. Kinds sit below this file and never import it; an
 * engine or a tool imports it (or its re-exports) to read the table.
 */
installKinds(opKinds.map(anyOpDef), blockKinds.map(anyBlockDef));

export * from './ops/op-registry';
export * from './blocks/block-registry';
export { activationSuffix, importPatterns, onnxKeepsShape, kindDef, type KindDef } from './kind-table';
