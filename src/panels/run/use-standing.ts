import { standingOf, type RunStanding } from '../../state/run-scope';
import { useStudio } from '../../state/store';
import { useRunPanel } from './run-store';

/**
 * How the last run stands to the design on the canvas: its own revision, an earlier one of the
 * same document (shown greyed), or another document (not shown at all).
 */
export function useRunStanding(): RunStanding {
  const scope = useRunPanel((s) => s.result?.scope);
  const documentId = useStudio((s) => s.documentId);
  const design = useStudio((s) => s.design);
  return standingOf(scope, documentId, design);
}
