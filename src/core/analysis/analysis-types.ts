import type { Diagnostic } from '../diagnostics';
import type { Design } from '../design/design-types';
import type { OpKind } from '../kind-types';
import type { EffectiveCost, OpCost } from '../op-cost';
import type { Shape } from '../shape';

/** One primitive op after blocks are expanded: the unit of the per-layer table. */
export interface LayerInfo {
  readonly index: number;
  /** Unique path of ids: "n5" for a top-level op, "n5/n3" for the third primitive of block n5. */
  readonly id: string;
  /** The top-level design node this layer belongs to. */
  readonly nodeId: string;
  /** Label path, "block3/expand1x1"; ONNX node names follow it. */
  readonly name: string;
  /**
   * Stable identity: the top-level node id, then the inner labels a block gives its primitives
   * ("n5", "n7/expand", "n9/branch2/se.fc1"). Renaming or moving a node never changes it, so
   * imported weights, per-node times and inner diagnostics are keyed by it.
   */
  readonly key: string;
  readonly op: OpKind;
  /** Label of the top-level block this layer comes from, if any. */
  readonly block: string | undefined;
  readonly params: object;
  readonly inputShapes: readonly Shape[];
  readonly outputShapes: readonly Shape[];
  /** Tensor ids read and written; views reuse their input's id. */
  readonly inputTensors: readonly number[];
  readonly outputTensors: readonly number[];
  readonly cost: OpCost;
  /** What the method's own kernel would do, where it differs from `cost` (sparse, lookup, versatile). */
  readonly effective: EffectiveCost | undefined;
  /** The im2col buffer this layer needs when lowered to a GEMM; 0 where it needs none. */
  readonly workspace: number;
}

export interface NodeInfo {
  readonly nodeId: string;
  /** The shape arriving at each input port (undefined where nothing arrives). */
  readonly inputShapes: readonly (Shape | undefined)[];
  /** The shape leaving each output port; undefined when the node could not be analysed. */
  readonly outputShapes: readonly Shape[] | undefined;
  /** Sum over the node's primitives. */
  readonly cost: OpCost;
  /** Indices into Analysis.layers: [first, end). */
  readonly layers: readonly [number, number];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ActivationMemory {
  /** Sum of every tensor written (views not counted again). */
  readonly sum: number;
  /** Most elements alive at once when the layers run in order. */
  readonly peak: number;
  /** The layer at which the peak occurs, -1 for an empty graph. */
  readonly peakLayer: number;
}

export interface Analysis {
  readonly design: Design;
  /** Top-level node ids in the order they run; nodes on a cycle are left out. */
  readonly order: readonly string[];
  readonly nodes: ReadonlyMap<string, NodeInfo>;
  /** Nodes whose result reaches no Output (CS019): counted in the totals, flagged. */
  readonly deadEnds: ReadonlySet<string>;
  readonly layers: readonly LayerInfo[];
  readonly diagnostics: readonly Diagnostic[];
  readonly totals: OpCost;
  readonly activations: ActivationMemory;
}
