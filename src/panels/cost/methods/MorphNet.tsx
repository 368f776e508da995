import { useState } from 'react';
import { say, sayRefusal } from '../../../i18n/say';
import type { Refusal } from '../../../core/message';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import {
  marginalCosts,
  shrinkProposal,
  type MarginalCost,
  type ShrinkProposal,
} from '../../../core/methods/morphnet-method';
import { studio } from '../../../state/store';
import { formatCount } from '../../../i18n/numbers';

/** MorphNet: the cost of one more channel per layer, widths editable; shrink by batch-norm γ. */
export function MorphNet({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const [rows, setRows] = useState<readonly MarginalCost[] | undefined>(undefined);
  const [threshold, setThreshold] = useState(0.01);
  const [proposal, setProposal] = useState<ShrinkProposal | Refusal | undefined>(undefined);
  const design = analysis.design;
  const refresh = (): void => {
    setRows(marginalCosts(studio.getState().design));
  };
  return (
    <details className="cost-section">
      <summary>
        <h3>{t('methods.morphNet.title')}</h3>
        <span className="muted cost-convention">{t('methods.morphNet.source')}</span>
      </summary>
      <p className="muted cost-note">{t('methods.morphNet.note')}</p>
      <div className="cost-actions">
        <button type="button" onClick={refresh}>
          {t('methods.morphNet.marginal')}
        </button>
      </div>
      {rows !== undefined && (
        <table className="cost-compare" aria-label={t('methods.morphNet.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('methods.morphNet.layer')}</th>
              <th scope="col">{t('methods.morphNet.width')}</th>
              <th scope="col">{t('methods.morphNet.plusMadds')}</th>
              <th scope="col">{t('methods.morphNet.plusParams')}</th>
              <th scope="col">{t('methods.morphNet.plusMemory')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.nodeId}.${r.field}`}>
                <th scope="row">
                  {r.label} <span className="muted">{r.field}</span>
                </th>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`${r.label} ${r.field}`}
                    defaultValue={r.width}
                    onBlur={(e) => {
                      const v = Math.round(Number(e.target.value));
                      if (Number.isFinite(v) && v >= 1 && v !== r.width) {
                        studio.getState().setParams(r.nodeId, { [r.field]: v });
                        refresh();
                      }
                    }}
                  />
                </td>
                {r.tied === undefined ? (
                  <>
                    <td>{formatCount(r.multiplyAdds ?? 0)}</td>
                    <td>{formatCount(r.params ?? 0)}</td>
                    <td>{formatCount(r.memoryAccess ?? 0)}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">
                    {t('methods.morphNet.tied', { reason: say(r.tied) })}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {design.weights !== undefined && (
        <>
          <div className="cost-scale">
            <label htmlFor="morph-threshold">{t('methods.morphNet.threshold')}</label>
            <input
              id="morph-threshold"
              type="number"
              min={0}
              step={0.005}
              value={threshold}
              onChange={(e) => {
                setThreshold(Math.max(0, Number(e.target.value) || 0));
              }}
            />
          </div>
          <div className="cost-actions">
            <button
              type="button"
              onClick={() => {
                setProposal(shrinkProposal(studio.getState().design, threshold));
              }}
            >
              {t('methods.morphNet.propose')}
            </button>
          </div>
        </>
      )}
      {proposal !== undefined && 'error' in proposal && <p className="cost-error">{sayRefusal(proposal)}</p>}
      {proposal !== undefined && !('error' in proposal) && (
        <>
          <ul className="cost-checks" aria-label={t('methods.morphNet.removes')}>
            {proposal.items.map((i) => (
              <li key={i.batchNorm}>
                {i.label}.{i.field}: {i.width} →{' '}
                {i.kept === undefined ? i.width - i.channels.length : i.width}{' '}
                <span className="muted">
                  {i.kept === undefined
                    ? t('methods.morphNet.below', {
                        n: i.channels.length,
                        threshold,
                        batchNorm: i.batchNorm,
                      })
                    : t('methods.morphNet.belowKept', {
                        n: i.channels.length,
                        threshold,
                        batchNorm: i.batchNorm,
                        kept: say(i.kept),
                      })}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted cost-note">
            {t('methods.morphNet.saves', {
              params: formatCount(proposal.before.params - proposal.after.params),
              madds: formatCount(proposal.before.multiplyAdds - proposal.after.multiplyAdds),
            })}
          </p>
          <div className="cost-actions">
            <button
              type="button"
              disabled={proposal.items.every((i) => i.kept !== undefined)}
              onClick={() => {
                studio.getState().replaceDesign(proposal.design);
                setProposal(undefined);
              }}
            >
              {t('methods.morphNet.apply')}
            </button>
          </div>
        </>
      )}
    </details>
  );
}
