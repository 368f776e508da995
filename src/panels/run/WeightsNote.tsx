import { useWeightsOrigin } from '../../state/hooks';
import { useStudio } from '../../state/store';
import { i18next } from '../../i18n';
import { Trans, useTranslation } from 'react-i18next';
import { trainedBy } from '../../core/results/provenance';

/** The seed of the He initialisation the run's export uses for weights the design does not carry. */
export const SEED = 0;

/** Where the weights come from, in one line beside a result (the top-5): results are read there. */
export function WeightsLine({ id }: { id: string }) {
  const { t } = useTranslation('run');
  const origin = useWeightsOrigin();
  const fresh = origin.fresh.length;
  const text =
    origin.source === undefined
      ? t('top5Weights.untrained', { seed: SEED })
      : fresh > 0
        ? t('top5Weights.importedFresh', { source: origin.source, count: fresh, seed: SEED })
        : t('top5Weights.imported', { source: origin.source });
  return (
    <p id={id} className={`run-top5-weights${origin.source === undefined ? ' untrained' : ''}`}>
      {text}
    </p>
  );
}

/**
 * Where the weights of a run come from, said before any result is read: seeded initialisation
 * (the class labels mean nothing), or an imported model with the layers edits re-initialised.
 */
export function WeightsNote() {
  const { t } = useTranslation('run');
  const origin = useWeightsOrigin();
  const notKept = useStudio((s) => (s.design.weights === undefined ? undefined : s.weightsNotKept));
  const fresh = origin.fresh.length;
  const trained = useStudio((s) => trainedBy(s.design));
  if (trained !== undefined)
    return (
      <div className="run-weights" role="note" aria-label={t('weights.label')}>
        <p className="run-provenance">
          <Trans
            t={t}
            i18nKey="weights.trained"
            values={{
              count: Number(trained.epochs.toFixed(1)),
              dataset: datasetTitle(trained.dataset.name),
              accuracy: `${(trained.top1 * 100).toFixed(1)}%`,
              split: t(`weights.split.${trained.dataset.split === 'test' ? 'test' : 'validation'}`),
            }}
            components={{ strong: <strong /> }}
          />
          {fresh > 0 && ` ${t('weights.trainedFresh', { fresh, seed: SEED })}`}
        </p>
        {notKept !== undefined && <p className="run-weights-lost">{t('weights.lost', { why: notKept })}</p>}
      </div>
    );
  return (
    <div className="run-weights" role="note" aria-label={t('weights.label')}>
      {origin.source === undefined ? (
        <p>
          <Trans
            t={t}
            i18nKey="weights.untrained"
            values={{ seed: SEED }}
            components={{ strong: <strong /> }}
          />
        </p>
      ) : (
        <p
          title={
            fresh > 0
              ? t('weights.reinitialised', { names: origin.fresh.map((l) => l.name).join(', ') })
              : undefined
          }
        >
          <Trans
            t={t}
            i18nKey={fresh > 0 ? 'weights.importedFresh' : 'weights.imported'}
            values={{ source: origin.source, count: fresh, seed: SEED }}
            components={{ strong: <strong /> }}
          />
        </p>
      )}
      {notKept !== undefined && <p className="run-weights-lost">{t('weights.lost', { why: notKept })}</p>}
    </div>
  );
}

/** The shipped dataset's proper name; a user's dataset keeps the name it was given. */
export const datasetTitle = (name: string): string =>
  name === 'fashion-mnist' ? i18next.t('run:weights.fashion') : name;
