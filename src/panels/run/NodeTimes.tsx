import { useMemo, useState } from 'react';
import { useAnalysis } from '../../state/hooks';
import { useStudio } from '../../state/store';
import { formatCount } from '../../ui/figures';
import { formatMs } from './format';
import { useRunPanel } from './run-store';
import { Scatter, type ScatterPoint } from './Scatter';

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
  const times = useRunPanel((s) => s.times);
  const backend = useRunPanel((s) => s.result?.backend);
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
      if (node === undefined || cost === undefined) continue;
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
  }, [times, analysis]);
  if (times === undefined) return null;
  const points = (x: (r: Row) => number): ScatterPoint[] =>
    rows.map((r) => ({ id: r.id, label: r.label, x: x(r), y: r.ms }));
  const onSelect = (id: string) => {
    select([id]);
  };
  return (
    <section className="run-section" aria-labelledby="run-nodes-title">
      <h3 id="run-nodes-title">Per-node time</h3>
      <p className="run-hint">
        Median of profiled runs; sum {formatMs(total)}
        {other > 0 && `, of which ${formatMs(other)} in layout changes onnxruntime added`}. Profiling adds
        overhead to every node, so these times can sum to more than the latency above; compare nodes with each
        other, not with it.
        {backend === 'webgpu' && ' On WebGPU these are dispatch times, not GPU times.'}
      </p>
      <ol className="run-node-list" aria-label="Time per node">
        {(all ? rows : rows.slice(0, SHOWN)).map((r) => (
          <li key={r.id} aria-current={r.id === selected ? 'true' : undefined}>
            <button
              type="button"
              onClick={() => {
                onSelect(r.id);
              }}
              title={`${r.kind}: ${formatCount(r.multiplyAdds)} multiply-adds, ${formatCount(r.memoryAccess)} memory access`}
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
          {all ? 'Show fewer' : `Show all ${rows.length}`}
        </button>
      )}
      <div className="run-scatters">
        <Scatter
          points={points((r) => r.multiplyAdds)}
          xLabel="multiply-adds"
          selected={selected}
          onSelect={onSelect}
        />
        <Scatter
          points={points((r) => r.memoryAccess)}
          xLabel="memory access"
          selected={selected}
          onSelect={onSelect}
        />
      </div>
    </section>
  );
}
