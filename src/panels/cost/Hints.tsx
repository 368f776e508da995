import { useState } from 'react';
import { say } from '../../i18n/say';
import type { Analysis } from '../../core/analysis/analysis-types';
import { useGuidelineHints } from '../../state/cost-marks';
import { studio } from '../../state/store';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact, formatShare } from '../../i18n/numbers';

const SHOWN = 6;

/** ShuffleNetV2's four guidelines, checked on the design, each with the memory access at stake. */
export function Hints({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const all = useGuidelineHints();
  const [showAll, setShowAll] = useState(false);
  const total = analysis.totals.memoryAccess;
  // Largest effect first; a long list is cut to the few that matter most.
  const sorted = [...all].sort((a, b) => b.memoryAccessSaving - a.memoryAccessSaving);
  const hints = showAll ? sorted : sorted.slice(0, SHOWN);
  return (
    <details className="cost-section" open>
      <summary>
        <h3>{t('hints.title')}</h3>
        <span className="muted cost-convention">{t('hints.source')}</span>
        {all.length > 0 && <span className="cost-count">{all.length}</span>}
      </summary>
      {all.length === 0 ? (
        <p className="muted cost-note">{t('hints.none')}</p>
      ) : (
        <ul className="cost-hints" aria-label={t('hints.title')}>
          {hints.map((h, i) => {
            const node = h.nodeId;
            return (
              <li
                key={`${h.guideline}:${h.layer ?? h.nodeId ?? ''}:${i}`}
                className="cost-hint"
                data-guideline={h.guideline}
              >
                <span className={`cost-hint-badge ${h.guideline}`} title={t(`guidelines.${h.guideline}`)}>
                  {h.guideline}
                </span>
                <div>
                  <strong className="cost-hint-title">{t(`guidelines.${h.guideline}`)}</strong>
                  <p>{say(h)}</p>
                  <span
                    className="cost-hint-effect"
                    title={t('hints.elements', { n: formatExact(h.memoryAccessSaving) })}
                  >
                    {t('hints.atStake', {
                      n: formatCount(h.memoryAccessSaving),
                      share: formatShare(total === 0 ? 0 : h.memoryAccessSaving / total),
                    })}
                  </span>
                  {node !== undefined && (
                    <button
                      type="button"
                      className="cost-link"
                      onClick={() => {
                        studio.getState().revealNode(node);
                      }}
                    >
                      {t('hints.show', {
                        label: analysis.design.nodes.find((n) => n.id === node)?.label ?? node,
                      })}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {all.length > SHOWN && (
        <button
          type="button"
          className="cost-link cost-more"
          onClick={() => {
            setShowAll(!showAll);
          }}
        >
          {showAll ? t('hints.fewer', { n: SHOWN }) : t('hints.all', { n: all.length })}
        </button>
      )}
    </details>
  );
}
