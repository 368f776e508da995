import { OutputView } from './Outputs';
import { saveRunFile } from './run-actions';
import { useRunPanel } from './run-store';
import { useRunStanding } from './use-standing';
import { Trans, useTranslation } from 'react-i18next';
import { formatMs } from '../../i18n/numbers';

/** Which backend ran, latency (median and spread), the outputs, and the run's files. */
export function ResultView() {
  const { t } = useTranslation('run');
  const result = useRunPanel((s) => s.result);
  const standing = useRunStanding();
  if (result === undefined || standing === 'other') return null;
  const { latency } = result;
  const ran =
    result.backend === 'webgpu'
      ? t('webgpu')
      : result.threads === 1
        ? t('result.wasmOne')
        : t('result.wasm', { count: result.threads });
  return (
    <section
      className={standing === 'earlier' ? 'run-section run-earlier' : 'run-section'}
      aria-labelledby="run-result-title"
    >
      <h3 id="run-result-title">{t('result.title')}</h3>
      {standing === 'earlier' && <p className="run-stale">{t('result.stale')}</p>}
      <p className="run-backend">
        <Trans
          t={t}
          i18nKey="result.ranOn"
          values={{ ran, ms: formatMs(result.createMs) }}
          components={{ strong: <strong /> }}
        />
      </p>
      {result.note !== undefined && <p className="run-note">{result.note}</p>}
      <p className="run-latency" aria-label={t('result.latencyLabel')}>
        <Trans
          t={t}
          i18nKey="result.latency"
          values={{
            median: formatMs(latency.median),
            runs: latency.runs,
            p10: formatMs(latency.p10),
            p90: formatMs(latency.p90),
            spread: ((latency.spread * 100) / 2).toFixed(0),
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      {result.outputs.map((o) => (
        <OutputView key={o.name} output={o} />
      ))}
      <p className="run-files">
        {t('result.save')}{' '}
        <button type="button" className="button ghost" onClick={() => void saveRunFile('model')}>
          {t('result.model')}
        </button>{' '}
        <button type="button" className="button ghost" onClick={() => void saveRunFile('input')}>
          {t('result.inputFile')}
        </button>{' '}
        <button type="button" className="button ghost" onClick={() => void saveRunFile('output')}>
          {t('result.output')}
        </button>
      </p>
    </section>
  );
}
