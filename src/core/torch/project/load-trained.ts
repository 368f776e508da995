import type { TrainingResult } from '../../document/results';
import type { Design } from '../../design/design-types';
import { resultFromMetrics, withResult } from './metrics';
import { bindTrainedWeights, decodeSafetensors } from './trained-weights';

export type LoadedTraining =
  | {
      readonly ok: true;
      /** The design with the trained weights (and the result, when metrics were given). */
      readonly design: Design;
      readonly tensors: number;
      readonly values: number;
      readonly layers: number;
      readonly result: TrainingResult | undefined;
    }
  | { readonly ok: false; readonly error: string; readonly keys: readonly string[] };

/**
 * A train.py run back into its design: the weights bound by layer key and shape (all or none),
 * and, from metrics.jsonl when given, a training result recorded on the design. `weightsFile`
 * names the weights' source, as the Run panel and the exports then say it.
 */
export function loadTrained(
  design: Design,
  weights: Uint8Array,
  weightsFile: string,
  metrics?: { readonly text: string; readonly file: string },
): LoadedTraining {
  const decoded = decodeSafetensors(weights, weightsFile);
  if (!decoded.ok) return { ok: false, error: decoded.error, keys: [] };
  const bound = bindTrainedWeights(design, decoded.tensors, weightsFile);
  if (!bound.ok) return bound;
  let next: Design = { ...design, weights: bound.weights };
  let result: TrainingResult | undefined;
  if (metrics !== undefined) {
    const r = resultFromMetrics(metrics.text, next, weightsFile);
    if (!r.ok) return { ok: false, error: `${metrics.file}: ${r.error}`, keys: [] };
    result = r.result;
    next = withResult(next, result);
  }
  return {
    ok: true,
    design: next,
    tensors: bound.tensors,
    values: bound.values,
    layers: bound.layers,
    result,
  };
}
