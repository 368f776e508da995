import { formatCount, formatExact } from '../ui/figures';
import { useAnalysis } from '../state/hooks';
import { studio } from '../state/store';

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <span className="status-figure" title={`${formatExact(value)} ${label.toLowerCase()}`}>
      <span className="muted">{label}</span> <strong>{formatCount(value)}</strong>
    </span>
  );
}

/** Diagnostics count and the design's totals (batch 1, elements), always in view. */
export function StatusBar() {
  const analysis = useAnalysis();
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning');
  const first = errors[0] ?? warnings[0];
  const problemText =
    errors.length + warnings.length === 0
      ? 'No problems'
      : [
          errors.length > 0 ? `${errors.length} error${errors.length > 1 ? 's' : ''}` : '',
          warnings.length > 0 ? `${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : '',
        ]
          .filter((s) => s !== '')
          .join(', ');
  return (
    <footer className="status-bar" aria-label="Status">
      <button
        type="button"
        className={`status-problems ${errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok'}`}
        title={first?.message ?? 'The design has no problems'}
        aria-label={`Diagnostics: ${problemText}`}
        disabled={first?.nodeId === undefined}
        onClick={() => {
          if (first?.nodeId !== undefined) studio.getState().select([first.nodeId]);
        }}
      >
        <span className="status-dot" aria-hidden="true" />
        {problemText}
      </button>
      <span className="status-nodes muted">
        {analysis.design.nodes.length} nodes · {analysis.layers.length} layers
      </span>
      <span className="status-figures" aria-label="Totals">
        <Figure label="Params" value={analysis.totals.params} />
        <Figure label="Multiply-adds" value={analysis.totals.multiplyAdds} />
        <Figure label="Memory access" value={analysis.totals.memoryAccess} />
        <Figure label="Peak activations" value={analysis.activations.peak} />
      </span>
      <span className="muted status-convention">batch 1 · elements</span>
    </footer>
  );
}
