import { formatCount, formatExact } from '../ui/figures';
import { useAnalysis } from '../state/hooks';
import { studio, useStudio } from '../state/store';

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
  const weightsNotKept = useStudio((s) => (s.design.weights === undefined ? undefined : s.weightsNotKept));
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
      {weightsNotKept !== undefined && (
        <button
          type="button"
          className="status-problems warning status-weights"
          title={`The imported weights are not kept in this browser (${weightsNotKept}): a reload loses them. Save the design as a file to keep them.`}
          aria-label={`Weights not kept in this browser: ${weightsNotKept}`}
          onClick={() => {
            studio.getState().setSideTab('run');
          }}
        >
          <span className="status-dot" aria-hidden="true" />
          Weights not kept
        </button>
      )}
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
