import { useMemo, useState } from 'react';
import { useAnalysis } from '../../state/hooks';
import { useStudio } from '../../state/store';
import { nodeAsRun } from '../../state/run-scope';
import { useRunPanel } from './run-store';
import { useRunStanding } from './use-standing';
import { Scatter, type ScatterPoint } from './Scatter';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMs } from '../../i18n/numbers';
import { kindTitle } from '../../i18n/core-text';

interface Row {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly ms: number;
  readonly multiplyAdds: number;
  readonly memoryAccess: number;
}

const SHOWN = 12;

/** Per-node time from onnxruntime's profile, as a list and against multiply-adds and memory access. */
export function NodeTimes() {
  const { t } = useTranslation('run');
  const times = useRunPanel((s) => s.times);
  const backend = useRunPanel((s) => s.result?.backend);
  const scope = useRunPanel((s) => s.result?.scope);
  const documentId = useStudio((s) => s.documentId);
  const standing = useRunStanding();
  const analysis = useAnalysis();
  const selected = useStudio((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : undefined));
  const select = useStudio((s) => s.select);
  const [all, setAll] = useState(false);
  const { rows, total, other } = useMemo(() => {
    if (times === undefined) return { rows: [] as Row[], total: 0, other: 0 };
    const byId = new Map(analysis.design.nodes.map((n) => [n.id, n]));
    const list: Row[] = [];
    for (const [id, ms] of Object.entries(times.byNode)) {
      const node = byId.get(id);
      const cost = analysis.nodes.get(id)?.cost;
      // A node that changed since the run has no time of its own any more.
      if (node === undefined || cost === undefined || !nodeAsRun(scope, documentId, analysis.design, id))
        continue;
      list.push({
        id,
        label: node.label,
        kind: node.kind,
        ms,
        multiplyAdds: cost.multiplyAdds,
        memoryAccess: cost.memoryAccess,
      });
    }
    list.sort((a, b) => b.ms - a.ms);
    return { rows: list, total: times.total, other: times.unattributed };
  }, [times, analysis, scope, documentId]);
  if (times === undefined || standing === 'other') return null;
  const points = (x: (r: Row) => number): ScatterPoint[] =>
    rows.map((r) => ({ id: r.id, label: r.label, x: x(r), y: r.ms }));
  const onSelect = (id: string) => {
    select([id]);
  };
  return (
    <section
      className={standing === 'earlier' ? 'run-section run-earlier' : 'run-section'}
      aria-labelledby="run-nodes-title"
    >
      <h3 id="run-nodes-title">{t('nodes.title')}</h3>
      {standing === 'earlier' && <p className="run-stale">{t('nodes.earlier')}</p>}
      <p className="run-hint">
        {other > 0
          ? t('nodes.hintLayout', { total: formatMs(total), other: formatMs(other) })
          : t('nodes.hint', { total: formatMs(total) })}
        {backend === 'webgpu' && ` ${t('nodes.webgpu')}`}
      </p>
      <ol className="run-node-list" aria-label={t('nodes.label')}>
        {(all ? rows : rows.slice(0, SHOWN)).map((r) => (
          <li key={r.id} aria-current={r.id === selected ? 'true' : undefined}>
            <button
              type="button"
              onClick={() => {
                onSelect(r.id);
              }}
              title={t('nodes.nodeTitle', {
                kind: kindTitle(r.kind),
                madds: formatCount(r.multiplyAdds),
                mac: formatCount(r.memoryAccess),
              })}
            >
              <span className="run-node-name">{r.label}</span>
              <span className="run-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(0.5, (r.ms / (rows[0]?.ms ?? 1)) * 100)}%` }} />
              </span>
              <span className="run-node-ms">{formatMs(r.ms)}</span>
            </button>
          </li>
        ))}
      </ol>
      {rows.length > SHOWN && (
        <button
          type="button"
          className="run-link"
          onClick={() => {
            setAll(!all);
          }}
        >
          {all ? t('nodes.fewer') : t('nodes.all', { n: rows.length })}
        </button>
      )}
      <div className="run-scatters">
        <Scatter
          points={points((r) => r.multiplyAdds)}
          xLabel={t('nodes.madds')}
          selected={selected}
          onSelect={onSelect}
        />
        <Scatter
          points={points((r) => r.memoryAccess)}
          xLabel={t('nodes.memory')}
          selected={selected}
          onSelect={onSelect}
        />
      </div>
    </section>
  );
}
