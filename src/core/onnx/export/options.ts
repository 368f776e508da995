import type { ShiftForm } from './export-context';

/** The choices of an ONNX export; a kind's conformance cases name some of them, so they live apart from the exporter. */
export interface ExportOptions {
  /** ONNX opset, MIN_OPSET to MAX_OPSET; 17 by default. */
  readonly opset?: number;
  /** Seed of the He initialisation of weights the design does not carry; 0 by default. */
  readonly seed?: number;
  /** Fold each batch norm into the conv before it (for deployment); kept by default, ready to train. */
  readonly foldBatchNorm?: boolean;
  /**
   * How shifts are written: 'conv' (default), a fixed one-hot depthwise conv, ran 1.7–2× faster in
   * onnxruntime 1.30 than 'slice' (Pad + Slice + Concat), but tools count its weights and
   * multiply-adds; the metadata says so. 'slice' keeps the file's figures equal to the design's.
   */
  readonly shift?: ShiftForm;
}
