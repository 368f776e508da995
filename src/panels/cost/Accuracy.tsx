import { engineTitle } from '../../i18n/engine-title';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { latestResult } from '../../core/results/latest';
import { useStudio } from '../../state/store';
import { datasetTitle } from '../run/WeightsNote';

/**
 * Accuracy beside the costs: the design's newest training result (top-1 on its split, dataset,
 * engine, epochs), marked when the design changed since it was trained.
 */
export function Accuracy() {
  const { t } = useTranslation(['cost', 'run']);
  const design = useStudio((s) => s.design);
  const latest = useMemo(() => latestResult(design), [design]);
  if (latest === undefined)
    return (
      <p className="cost-accuracy muted" data-figure="accuracy">
        <span className="cost-accuracy-label">{t('accuracy.label')}</span> {t('accuracy.none')}
      </p>
    );
  const { result, current } = latest;
  const split = t(`run:weights.split.${result.dataset.split === 'test' ? 'test' : 'validation'}`);
  return (
    <p
      className={`cost-accuracy${current ? '' : ' earlier'}`}
      data-figure="accuracy"
      title={t('accuracy.title', { date: result.date, seed: result.recipe.seed })}
    >
      <span className="cost-accuracy-label">{t('accuracy.label')}</span>{' '}
      <strong>{`${(result.top1 * 100).toFixed(1)}%`}</strong>{' '}
      {t('accuracy.value', {
        split,
        dataset: datasetTitle(result.dataset.name),
        engine: engineTitle(result.engine),
        count: Number(result.epochs.toFixed(2)),
      })}
      {!current && <span className="cost-accuracy-earlier"> {t('accuracy.earlier')}</span>}
    </p>
  );
}
