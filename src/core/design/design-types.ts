import type { TrainingResult } from '../document/results';
import type { BlockKind, BlockParams, OpKind, OpParams } from '../kind-types';

export type NodeKind = OpKind | BlockKind;
export type ParamsOf<K extends NodeKind> = K extends OpKind
  ? OpParams<K>
  : K extends BlockKind
    ? BlockParams<K>
    : never;

export interface Position {
  readonly x: number;
  readonly y: number;
}

interface NodeBase {
  readonly id: string;
  /** The name shown on the card and used for ONNX node names; unique within the design. */
  readonly label: string;
  readonly position: Position;
}

/** A node of the design: a primitive op or a compact block, its params typed by its kind. */
export type DesignNode = {
  [K in NodeKind]: NodeBase & { readonly kind: K; readonly params: ParamsOf<K> };
}[NodeKind];
export type NodeOfKind<K extends NodeKind> = Extract<DesignNode, { kind: K }>;

/** Ports are numbered from 0 in the order the op or block defines them. */
export interface PortRef {
  readonly node: string;
  readonly port: number;
}

export interface Edge {
  readonly id: string;
  readonly from: PortRef;
  readonly to: PortRef;
}

/**
 * Weights that came with an imported model, so they survive import → design.json → export.
 * Keyed by stable identity (LayerInfo.key: node id, then the inner path a block gives its
 * primitives, "n7/expand"), never by label: renaming or moving a layer keeps its weights.
 * Layers without an entry hold seeded He initialisation.
 */
export interface DesignWeights {
  /** Where the values came from: the imported file's name. */
  readonly source: string;
  /**
   * Layer key → role ("weight", "bias", "running_mean", ...) → the values. In memory, in
   * IndexedDB and between workers they are float32 arrays (transferred, never copied as text);
   * only a design document's JSON holds them as base64 of little-endian float32.
   */
  readonly layers: Readonly<Record<string, Readonly<Record<string, Float32Array>>>>;
}

/**
 * Stochastic depth (Huang et al. 2016) on the design's residual blocks: the survival probability of
 * the last one (the linear-decay rule gives the others) and per-block overrides, by node id.
 */
export interface StochasticDepthSettings {
  readonly lastSurvival: number;
  readonly survival?: Readonly<Record<string, number>>;
}

/** NestedNet (Kim et al. 2018) levels: width multipliers, ascending, the last 1 (the design itself). */
export interface NestedLevels {
  readonly widths: readonly number[];
}

/** The design document: what the user made. Shapes and costs are derived from it, never stored. */
export interface Design {
  readonly name: string;
  readonly nodes: readonly DesignNode[];
  readonly edges: readonly Edge[];
  /** Imported weights (see DesignWeights); absent for designs made by hand. */
  readonly weights?: DesignWeights;
  /** Training-time stochastic depth; absent when the design does not use it. */
  readonly stochasticDepth?: StochasticDepthSettings;
  /** NestedNet levels; absent when the design has one level. */
  readonly nested?: NestedLevels;
  /** Training results (browser or PyTorch), newest last; absent when never trained. */
  readonly results?: readonly TrainingResult[];
}
