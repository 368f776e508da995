import { useState } from 'react';
import { guidelineTitles } from '../../core/analysis/hints';
import type { Analysis } from '../../core/analysis/types';
import { useGuidelineHints } from '../../state/cost-marks';
import { formatCount, formatExact } from '../../ui/figures';
import { studio } from '../../state/store';
import { formatShare } from './format';

const SHOWN = 6;

/** ShuffleNetV2's four guidelines, checked on the design, each with the memory access at stake. */
export function Hints({ analysis }: { analysis: Analysis }) {
  const all = useGuidelineHints();
  const [showAll, setShowAll] = useState(false);
  const total = analysis.totals.memoryAccess;
  // Largest effect first; a long list is cut to the few that matter most.
  const sorted = [...all].sort((a, b) => b.memoryAccessSaving - a.memoryAccessSaving);
  const hints = showAll ? sorted : sorted.slice(0, SHOWN);
  return (
    <details className="cost-section" open>
      <summary>
        <h3>Guideline hints</h3>
        <span className="muted cost-convention">ShuffleNetV2, Ma et al. 2018</span>
        {all.length > 0 && <span className="cost-count">{all.length}</span>}
      </summary>
      {all.length === 0 ? (
        <p className="muted cost-note">
          No guideline is broken: equal 1×1 widths, few groups, little fragmentation, few element-wise ops.
        </p>
      ) : (
        <ul className="cost-hints" aria-label="Guideline hints">
          {hints.map((h, i) => {
            const node = h.nodeId;
            return (
              <li
                key={`${h.guideline}:${h.layer ?? h.nodeId ?? ''}:${i}`}
                className="cost-hint"
                data-guideline={h.guideline}
              >
                <span className={`cost-hint-badge ${h.guideline}`} title={guidelineTitles[h.guideline]}>
                  {h.guideline}
                </span>
                <div>
                  <strong className="cost-hint-title">{guidelineTitles[h.guideline]}</strong>
                  <p>{h.message}</p>
                  <span className="cost-hint-effect" title={`${formatExact(h.memoryAccessSaving)} elements`}>
                    memory access at stake: {formatCount(h.memoryAccessSaving)} (
                    {formatShare(total === 0 ? 0 : h.memoryAccessSaving / total)} of all)
                  </span>
                  {node !== undefined && (
                    <button
                      type="button"
                      className="cost-link"
                      onClick={() => {
                        studio.getState().revealNode(node);
                      }}
                    >
                      Show {analysis.design.nodes.find((n) => n.id === node)?.label ?? node}
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
          {showAll ? `Show the ${SHOWN} largest only` : `Show all ${all.length} hints`}
        </button>
      )}
    </details>
  );
}
