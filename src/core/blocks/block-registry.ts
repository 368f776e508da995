import type { BlockKind, BlockSchemaOf } from '../kind-table';
import type { AnyBlockDef, BlockDef } from './block-types';
import { depthwiseSeparable } from './depthwise-separable';
import { fire } from './fire';
import { invertedResidual } from './inverted-residual';
import { squeezeExcite } from './squeeze-excite';
import { interleavedGroupConv } from './interleaved-group-conv';
import { igcv2 } from './igcv2';
import { basisFilters } from './basis-filters';
import { lcclConv } from './lccl-conv';
import { lowRankConv } from './low-rank-conv';
import { shiftBlock } from './shift-block';
import { shuffleUnitV1 } from './shuffle-unit-v1';
import { shuffleUnitV2 } from './shuffle-unit-v2';
import { stage } from './stage';
import { basicBlock } from './basic-block';
import { bottleneck } from './bottleneck';
import { mbconv } from './mbconv';
import { ghostModule } from './ghost-module';
import { ghostBottleneck } from './ghost-bottleneck';

/** The one table of compact blocks. Adding one means adding its file and a line here. */
export const blockRegistry = {
  Fire: fire,
  DepthwiseSeparable: depthwiseSeparable,
  InvertedResidual: invertedResidual,
  SqueezeExcite: squeezeExcite,
  ShuffleUnitV1: shuffleUnitV1,
  ShuffleUnitV2: shuffleUnitV2,
  InterleavedGroupConv: interleavedGroupConv,
  InterleavedStructuredSparseConv: igcv2,
  ShiftBlock: shiftBlock,
  LowRankConv: lowRankConv,
  BasisFilters: basisFilters,
  Stage: stage,
  MBConv: mbconv,
  BasicBlock: basicBlock,
  Bottleneck: bottleneck,
  LcclConv: lcclConv,
  GhostModule: ghostModule,
  GhostBottleneck: ghostBottleneck,
} as const;

type Blocks = typeof blockRegistry;
// The kind table's types (BlockKind, BlockParams, ...) read the blocks from here without importing this file.
declare module '../kind-types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface BlockTable extends Blocks {}
}
export type { BlockKind, BlockSchemaOf, BlockParams, BlockParamsInput } from '../kind-table';

const checked: { [K in BlockKind]: BlockDef<K, BlockSchemaOf<K>> } = blockRegistry;

export const blockKinds = Object.keys(blockRegistry) as BlockKind[];
export const isBlockKind = (k: string): k is BlockKind => Object.hasOwn(blockRegistry, k);

export function blockDef<K extends BlockKind>(kind: K): BlockDef<K, BlockSchemaOf<K>> {
  return checked[kind];
}

/** The definition of a block kind not known statically, its functions taking any valid params. */
export function anyBlockDef(kind: BlockKind): AnyBlockDef {
  return checked[kind];
}
