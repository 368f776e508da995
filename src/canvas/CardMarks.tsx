import type { Hint } from '../core/analysis/hints';
import { useNodeMarks } from '../state/cost-marks';
import { selectNodeTime, selectNodeTimeShare } from '../state/run-slice';
import { useStudio } from '../state/store';

const figureNames = {
  multiplyAdds: 'multiply-adds',
  params: 'params',
  peakActivations: 'peak activations',
  memoryAccess: 'memory access',
} as const;

/** One chip per guideline: a block with two G1 convs shows "G1 ×2", both messages on hover. */
function groupByGuideline(hints: readonly Hint[]): [string, Hint[]][] {
  const groups = new Map<string, Hint[]>();
  for (const h of hints) groups.set(h.guideline, [...(groups.get(h.guideline) ?? []), h]);
  return [...groups];
}

/**
 * Marks on a card: ShuffleNetV2 guideline hints and over-budget shares (from the cost panel), and
 * the node's measured time in the last profiled run (from the Run panel).
 */
export function CardMarks({ nodeId }: { nodeId: string }) {
  const marks = useNodeMarks(nodeId);
  const ms = useStudio(selectNodeTime(nodeId));
  const share = useStudio(selectNodeTimeShare(nodeId));
  if (marks.hints.length === 0 && marks.costly.length === 0 && ms === undefined) return null;
  return (
    <div className="card-marks">
      {ms !== undefined && (
        <span
          className="card-mark time"
          title={`Measured in the last run: ${ms.toFixed(3)} ms per inference${share === undefined ? '' : `, ${(share * 100).toFixed(1)}% of the whole`}.`}
          data-testid="node-time"
        >
          {ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms
          {share === undefined ? '' : ` · ${(share * 100).toFixed(0)}%`}
        </span>
      )}
      {groupByGuideline(marks.hints).map(([guideline, hints]) => (
        <span
          key={guideline}
          className="card-mark hint"
          title={hints.map((h) => h.message).join('\n')}
          role="note"
        >
          ⚠ {guideline}
          {hints.length > 1 ? ` ×${String(hints.length)}` : ''}
        </span>
      ))}
      {marks.costly.map((c) => (
        <span
          key={c.figure}
          className="card-mark costly"
          title={`Over the ${figureNames[c.figure]} budget: this node is ${(c.share * 100).toFixed(1)}% of the total.`}
          role="note"
        >
          {(c.share * 100).toFixed(0)}% of {figureNames[c.figure]}
        </span>
      ))}
    </div>
  );
}
