import type { BackendChoice } from '../../runtime/protocol';
import { remedyOf, runDesign } from './run-actions';
import { useRunPanel, type Progress } from './run-store';
import { WeightsNote } from './WeightsNote';
import { i18next } from '../../i18n';
import { useTranslation } from 'react-i18next';
import { formatMB } from '../../i18n/numbers';

const stageText = (p: Progress): string => {
  const of = p.done !== undefined && p.total !== undefined && p.total > 0 ? ` ${p.done}/${p.total}` : '';
  switch (p.stage) {
    case 'load-code':
      return i18next.t('run:stages.loadCode');
    case 'load-wasm':
      return p.total
        ? i18next.t('run:stages.loadWasmOf', { done: formatMB(p.done ?? 0), total: formatMB(p.total) })
        : i18next.t('run:stages.loadWasm', { done: formatMB(p.done ?? 0) });
    case 'export':
      return i18next.t('run:stages.export');
    case 'create-session':
      return i18next.t('run:stages.createSession');
    case 'warm-up':
      return i18next.t('run:stages.warmUp', { of });
    case 'timing':
      return i18next.t('run:stages.timing', { of });
    case 'profile':
      return i18next.t('run:stages.profile');
    case 'features':
      return i18next.t('run:stages.features');
  }
};

/** Short names, so the menu fits the panel at any width; what each does is said under it. */
const backends: readonly BackendChoice[] = ['auto', 'wasm', 'webgpu'];

/** Backend switch, the deploy-graph option, the Run button, progress and errors. */
export function RunControls() {
  const { t } = useTranslation('run');
  const backend = useRunPanel((s) => s.backend);
  const fold = useRunPanel((s) => s.foldBatchNorm);
  const running = useRunPanel((s) => s.running);
  const progress = useRunPanel((s) => s.progress);
  const error = useRunPanel((s) => s.error);
  return (
    <section className="run-section" aria-label={t('label')}>
      <WeightsNote />
      <div className="run-controls">
        <label>
          {t('backend')}{' '}
          <select
            value={backend}
            aria-describedby="run-backend-hint"
            onChange={(e) => {
              useRunPanel.setState({ backend: e.target.value as BackendChoice });
            }}
          >
            {backends.map((b) => (
              <option key={b} value={b}>
                {t(`backends.${b}.name`)}
              </option>
            ))}
          </select>
          <span id="run-backend-hint" className="run-hint">
            {t(`backends.${backend}.hint`)}
          </span>
        </label>
        <label title={t('foldTitle')}>
          <input
            type="checkbox"
            checked={fold}
            onChange={(e) => {
              useRunPanel.setState({ foldBatchNorm: e.target.checked });
            }}
          />{' '}
          {t('fold')}
        </label>
        <button
          type="button"
          className="run-button"
          disabled={running}
          onClick={() => {
            void runDesign();
          }}
        >
          {running ? t('running') : t('run')}
        </button>
      </div>
      {running && (
        <div className="run-progress" role="status" aria-live="polite">
          <span>{progress === undefined ? t('starting') : stageText(progress)}</span>
          <progress
            aria-label={t('progress')}
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
