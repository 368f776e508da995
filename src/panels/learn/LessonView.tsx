import { subjectText } from './subject-text';
import { useEffect, useMemo } from 'react';
import { exampleDesign } from '../../i18n/core-examples';
import { sayCitation } from '../../i18n/say';
import { formulaText } from '../../i18n/say';
import { useTranslation } from 'react-i18next';
import { guidelineHints, type Guideline } from '../../core/analysis/hints';
import { exampleOf } from '../../core/lessons/example-of';
import { lessonLive } from '../../core/lessons/live';
import type { LessonDef, Live, PaperRow } from '../../core/lessons/lesson-types';
import { findPreset } from '../../core/presets/preset-registry';
import { figureNote, figureSource } from '../../i18n/core-examples';
import { currentLanguage } from '../../i18n';
import { useAnalysis } from '../../state/hooks';
import { studio } from '../../state/store';
import { showLessonDesign } from './open-lesson';
import { thumbnailOf } from '../../core/document/thumbnail';
import { referenceOf, referenceText } from '../../core/lessons/references';
import { downloadSlide, lessonPictures, slideOf } from './slide-actions';
import { useProgress } from './progress';
import { formatCount, formatExact, formatRatio } from '../../i18n/numbers';
import { TrainBoth } from './TrainBoth';

const quantities = ['params', 'multiplyAdds', 'memoryAccess'] as const;

/** One lesson: the idea, the live figures, the formula, the knob, the paper, the costs and the task. */
export function LessonView({ lesson }: { lesson: LessonDef }) {
  // useTranslation re-renders this view when the language changes.
  const { t } = useTranslation('learn');
  const { t: tl } = useTranslation('lesson');
  const lang = currentLanguage();
  const analysis = useAnalysis();
  const wired = lesson.live;
  const knobValue = wired?.knob.read(analysis.design);
  const live = useMemo(
    () => (wired === undefined ? undefined : lessonLive(lesson, analysis)),
    [analysis, wired, lesson],
  );
  const mine = live !== undefined && knobValue !== undefined && exampleOf(lesson) !== undefined;
  const meets = mine && wired?.check(live) === true;
  const markDone = useProgress((s) => s.markDone);
  const markOpened = useProgress((s) => s.markOpened);
  const markActed = useProgress((s) => s.markActed);
  const opened = useProgress((s) => s.opened[lesson.id]);
  const acted = useProgress((s) => s.acted.includes(lesson.id));
  const wasDone = useProgress((s) => s.done.includes(lesson.id));
  // An edit of the example on the canvas (inspector, canvas) is the student's action too.
  const edited = mine && opened !== undefined && analysis.design !== opened;
  useEffect(() => {
    if (edited) markActed(lesson.id);
  }, [edited, lesson.id, markActed]);
  // No task completes by itself: the example as it opens may already meet it, the student has to act.
  const passed = meets && (acted || edited || wasDone);
  useEffect(() => {
    if (meets && (acted || edited)) markDone(lesson.id);
  }, [meets, acted, edited, lesson.id, markDone]);
  const n = (v: number) => formatCount(v, lang);
  const reference = referenceOf(lesson);
  const open = (value?: number) => {
    if (wired === undefined) return;
    const design = wired.knob.build(value ?? wired.knob.values[0] ?? 0);
    const example = exampleOf(lesson);
    const fresh =
      example === undefined ? design : exampleDesign(example, value === undefined ? example.build() : design);
    void showLessonDesign(
      fresh,
      (message) => {
        studio.getState().notify({ text: message, tone: 'error' });
      },
      (placed) => {
        if (value === undefined) markOpened(lesson.id, placed);
        else markActed(lesson.id);
      },
    );
  };
  return (
    <article className="lesson" aria-labelledby={`lesson-${lesson.id}`}>
      <h3 id={`lesson-${lesson.id}`}>{tl(`${lesson.id}.title`)}</h3>
      {reference !== undefined && (
        <p className="muted lesson-reference" data-testid="lesson-reference">
          {referenceText(reference)}
        </p>
      )}
      <h4>{t('idea')}</h4>
      <p>{tl(`${lesson.id}.idea`)}</p>
      {wired === undefined || exampleOf(lesson) === undefined ? (
        <p className="lesson-pending" role="note">
          {t('pending')}
        </p>
      ) : (
        <>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              open();
            }}
          >
            {t('open')}
          </button>
          {!mine ? (
            <p className="muted" role="note">
              {t('reopen')}
            </p>
          ) : (
            <LiveParts
              lesson={lesson}
              live={live}
              knobValue={knobValue}
              passed={passed}
              onKnob={open}
              n={n}
            />
          )}
        </>
      )}
      <h4>{t('costs')}</h4>
      <p>{tl(`${lesson.id}.costs`)}</p>
      {mine && <Hints live={live} />}
      {mine && <TrainBoth lesson={lesson} design={analysis.design} />}
      <h4>{t('task')}</h4>
      <p className="lesson-task">
        {tl(`${lesson.id}.task`)}{' '}
        {mine && (
          <strong
            className={passed ? 'task-done' : 'task-open'}
            aria-label={`${t('task')}: ${passed ? t('done') : t('notYet')}`}
          >
            {passed ? `✓ ${t('done')}` : t('notYet')}
          </strong>
        )}
      </p>
    </article>
  );
}

