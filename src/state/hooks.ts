import type { Analysis } from '../core/analysis/types';
import type { DesignNode } from '../core/graph/types';
import { analysisOf } from './analysis';
import { useStudio } from './store';

/** The analysis of the current design, computed once per edit. */
export function useAnalysis(): Analysis {
  return useStudio((s) => analysisOf(s.design));
}

/** The one selected design node, if exactly one is selected. */
export function useSelectedNode(): DesignNode | undefined {
  return useStudio((s) => {
    if (s.selectedNodes.length !== 1) return undefined;
    const id = s.selectedNodes[0];
    return s.design.nodes.find((n) => n.id === id);
  });
}
