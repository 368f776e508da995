import { useMemo, useState } from 'react';
import { diffDesigns, type NodeDiff } from '../../core/analysis/diff';
import type { Analysis } from '../../core/analysis/analysis-types';
import { analysisOf } from '../../state/analysis';
import { studio, useStudio } from '../../state/store';
import { CompareTable } from './CompareTable';
import { figureDefs, totalFigures, totalValue } from './figure-defs';
import { useTranslation } from 'react-i18next';
import { formatDelta, formatExact } from '../../i18n/numbers';

function DiffRow({ d, flops }: { d: NodeDiff; flops: boolean }) {
  const { t } = useTranslation('cost');
  const f = flops ? 2 : 1;
  const reveal = d.currentId;
  return (
    <tr className={`cost-diff-${d.status}`} data-status={d.status}>
      <th scope="row">
        {reveal === undefined ? (
          <span className="cost-diff-label">{d.label}</span>
        ) : (
          <button
            type="button"
            className="cost-link"
            onClick={() => {
              studio.getState().revealNode(reveal);
            }}
          >
            {d.label}
          </button>
        )}
        <span className="cost-diff-status">{t(`baseline.status.${d.status}`)}</span>
        {d.changes.length > 0 && <span className="muted cost-diff-changes">{d.changes.join(', ')}</span>}
      </th>
      <td title={`${formatExact(d.base.multiplyAdds * f)} → ${formatExact(d.current.multiplyAdds * f)}`}>
        {formatDelta(d.delta.multiplyAdds * f)}
      </td>
      <td title={`${formatExact(d.base.params)} → ${formatExact(d.current.params)}`}>
        {formatDelta(d.delta.params)}
      </td>
      <td title={`${formatExact(d.base.memoryAccess)} → ${formatExact(d.current.memoryAccess)}`}>
        {formatDelta(d.delta.memoryAccess)}
      </td>
    </tr>
  );
}

function Diff({ base, current }: { base: Analysis; current: Analysis }) {
  const { t } = useTranslation('cost');
  const flops = useStudio((s) => s.showFlops);
  const [showSame, setShowSame] = useState(false);
  const diff = useMemo(() => diffDesigns(base, current), [base, current]);
  const rows = diff.nodes.filter((d) => showSame || d.status !== 'same');
  const count = (s: NodeDiff['status']): number => diff.nodes.filter((d) => d.status === s).length;
  return (
    <>
      <CompareTable
        label={t('baseline.tableLabel')}
        sides={[t('baseline.baseline'), t('baseline.current')]}
        against={t('baseline.against')}
        rows={totalFigures.map((f) => ({
          key: f,
          label: figureDefs[f].label,
          before: totalValue(base, f),
          after: totalValue(current, f),
        }))}
      />
      <p className="cost-diff-summary">
        <span>{t('baseline.matched', { count: count('same') + count('changed') })}</span> ·{' '}
        <span className="cost-diff-changed">{t('baseline.changed', { count: count('changed') })}</span> ·{' '}
        <span className="cost-diff-added">{t('baseline.added', { count: count('added') })}</span> ·{' '}
        <span className="cost-diff-removed">{t('baseline.removed', { count: count('removed') })}</span>
        <label className="cost-inline-check">
          <input
            type="checkbox"
            checked={showSame}
            onChange={(e) => {
              setShowSame(e.target.checked);
            }}
          />{' '}
          {t('baseline.showSame')}
        </label>
      </p>
      {rows.length === 0 ? (
        <p className="muted cost-note">{t('baseline.noDiff')}</p>
      ) : (
        <div className="cost-diff-scroll">
          <table className="cost-diff" aria-label={t('baseline.perBlock')}>
            <thead>
              <tr>
                <th scope="col">{t('baseline.node')}</th>
                <th scope="col">{flops ? t('baseline.deltaFlops') : t('baseline.deltaMadds')}</th>
                <th scope="col">{t('baseline.deltaParams')}</th>
                <th scope="col">{t('baseline.deltaMemory')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <DiffRow key={`${d.baseId ?? ''}:${d.currentId ?? ''}`} d={d} flops={flops} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** A pinned baseline design and the side-by-side diff of the current design against it. */
export function Baseline({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const baseline = useStudio((s) => s.baseline);
  const base = baseline === undefined ? undefined : analysisOf(baseline);
  return (
    <details className="cost-section" open>
      <summary>
        <h3>{t('baseline.title')}</h3>
        {baseline !== undefined && <span className="muted cost-convention">“{baseline.name}”</span>}
      </summary>
      <div className="cost-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            studio.getState().pinBaseline();
          }}
        >
          {baseline === undefined ? t('baseline.pin') : t('baseline.pinAgain')}
        </button>
        {baseline !== undefined && (
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              studio.getState().clearBaseline();
            }}
          >
            {t('baseline.unpin')}
          </button>
        )}
      </div>
      {base === undefined ? (
        <p className="muted cost-note">{t('baseline.hint')}</p>
      ) : (
        <Diff base={base} current={analysis} />
      )}
    </details>
  );
}
