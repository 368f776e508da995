import { useTranslation } from 'react-i18next';
import { diagnosticText } from '../i18n/core-text';
import { currentLanguage } from '../i18n';
import { useAnalysis } from '../state/hooks';
import { studio, useStudio } from '../state/store';
import { formatCount, formatExact } from '../i18n/numbers';

function Figure({ label, value }: { label: string; value: number }) {
  const lang = currentLanguage();
  return (
    <span className="status-figure" title={`${formatExact(value, lang)} ${label.toLowerCase()}`}>
      <span className="muted">{label}</span> <strong>{formatCount(value, lang)}</strong>
    </span>
  );
}

/** Whether the last change is in the browser's storage yet: a reload while saving could lose it. */
function SaveState() {
  const { t } = useTranslation();
  const saving = useStudio((s) => s.saving);
  return (
    <span
      className={`status-save muted${saving ? ' saving' : ''}`}
      role="status"
      title={saving ? t('status.savingTitle') : t('status.savedTitle')}
    >
      {saving ? t('status.saving') : t('status.saved')}
    </span>
  );
}

/** Diagnostics count and the design's totals (batch 1, elements), always in view. */
export function StatusBar() {
  const { t } = useTranslation();
  const analysis = useAnalysis();
  const weightsNotKept = useStudio((s) => (s.design.weights === undefined ? undefined : s.weightsNotKept));
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning');
  const first = errors[0] ?? warnings[0];
  const problemText =
    errors.length + warnings.length === 0
      ? t('status.noProblems')
      : [
          errors.length > 0 ? t('status.errors', { count: errors.length }) : '',
          warnings.length > 0 ? t('status.warnings', { count: warnings.length }) : '',
        ]
          .filter((s) => s !== '')
          .join(', ');
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <button
        type="button"
        className={`status-problems ${errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'ok'}`}
        title={first === undefined ? t('status.noProblemsTitle') : diagnosticText(first)}
        aria-label={t('status.diagnostics', { text: problemText })}
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
          title={t('app:weights.title', { why: weightsNotKept })}
          aria-label={t('app:weights.label', { why: weightsNotKept })}
          onClick={() => {
            studio.getState().setSideTab('run');
          }}
        >
          <span className="status-dot" aria-hidden="true" />
          {t('app:weights.short')}
        </button>
      )}
      <SaveState />
      <span className="status-nodes muted">
        {t('status.nodes', { nodes: analysis.design.nodes.length, layers: analysis.layers.length })}
      </span>
      <span className="status-figures" aria-label={t('status.totals')}>
        <Figure label={t('status.params')} value={analysis.totals.params} />
        <Figure label={t('status.multiplyAdds')} value={analysis.totals.multiplyAdds} />
        <Figure label={t('status.memoryAccess')} value={analysis.totals.memoryAccess} />
        <Figure label={t('status.peak')} value={analysis.activations.peak} />
      </span>
      <span className="muted status-convention">{t('status.convention')}</span>
    </footer>
  );
}
