import type { Analysis } from '../core/analysis/analysis-types';
import type { Design } from '../core/design/design-types';
import { weightsOrigin, type WeightsOrigin } from '../core/onnx/onnx-weights';
import { analysisOf } from './analysis';
import { useStudio } from './store';

/** The analysis of the current design, computed once per edit. */
export function useAnalysis(): Analysis {
  return useStudio((s) => analysisOf(s.design));
}

const origins = new WeakMap<Design, WeightsOrigin>();

/** Where a design's weights come from, computed once per design value. */
export function weightsOriginOf(design: Design): WeightsOrigin {
  let origin = origins.get(design);
  if (origin === undefined) {
    origin = weightsOrigin(design, analysisOf(design));
    origins.set(design, origin);
  }
  return origin;
}

/** Where the current design's weights come from (imported, fresh after edits, or seeded). */
export function useWeightsOrigin(): WeightsOrigin {
  return useStudio((s) => weightsOriginOf(s.design));
}
