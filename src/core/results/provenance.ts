import type { TrainingResult } from '../document/results';
import type { Design } from '../design/design-types';

/**
 * The training result that describes the design's weights, when they were trained. The Train tab's
 * weights name their result's id as their source, so an import or a later run replaces both together
 * and a stale result never vouches for other weights; the engine's own weights (the command line's)
 * read "<dataset> (trained)", vouched for by the newest result on that dataset.
 */
export function trainedBy(design: Design): TrainingResult | undefined {
  const source = design.weights?.source;
  if (source === undefined) return undefined;
  return (
    design.results?.findLast((r) => r.id === source) ??
    design.results?.findLast((r) => `${r.dataset.name} (trained)` === source)
  );
}
