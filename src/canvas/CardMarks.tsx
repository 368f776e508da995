import type { Hint } from '../core/analysis/hints';
import { say } from '../i18n/say';
import { useNodeMarks } from '../state/cost-marks';
import { selectNodeTime, selectNodeTimeShare, selectTimesEarlier } from '../state/run-slice';
import { useStudio } from '../state/store';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation('canvas');
  const marks = useNodeMarks(nodeId);
  const ms = useStudio(selectNodeTime(nodeId));
  const share = useStudio(selectNodeTimeShare(nodeId));
  const earlier = useStudio(selectTimesEarlier);
  if (marks.hints.length === 0 && marks.costly.length === 0 && ms === undefined) return null;
  return (
    <div className="card-marks">
      {ms !== undefined && (
        <span
          className={earlier ? 'card-mark time earlier' : 'card-mark time'}
          title={[
            share === undefined
              ? t('time', { ms: ms.toFixed(3) })
              : t('timeShare', { ms: ms.toFixed(3), share: (share * 100).toFixed(1) }),
            ...(earlier ? [t('timeEarlier')] : []),
          ].join(' ')}
          data-testid="node-time"
          data-earlier={earlier ? 'true' : undefined}
        >
          {ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms
          {share === undefined ? '' : ` · ${(share * 100).toFixed(0)}%`}
        </span>
      )}
      {groupByGuideline(marks.hints).map(([guideline, hints]) => (
        <span key={guideline} className="card-mark hint" title={hints.map(say).join('\n')} role="note">
          ⚠ {guideline}
          {hints.length > 1 ? ` ×${String(hints.length)}` : ''}
        </span>
      ))}
      {marks.costly.map((c) => (
        <span
          key={c.figure}
          className="card-mark costly"
          title={t('overBudget', { figure: t(`figures.${c.figure}`), share: (c.share * 100).toFixed(1) })}
          role="note"
        >
          {t('shareOf', { figure: t(`figures.${c.figure}`), share: (c.share * 100).toFixed(0) })}
        </span>
      ))}
    </div>
  );
}
