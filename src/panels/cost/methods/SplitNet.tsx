import { useState } from 'react';
import { sayRefusal } from '../../../i18n/say';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import { splitDepthChart, splitNetwork, type SplitDepthPoint } from '../../../core/methods/splitnet-method';
import { layoutDesign } from '../../../canvas/auto-layout';
import { studio, useStudio } from '../../../state/store';
import { formatCount } from '../../../i18n/numbers';
import { SplitTreeForm } from './SplitTreeForm';

/** Params and multiply-adds against split depth, as two lines relative to the unsplit network. */
function DepthChart({
  points,
  whole,
}: {
  points: readonly SplitDepthPoint[];
  whole: { params: number; multiplyAdds: number };
}) {
  const { t } = useTranslation('cost');
  const w = 260;
  const h = 110;
  const maxDepth = Math.max(1, ...points.map((p) => p.depth));
  const line = (f: (p: SplitDepthPoint) => number): string =>
    points
      .map(
        (p) => `${((p.depth / maxDepth) * (w - 10) + 5).toFixed(1)},${(h - 5 - f(p) * (h - 10)).toFixed(1)}`,
      )
      .join(' ');
  return (
    <svg className="cost-chart" width={w} height={h} role="img" aria-label={t('methods.splitNet.chartLabel')}>
      <polyline
        points={line((p) => p.params / whole.params)}
        fill="none"
        stroke="var(--accent)"
        strokeWidth={2}
      />
      <polyline
        points={line((p) => p.multiplyAdds / whole.multiplyAdds)}
        fill="none"
        stroke="var(--text-muted)"
        strokeWidth={2}
        strokeDasharray="4 3"
      />
    </svg>
  );
}

/** SplitNet: from a node on, G disjoint branches and a classifier per class subset. */
export function SplitNet({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const [groups, setGroups] = useState(2);
  const [points, setPoints] = useState<readonly SplitDepthPoint[] | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const selected = useStudio((s) => s.selectedNodes[0]);
  const split = (at: string): void => {
    const r = splitNetwork(studio.getState().design, at, groups);
    if (!r.ok) {
      setMessage(sayRefusal(r));
      return;
    }
    setMessage(undefined);
    setPoints(undefined);
    // Laid out afresh so the branches stand side by side, then the whole tree in view.
    void layoutDesign(r.design).then((d) => {
      studio.getState().replaceDesign(d);
      studio.getState().requestFit();
    });
  };
  return (
    <details className="cost-section">
      <summary>
        <h3>{t('methods.splitNet.title')}</h3>
        <span className="muted cost-convention">{t('methods.splitNet.source')}</span>
      </summary>
      <div className="cost-scale">
        <label htmlFor="split-groups">{t('methods.splitNet.groups')}</label>
        <input
          id="split-groups"
          type="number"
          min={2}
          max={16}
          value={groups}
          onChange={(e) => {
            setGroups(Math.max(2, Math.min(16, Math.round(Number(e.target.value)) || 2)));
          }}
        />
      </div>
      <div className="cost-actions">
        <button
          type="button"
          onClick={() => {
            setPoints(splitDepthChart(studio.getState().design, groups));
          }}
        >
          {t('methods.splitNet.chart')}
        </button>
        <button
          type="button"
          disabled={selected === undefined}
          onClick={() => {
            if (selected !== undefined) split(selected);
          }}
        >
          {t('methods.splitNet.splitSelected')}
        </button>
      </div>
      {message !== undefined && <p className="cost-error">{message}</p>}
      <SplitTreeForm analysis={analysis} />
      {points !== undefined && points.length === 0 && (
        <p className="muted cost-note">{t('methods.splitNet.none', { groups })}</p>
      )}
      {points !== undefined && points.length > 0 && (
        <>
          <DepthChart points={points} whole={analysis.totals} />
          <p className="muted cost-note">{t('methods.splitNet.legend')}</p>
          <table className="cost-compare" aria-label={t('methods.splitNet.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('methods.splitNet.splitAfter')}</th>
                <th scope="col">{t('methods.splitNet.params')}</th>
                <th scope="col">{t('methods.splitNet.multiplyAdds')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('methods.splitNet.notSplit')}</th>
                <td>{formatCount(analysis.totals.params)}</td>
                <td>{formatCount(analysis.totals.multiplyAdds)}</td>
                <td />
              </tr>
              {points.map((p) => (
                <tr key={p.nodeId}>
                  <th scope="row">{p.label}</th>
                  <td>{formatCount(p.params)}</td>
                  <td>{formatCount(p.multiplyAdds)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('methods.splitNet.splitAfterLabel', { label: p.label })}
                      onClick={() => {
                        split(p.nodeId);
                      }}
                    >
                      {t('methods.splitNet.split')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </details>
  );
}
