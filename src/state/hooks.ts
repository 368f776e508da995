import type { Analysis } from '../core/analysis/types';
import { analysisOf } from './analysis';
import { useStudio } from './store';

/** The analysis of the current design, computed once per edit. */
export function useAnalysis(): Analysis {
  return useStudio((s) => analysisOf(s.design));
}
