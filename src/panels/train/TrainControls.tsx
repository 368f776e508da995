import { useTranslation } from 'react-i18next';
import { fractionDone, formatDuration, imagesPerSecond, secondsLeft } from '../../runtime/train/progress';
import { useStudio } from '../../state/store';
import { failureText } from './failure-text';
import {
  headNode,
  pauseTraining,
  resizeHead,
  resumeTraining,
  startTraining,
  stopTraining,
} from './train-actions';
import { useTrainPanel } from './train-store';
import { splitWord } from './split-word';
import { formatAccuracy, formatEpochs } from '../../i18n/numbers';

/** Train, pause, resume, stop; the stage, backend and progress; how the run ended or why it failed. */
export function TrainControls() {
  const { t } = useTranslation('train');
  const run = useStudio((s) => s.train);
  const recipe = useTrainPanel((s) => s.recipe);
  const refusal = useTrainPanel((s) => s.refusal);
  const active = run.status === 'running' || run.status === 'paused' || run.status === 'stopping';
  const last = run.last;
  const rate = imagesPerSecond(run.samples);
  const left = last === undefined ? undefined : secondsLeft(last.images, last.totalImages, rate);
  const done = last === undefined ? 0 : fractionDone(last.step, last.totalSteps);
  const finalEpoch = run.epochs.at(-1);
  const failure = run.failure;
  const head = failure?.code === 'too-many-classes' ? headNode() : undefined;
  return (
    <section className="run-section" aria-labelledby="train-controls-title">
      <h3 id="train-controls-title">{t('progress.label')}</h3>
      <div className="train-buttons">
        <button type="button" className="run-button" disabled={active} onClick={startTraining}>
          {t('controls.train')}
        </button>
        {run.status === 'paused' ? (
          <button type="button" className="button" onClick={resumeTraining}>
            {t('controls.resume')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={run.status !== 'running' || run.stage !== 'train'}
            onClick={pauseTraining}
          >
            {t('controls.pause')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!active || run.status === 'stopping'}
          onClick={stopTraining}
        >
          {t('controls.stop')}
        </button>
      </div>
      {refusal !== undefined && (
        <p className="train-failure" role="alert">
          {refusal}
        </p>
      )}
      {active && run.stage !== undefined && (
        <p className="run-hint" aria-live="polite">
          {run.status === 'stopping'
            ? t('controls.stopping')
            : run.status === 'paused'
              ? t('progress.paused')
              : t(`stage.${run.stage}`)}
        </p>
      )}
      {run.backend !== undefined && run.status !== 'idle' && (
        <p className="run-hint train-backend" title={run.backendReason}>
          {t('backend', { name: t(`backends.${run.backend}`, { defaultValue: run.backend }) })}
        </p>
      )}
      {run.data !== undefined && (
        <p className="run-hint">
          {t('data.summary', {
            name: run.data.name,
            classes: run.data.classNames.length,
            train: run.data.train,
            eval: run.data.eval,
            split: splitWord(run.data.split),
          })}
          {run.data.resized > 0 && ` ${t('data.resized', { count: run.data.resized, size: run.data.size })}`}
          {run.data.skipped > 0 && ` ${t('data.skipped', { count: run.data.skipped })}`}
        </p>
      )}
      {last !== undefined && (
        <div className="train-progress">
          <progress
            max={1}
            value={done}
            aria-label={t('progress.label')}
            aria-valuetext={`${Math.round(done * 100)}%`}
          />
          <p className="run-hint">
            {t('progress.steps', {
              epoch: Math.min(recipe.epochs, Math.floor(last.epoch) + 1),
              epochs: recipe.epochs,
              step: last.step,
              total: last.totalSteps,
            })}
            {rate !== undefined && ` · ${t('progress.speed', { rate: rate.toFixed(0) })}`}
            {active && left !== undefined && ` · ${t('progress.left', { time: formatDuration(left) })}`}
          </p>
        </div>
      )}
      {run.status === 'done' && (
        <p className="train-end" role="status">
          {finalEpoch === undefined
            ? t('end.stoppedEarly')
            : t(run.stopped ? 'end.stopped' : 'end.done', {
                epochs: formatEpochs(finalEpoch.epoch),
                accuracy: formatAccuracy(finalEpoch.valTop1),
                split: splitWord(run.data?.split ?? 'validation'),
              })}
        </p>
      )}
      {failure !== undefined && run.status === 'failed' && (
        <div className="train-failure" role="alert">
          <p>{failureText(failure)}</p>
          {failure.code === 'too-many-classes' && head !== undefined && (
            <button
              type="button"
              className="button"
              onClick={() => {
                resizeHead(failure.classes);
              }}
            >
              {t('failure.resizeHead', { classes: failure.classes })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
