import type { DesignNode, Edge, PortRef } from './design-types';

/**
 * What a block expands to: nodes (primitives or nested blocks) with ids local to the block,
 * the edges between them, where each block input enters and where each block output leaves.
 */
export interface Subgraph {
  readonly nodes: readonly DesignNode[];
  readonly edges: readonly Edge[];
  /** For each input port of the block, the inner ports it feeds. */
  readonly inputs: readonly (readonly PortRef[])[];
  /** For each output port of the block, the inner port that produces it. */
  readonly outputs: readonly PortRef[];
}
