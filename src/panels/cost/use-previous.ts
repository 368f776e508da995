import { useMemo } from 'react';
import type { Analysis } from '../../core/analysis/analysis-types';
import type { Design } from '../../core/design/design-types';
import { analysisOf } from '../../state/analysis';
import { useHistory, useStudio } from '../../state/store';

/** Same figures for sure: only positions, labels or the name differ (moves, renames). */
export function sameStructure(a: Design, b: Design): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i];
    return m !== undefined && m.id === n.id && m.kind === n.kind && m.params === n.params;
  });
}

/** How far back to look past moves and renames for the last edit that could change a figure. */
const LOOK_BACK = 60;

/** The design before the last edit that could change a figure (skipping moves and renames). */
export function previousDesign(current: Design, past: readonly { design: Design }[]): Design | undefined {
  for (let i = past.length - 1; i >= Math.max(0, past.length - LOOK_BACK); i--) {
    const d = past[i]?.design;
    if (d !== undefined && d !== current && !sameStructure(d, current)) return d;
  }
  return undefined;
}

/** The analysis live deltas compare with: the design as it was before the last edit. */
export function usePreviousAnalysis(): Analysis | undefined {
  const design = useStudio((s) => s.design);
  const past = useHistory((h) => h.pastStates);
  return useMemo(() => {
    const prev = previousDesign(design, past as readonly { design: Design }[]);
    return prev === undefined ? undefined : analysisOf(prev);
  }, [design, past]);
}
