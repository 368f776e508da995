import { useState } from 'react';
import { sayRefusal } from '../../i18n/say';
import { useTranslation } from 'react-i18next';
import { analyze } from '../../core/analysis/analyze';
import { nestedLevelDesigns, nestedLevels } from '../../core/methods/nested';
import { runtimeClient } from '../../runtime/client';
import { levelRun, topFiveOverlap, type LevelRun } from '../../runtime/level-summary';
import { designKey } from '../../runtime/targets';
import { useStudio } from '../../state/store';
import { useClassNames } from './classes';
import { prepareInput } from './run-actions';
import { useRunPanel } from './run-store';
import { formatMs } from '../../i18n/numbers';

interface Measured {
  readonly designKey: string;
  readonly image: string;
  readonly levels: readonly (LevelRun & { readonly multiplyAdds: number })[];
}

/**
 * NestedNet: every level of the design (its prefix of the shared weights) run on the chosen
 * image, one after another on the same backend: latency and top-5 per level, and how many of the
 * full network's top-5 classes each level keeps.
 */
export function NestedRuns() {
  const { t } = useTranslation('run');
  const design = useStudio((s) => s.design);
  const backend = useRunPanel((s) => s.backend);
  const names = useClassNames();
  const [measured, setMeasured] = useState<Measured | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  if (design.nested === undefined) return null;
  const key = designKey(design);
  const runLevels = async (): Promise<void> => {
    setError(undefined);
    const levels = nestedLevels(design, design.nested?.widths);
    if (!levels.ok) {
      setError(sayRefusal(levels));
      return;
    }
    const input = await prepareInput();
    if (input === undefined) return;
    const designs = nestedLevelDesigns(levels.value, 0);
    const runs: Measured['levels'][number][] = [];
    for (const [i, d] of designs.entries()) {
      const width = levels.value[i]?.width ?? 1;
      setBusy(t('nested.running', { width, i: i + 1, n: designs.length }));
      const outcome = { failed: false };
      await runtimeClient().request(
        {
          type: 'run',
          designKey: designKey(d),
          design: d,
          input: { data: input.data, shape: input.shape },
          backend,
          options: { warmup: 2, runs: 20, budgetMs: 2000, foldBatchNorm: false, profile: false },
        },
        (r) => {
          if (r.type === 'result')
            runs.push({
              ...levelRun(width, r.samples, r.outputs),
              multiplyAdds: analyze(d).totals.multiplyAdds,
            });
          else if (r.type === 'error') {
            outcome.failed = true;
            setError(t('nested.failed', { width, message: r.message }));
          }
        },
      );
      if (outcome.failed) break;
    }
    setBusy(undefined);
    if (runs.length === designs.length) setMeasured({ designKey: key, image: input.label, levels: runs });
  };
  const shown = measured?.designKey === key ? measured : undefined;
  const full = shown?.levels.at(-1);
  const className = (index: number): string =>
    (full?.classes === 1000 ? names?.[index] : undefined) ?? t('nested.className', { index });
  return (
    <section className="run-section" aria-label={t('nested.label')}>
      <h3>{t('nested.title')}</h3>
      <p className="muted">{t('nested.note')}</p>
      <button type="button" className="button" disabled={busy !== undefined} onClick={() => void runLevels()}>
        {busy ?? t('nested.runAll')}
      </button>
      {error !== undefined && <p className="run-error">{error}</p>}
      {shown !== undefined && full !== undefined && (
        <table className="cost-compare" aria-label={t('nested.tableLabel')}>
          <caption className="muted">{t('nested.on', { image: shown.image })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('nested.level')}</th>
              <th scope="col">{t('nested.multiplyAdds')}</th>
              <th scope="col">{t('nested.latency')}</th>
              <th scope="col">{t('nested.top5')}</th>
              <th scope="col">{t('nested.shared')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.levels.map((l) => (
              <tr key={l.width}>
                <th scope="row">{l.width}×</th>
                <td>{l.multiplyAdds.toLocaleString('en-US')}</td>
                <td>{formatMs(l.latency.median)}</td>
                <td>
                  {l.top5.map((r) => `${className(r.index)} ${(r.probability * 100).toFixed(1)}%`).join(', ')}
                </td>
                <td>{topFiveOverlap(l.top5, full.top5)} / 5</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
