import type { LayerInfo } from '../../analysis/types';
import type { GraphWriter } from './writer';

/** How a weight is filled when the design carries no imported values for it. */
export type Init =
  { readonly kind: 'he'; readonly fanIn: number } | { readonly kind: 'fill'; readonly value: number };

/** How Shift and SparseShift are written (see shift.ts and the export note). */
export type ShiftForm = 'slice' | 'conv';

/** What an op's emitter gets: the layer, its input tensor names and a way to get weights. */
export interface EmitContext {
  readonly w: GraphWriter;
  readonly layer: LayerInfo;
  /** ONNX tensor names of the layer's inputs, in port order. */
  readonly inputs: readonly string[];
  /** Names to give the layer's outputs, in port order (already reserved). */
  readonly outputs: readonly string[];
  readonly opset: number;
  readonly shift: ShiftForm;
  /** The batch norm that follows this conv and is folded into it (deploy export), if any. */
  readonly foldedBatchNorm: LayerInfo | undefined;
  /** True when this batch norm was folded into the conv before it: emit nothing. */
  readonly folded: boolean;
  /** The values of one weight of a layer: imported when present, else seeded init. */
  values(layer: LayerInfo, role: string, count: number, init: Init): Float32Array;
  /** True when the design carries stored (imported) values for this weight. */
  stored(layer: LayerInfo, role: string): boolean;
  /** The export's seed (sparsity masks and lookup indices are drawn from it). */
  readonly seed: number;
}
