import type { AnyBlockDef } from '../blocks/block-types';
import type { Diagnostic, Result } from '../diagnostics';
import type { Subgraph } from '../design/subgraph';
import type { DesignNode, Edge } from '../design/design-types';
import { elements, type Shape } from '../shape';
import type { LayerInfo, NodeInfo } from './analysis-types';

export interface Tensor {
  readonly id: number;
  readonly shape: Shape;
}

/** Where a graph being analysed sits: the top-level design, or inside a block. */
export interface Scope {
  readonly idPrefix: string;
  readonly namePrefix: string;
  /** Prefix of LayerInfo.key inside a block: "n5/" for its primitives, "n5/branch2/" deeper. */
  readonly keyPrefix: string;
  /** The top-level node that owns everything inside this scope (undefined at the top). */
  readonly owner: DesignNode | undefined;
}

/** What one analysis pass over a design collects (the analysis pass, not an inference run). */
export class AnalysisPass {
  readonly layers: LayerInfo[] = [];
  readonly tensorSizes: number[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly nodes = new Map<string, NodeInfo>();

  newTensor(shape: Shape): Tensor {
    const id = this.tensorSizes.length;
    this.tensorSizes.push(elements(shape));
    return { id, shape };
  }
}

export const key = (node: string, port: number): string => `${node}:${port}`;
export const noDiagnostics: readonly Diagnostic[] = [];

// A block's expansion is a pure function of its (immutable) params object and its input shapes, so
// it is kept until the params object is dropped: after an edit only the touched block is rebuilt.
const expansions = new WeakMap<object, Map<string, Result<Subgraph>>>();

export function expandCached(block: AnyBlockDef, params: object, shapes: readonly Shape[]): Result<Subgraph> {
  let byShape = expansions.get(params);
  if (byShape === undefined) {
    byShape = new Map();
    expansions.set(params, byShape);
  }
  const shapeKey = shapes.map((s) => s.join('x')).join(',');
  let r = byShape.get(shapeKey);
  if (r === undefined) {
    r = block.expand(params, shapes);
    byShape.set(shapeKey, r);
  }
  return r;
}

/** What one graph level produced: each node's output tensors, by the node's index. */
export interface LevelResult {
  readonly order: string[];
  readonly index: ReadonlyMap<string, number>;
  readonly produced: readonly (readonly Tensor[] | undefined)[];
}

/** The graph pass (pass-graph.ts), as the node pass calls it for a block's primitives. */
export type AnalyzeLevel = (
  pass: AnalysisPass,
  nodes: readonly DesignNode[],
  edges: readonly Edge[],
  bound: ReadonlyMap<string, Tensor>,
  scope: Scope,
) => LevelResult;