interface LiveProps {
  readonly lesson: LessonDef;
  readonly live: Live;
  readonly knobValue: number;
  readonly passed: boolean;
  readonly onKnob: (value: number) => void;
  readonly n: (v: number) => string;
}

function LiveParts({ lesson, live, knobValue, onKnob, n }: LiveProps) {
  const { t } = useTranslation('learn');
  const { t: tl } = useTranslation('lesson');
  const lang = currentLanguage();
  const wired = lesson.live;
  if (wired === undefined) return null;
  const formula = wired.formula(live);
  const rows = wired.paper(live, knobValue);
  /** A row's source in the UI's language where it is a preset's printed figure; else as the lesson wrote it. */
  const rowSource = (r: PaperRow): string => {
    const preset = r.figure === undefined ? undefined : findPreset(r.figure.preset);
    if (preset === undefined || r.figure === undefined) return sayCitation(r.source);
    const source = figureSource(preset, r.figure.index);
    const note = figureNote(preset, r.figure.index);
    return note === undefined
      ? t('figureSource', { paper: preset.paper, source })
      : t('figureSourceNote', { paper: preset.paper, source, note });
  };
  return (
    <>
      <label className="lesson-knob">
        <span>{tl(`${lesson.id}.knob`)}</span>
        <select
          value={knobValue}
          onChange={(e) => {
            onKnob(Number(e.target.value));
          }}
        >
          {wired.knob.values.map((v) => (
            <option key={v} value={v}>
              {wired.knob.format(v)}
            </option>
          ))}
        </select>
      </label>
      <h4>{t('figures')}</h4>
      <table className="lesson-figures" aria-label={t('figures')}>
        <thead>
          <tr>
            <th />
            <th scope="col">{t('side.baseline')}</th>
            <th scope="col">{t('side.method')}</th>
            <th scope="col">{t('side.ratio')}</th>
          </tr>
        </thead>
        <tbody>
          {quantities.map((q) => (
            <tr key={q} data-quantity={q}>
              <th scope="row">{t(`quantity.${q}`)}</th>
              <td title={formatExact(live.baseline[q], lang)}>{n(live.baseline[q])}</td>
              <td title={formatExact(live.method[q], lang)}>{n(live.method[q])}</td>
              <td>{live.baseline[q] === 0 ? '–' : formatRatio(live.method[q] / live.baseline[q], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted lesson-note">{t('figuresNote')}</p>
      <div className="lesson-pictures" role="group" aria-label={t('pictures')}>
        {lessonPictures(live.analysis.design, t).map((p) => (
          <figure key={p.caption}>
            <img
              src={thumbnailOf(p.design, { width: 96, height: 150 })}
              alt={p.caption}
              width={96}
              height={150}
            />
            <figcaption>{p.caption}</figcaption>
          </figure>
        ))}
      </div>
      {formula !== undefined && (
        <div className="lesson-formula" aria-label={t('formula')}>
          <h4>{t('formula')}</h4>
          <code>{formulaText(formula.symbolic)}</code>
          <code>
            {formula.substituted} ={' '}
            <strong data-figure="closed-form">{formatRatio(formula.value, lang)}</strong>
          </code>
          <span className="muted">
            {t('closedForm')} {formatRatio(formula.value, lang)} · {t('measured')}{' '}
            <strong data-figure="measured">{formatRatio(formula.measured, lang)}</strong>
          </span>
        </div>
      )}
      <div className="lesson-slide" role="group" aria-label={t('slide')}>
        <span className="muted">{t('slide')}</span>
        {(['svg', 'png'] as const).map((as) => (
          <button
            key={as}
            type="button"
            className="button"
            onClick={() => {
              const svg = slideOf(lesson, live, knobValue, t, tl, lang);
              if (svg === undefined) return;
              downloadSlide(svg, lesson.id, as).catch((e: unknown) => {
                studio.getState().notify({
                  text: t('slideFailed', { reason: e instanceof Error ? e.message : String(e) }),
                  tone: 'error',
                });
              });
            }}
          >
            {as.toUpperCase()}
          </button>
        ))}
      </div>
      <h4>{t('paper')}</h4>
      {rows.length === 0 ? (
        <p className="muted">{t('noPaper')}</p>
      ) : (
        <table className="lesson-paper" aria-label={t('paper')}>
          <thead>
            <tr>
              <th />
              <th scope="col">{t('paperCol')}</th>
              <th scope="col">{t('toolCol')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.subject} ${r.quantity}`} title={rowSource(r)}>
                <th scope="row">
                  {subjectText(r.subject)} · {t(`quantity.${r.quantity}`)}
                </th>
                <td>{n(r.paper)}</td>
                <td title={formatExact(r.tool, lang)}>{n(r.tool)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Hints({ live }: { live: Live }) {
  const { t } = useTranslation('learn');
  const counts = new Map<Guideline, number>();
  for (const h of guidelineHints(live.analysis)) counts.set(h.guideline, (counts.get(h.guideline) ?? 0) + 1);
  if (counts.size === 0) return <p className="muted">{t('noHints')}</p>;
  return (
    <ul className="lesson-hints" aria-label={t('hints')}>
      {[...counts].map(([g, count]) => (
        <li key={g}>
          <strong>{g}</strong> {t(`guideline.${g}`)}{' '}
          <span className="muted">({t('hintCount', { count })})</span>
        </li>
      ))}
    </ul>
  );
}
