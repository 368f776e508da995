import pkg from '../../../package.json' with { type: 'json' };

export const PRODUCER = 'Compact Studio';
export const PRODUCER_VERSION: string = pkg.version;

/** Opsets the exporter writes: 13 (Split and Clip take inputs) up to the newest onnxruntime 1.30 runs (tested). */
export const MIN_OPSET = 13;
export const MAX_OPSET = 25;
export const DEFAULT_OPSET = 17;

/** The IR version that goes with each opset (onnx/onnx docs/Versioning.md). */
export function irVersionFor(opset: number): number {
  if (opset <= 14) return 7;
  if (opset <= 18) return 8;
  if (opset <= 20) return 9;
  if (opset <= 22) return 10;
  if (opset <= 23) return 11;
  return 12;
}

/** Keys of the model's metadata_props. */
export const META = {
  design: 'compact-studio.design',
  seed: 'compact-studio.seed',
  batchNorm: 'compact-studio.batch_norm',
  shift: 'compact-studio.shift',
  /** Weight density of each sparse conv and linear layer, a JSON object keyed by layer name. */
  density: 'compact-studio.density',
  stochasticDepth: 'compact-studio.stochastic_depth',
  lccl: 'compact-studio.lccl',
  expander: 'compact-studio.expander',
  nested: 'compact-studio.nested',
} as const;

/** How the shift metadata starts when shifts are written as fixed depthwise convs (the default). */
export const SHIFT_AS_CONV = 'fixed depthwise conv';
