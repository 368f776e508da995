import type { BackendChoice } from '../../runtime/protocol';
import { formatMB } from './format';
import { remedyOf, runDesign } from './run-actions';
import { useRunPanel, type Progress } from './run-store';
import { WeightsNote } from './WeightsNote';

const stageText = (p: Progress): string => {
  const of = p.done !== undefined && p.total !== undefined && p.total > 0 ? ` ${p.done}/${p.total}` : '';
  switch (p.stage) {
    case 'load-code':
      return 'Loading the runtime…';
    case 'load-wasm':
      return `Loading the runtime’s WebAssembly… ${formatMB(p.done ?? 0)}${p.total ? ` of ${formatMB(p.total)}` : ''}`;
    case 'export':
      return 'Exporting the design to ONNX…';
    case 'create-session':
      return 'Creating the session…';
    case 'warm-up':
      return `Warming up…${of}`;
    case 'timing':
      return `Timing runs…${of}`;
    case 'profile':
      return 'Measuring per-node times…';
    case 'features':
      return 'Computing feature maps…';
  }
};

/** Short names, so the menu fits the panel at any width; what each does is said under it. */
const backends: readonly { value: BackendChoice; name: string; hint: string }[] = [
  { value: 'auto', name: 'Automatic', hint: 'WebGPU on a real GPU, else WASM.' },
  { value: 'wasm', name: 'WASM (CPU)', hint: 'WebAssembly on the CPU.' },
  { value: 'webgpu', name: 'WebGPU', hint: 'Even on a software adapter, which is far slower than WASM.' },
];

/** Backend switch, the deploy-graph option, the Run button, progress and errors. */
export function RunControls() {
  const backend = useRunPanel((s) => s.backend);
  const fold = useRunPanel((s) => s.foldBatchNorm);
  const running = useRunPanel((s) => s.running);
  const progress = useRunPanel((s) => s.progress);
  const error = useRunPanel((s) => s.error);
  return (
    <section className="run-section" aria-label="Run">
      <WeightsNote />
      <div className="run-controls">
        <label>
          Backend{' '}
          <select
            value={backend}
            aria-describedby="run-backend-hint"
            onChange={(e) => {
              useRunPanel.setState({ backend: e.target.value as BackendChoice });
            }}
          >
            {backends.map((b) => (
              <option key={b.value} value={b.value}>
                {b.name}
              </option>
            ))}
          </select>
          <span id="run-backend-hint" className="run-hint">
            {backends.find((b) => b.value === backend)?.hint}
          </span>
        </label>
        <label title="Fold each batch norm into the conv before it, as a deployed model would">
          <input
            type="checkbox"
            checked={fold}
            onChange={(e) => {
              useRunPanel.setState({ foldBatchNorm: e.target.checked });
            }}
          />{' '}
          Deploy graph (batch norm folded)
        </label>
        <button
          type="button"
          className="run-button"
          disabled={running}
          onClick={() => {
            void runDesign();
          }}
        >
          {running ? 'Running…' : 'Run'}
        </button>
      </div>
      {running && (
        <div className="run-progress" role="status" aria-live="polite">
          <span>{progress === undefined ? 'Starting…' : stageText(progress)}</span>
          <progress
            aria-label="Progress"
            {...(progress?.done !== undefined && progress.total
              ? { value: progress.done, max: progress.total }
              : {})}
          />
        </div>
      )}
      {error !== undefined && (
        <div className="run-error" role="alert">
          <strong>
            {error.message} <code>{error.code}</code>
          </strong>
          <p>{remedyOf(error)}</p>
          {error.details !== undefined && error.details.length > 0 && (
            <ul>
              {error.details.slice(0, 8).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
