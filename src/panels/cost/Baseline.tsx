import { useMemo, useState } from 'react';
import { diffDesigns, type NodeDiff } from '../../core/analysis/diff';
import type { Analysis } from '../../core/analysis/types';
import { analysisOf } from '../../state/analysis';
import { formatExact } from '../../ui/figures';
import { studio, useStudio } from '../../state/store';
import { CompareTable } from './CompareTable';
import { figureDefs, totalFigures, totalValue } from './figure-defs';
import { formatDelta } from './format';

const statusText: Readonly<Record<NodeDiff['status'], string>> = {
  same: 'same',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
};

function DiffRow({ d, flops }: { d: NodeDiff; flops: boolean }) {
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
        <span className="cost-diff-status">{statusText[d.status]}</span>
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
  const flops = useStudio((s) => s.showFlops);
  const [showSame, setShowSame] = useState(false);
  const diff = useMemo(() => diffDesigns(base, current), [base, current]);
  const rows = diff.nodes.filter((d) => showSame || d.status !== 'same');
  const count = (s: NodeDiff['status']): number => diff.nodes.filter((d) => d.status === s).length;
  return (
    <>
      <CompareTable
        label="Baseline against current design"
        sides={['Baseline', 'Current']}
        against="against the baseline"
        rows={totalFigures.map((f) => ({
          key: f,
          label: figureDefs[f].label,
          before: totalValue(base, f),
          after: totalValue(current, f),
        }))}
      />
      <p className="cost-diff-summary">
        <span>{count('same') + count('changed')} matched</span> ·{' '}
        <span className="cost-diff-changed">{count('changed')} changed</span> ·{' '}
        <span className="cost-diff-added">{count('added')} added</span> ·{' '}
        <span className="cost-diff-removed">{count('removed')} removed</span>
        <label className="cost-inline-check">
          <input
            type="checkbox"
            checked={showSame}
            onChange={(e) => {
              setShowSame(e.target.checked);
            }}
          />{' '}
          show unchanged
        </label>
      </p>
      {rows.length === 0 ? (
        <p className="muted cost-note">No block differs from the baseline.</p>
      ) : (
        <div className="cost-diff-scroll">
          <table className="cost-diff" aria-label="Per-block changes">
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Δ {flops ? 'FLOPs' : 'MAdds'}</th>
                <th scope="col">Δ params</th>
                <th scope="col">Δ mem. access</th>
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
  const baseline = useStudio((s) => s.baseline);
  const base = baseline === undefined ? undefined : analysisOf(baseline);
  return (
    <details className="cost-section" open>
      <summary>
        <h3>Baseline</h3>
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
          {baseline === undefined ? 'Pin as baseline' : 'Pin current instead'}
        </button>
        {baseline !== undefined && (
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              studio.getState().clearBaseline();
            }}
          >
            Unpin
          </button>
        )}
      </div>
      {base === undefined ? (
        <p className="muted cost-note">
          Pin the design as it is now, then edit: every figure and block is compared with it.
        </p>
      ) : (
        <Diff base={base} current={analysis} />
      )}
    </details>
  );
}
