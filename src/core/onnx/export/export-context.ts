import type { LayerInfo } from '../../analysis/analysis-types';
import type { WeightSource } from '../layer-weights';
import type { GraphWriter } from './writer';

/** How Shift and SparseShift are written (see shift.ts and the export note). */
export type ShiftForm = 'slice' | 'conv';

/**
 * What an op's emitter gets: the layer, its input tensor names and where weights come from
 * (an emitter takes each weight with layerWeight, the list both exports share).
 */
export interface EmitContext extends WeightSource {
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
}
