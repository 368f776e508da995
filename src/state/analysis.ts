import { analyze } from '../core/analysis/analyze';
import type { Analysis } from '../core/analysis/analysis-types';
import type { Design } from '../core/design/design-types';

const cache = new WeakMap<Design, Analysis>();

/** analyze(design), computed once per design value: every edit makes a new design object. */
export function analysisOf(design: Design): Analysis {
  let result = cache.get(design);
  if (result === undefined) {
    result = analyze(design);
    cache.set(design, result);
  }
  return result;
}
