import { useTranslation } from 'react-i18next';
import type { Design } from '../../core/design/design-types';
import { hasTrainBoth, trainPair } from '../../core/lessons/train-pair';
import type { LessonDef } from '../../core/lessons/lesson-types';
import { currentLanguage } from '../../i18n';
import { formatCount, formatExact } from '../../i18n/numbers';
import { failureText } from '../train/failure-text';
import { trainBoth, useTrainBoth, type Side } from './train-both';

const sides: readonly Side[] = ['baseline', 'method'];

/**
 * The "train both" task of a lesson whose claim is about accuracy: one action trains both designs
 * on Fashion-MNIST, both at once, and shows each one's accuracy beside its costs.
 */
export function TrainBoth({ lesson, design }: { lesson: LessonDef; design: Design }) {
  const { t } = useTranslation('learn');
  const lang = currentLanguage();
  const state = useTrainBoth();
  if (!hasTrainBoth(lesson.id) || lesson.live === undefined) return null;
  const knob = lesson.live.knob;
  const pair = trainPair(lesson.id, design, () => knob.build(1));
  if (pair === undefined) return null;
  const mine = state.lesson === lesson.id;
  const running = state.status === 'running';
  const done = mine && state.status === 'done';
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  return (
    <section className="lesson-train" aria-labelledby={`train-both-${lesson.id}`}>
      <h4 id={`train-both-${lesson.id}`}>{t('trainBoth.title')}</h4>
      <p>{t('trainBoth.what')}</p>
      <div className="lesson-train-controls">
        <label>
          <span>{t('trainBoth.steps')}</span>
          <input
            type="number"
            min={1}
            max={5000}
            value={state.steps}
            disabled={running}
            onChange={(e) => {
              const v = Math.round(Number(e.target.value));
              if (Number.isFinite(v) && v >= 1 && v <= 5000) useTrainBoth.setState({ steps: v });
            }}
          />
        </label>
        <button
          type="button"
          className="button primary"
          disabled={running}
          onClick={() => {
            trainBoth(lesson.id, pair);
          }}
        >
          {t('trainBoth.start')}
        </button>
        {mine && running && (
          <span className="muted lesson-train-progress" role="status">
            {sides.flatMap((side) => {
              const p = state.progress[side];
              return p === undefined
                ? []
                : [
                    <span key={side} data-side={side}>
                      {t('trainBoth.progress', {
                        side: t(`side.${side}`),
                        step: p.step,
                        total: p.totalSteps,
                      })}
                    </span>,
                  ];
            })}
          </span>
        )}
      </div>
      {mine && state.status === 'failed' && state.failure !== undefined && (
        <p role="alert" className="lesson-train-failed">
          {failureText(state.failure)}
        </p>
      )}
      <table className="lesson-figures" aria-label={t('trainBoth.results')}>
        <thead>
          <tr>
            <th />
            <th scope="col">{t('quantity.params')}</th>
            <th scope="col">{t('quantity.multiplyAdds')}</th>
            <th scope="col">{t('trainBoth.accuracy')}</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((side) => {
            const r = mine ? state.results[side] : undefined;
            const costs = r ?? undefined;
            return (
              <tr key={side} data-side={side}>
                <th scope="row">{t(`side.${side}`)}</th>
                <td title={costs === undefined ? undefined : formatExact(costs.params, lang)}>
                  {costs === undefined ? '–' : formatCount(costs.params, lang)}
                </td>
                <td title={costs === undefined ? undefined : formatExact(costs.multiplyAdds, lang)}>
                  {costs === undefined ? '–' : formatCount(costs.multiplyAdds, lang)}
                </td>
                <td data-accuracy={r?.top1}>{r === undefined ? '–' : pct(r.top1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="lesson-task">
        {t('trainBoth.task')}{' '}
        <strong
          className={done ? 'task-done' : 'task-open'}
          aria-label={`${t('trainBoth.title')}: ${done ? t('done') : t('notYet')}`}
        >
          {done ? `✓ ${t('done')}` : t('notYet')}
        </strong>
      </p>
    </section>
  );
}
