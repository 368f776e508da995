import { useTranslation } from 'react-i18next';
import { lessons } from '../../core/lessons/lesson-registry';
import type { SurveyLevel } from '../../core/examples/example-types';
import { LessonView } from './LessonView';
import { useProgress } from './progress';
import './learn.css';

const levels: readonly SurveyLevel[] = ['kernel', 'layer', 'network'];

/** The path through the chapter: the lessons by level, then the lesson open. */
export function LearnPanel() {
  const { t } = useTranslation('learn');
  const { t: tl } = useTranslation('lesson');
  const current = useProgress((s) => s.current);
  const done = useProgress((s) => s.done);
  const go = useProgress((s) => s.go);
  const index = Math.max(
    0,
    lessons.findIndex((l) => l.id === current),
  );
  const lesson = lessons[index];
  return (
    <div className="learn">
      <h2 className="learn-title">{t('title')}</h2>
      <details className="learn-path">
        <summary>
          {t('path')} · {t('progress', { done: done.length, total: lessons.length })}
        </summary>
        <nav aria-label={t('path')}>
          {levels.map((level) => (
            <section key={level}>
              <h3>{t(`levels.${level}`)}</h3>
              <ol>
                {lessons
                  .filter((l) => l.level === level)
                  .map((l) => (
                    <li key={l.id}>
                      <button
                        type="button"
                        className="learn-path-item"
                        aria-current={l.id === lesson?.id ? 'step' : undefined}
                        onClick={() => {
                          go(l.id);
                        }}
                      >
                        <span className="learn-ref">[{l.surveyRef}]</span> {tl(`${l.id}.title`)}
                        {done.includes(l.id) && (
                          <span className="learn-done" aria-label={t('done')}>
                            {' '}
                            ✓
                          </span>
                        )}
                      </button>
                    </li>
                  ))}
              </ol>
            </section>
          ))}
        </nav>
      </details>
      {lesson !== undefined && (
        <>
          <div className="learn-nav">
            <button
              type="button"
              className="button"
              disabled={index === 0}
              onClick={() => {
                go(lessons[index - 1]?.id ?? lesson.id);
              }}
            >
              ← {t('previous')}
            </button>
            <span className="muted">
              {t('lessonOf', { n: index + 1, total: lessons.length, ref: lesson.surveyRef })}
            </span>
            <button
              type="button"
              className="button"
              disabled={index === lessons.length - 1}
              onClick={() => {
                go(lessons[index + 1]?.id ?? lesson.id);
              }}
            >
              {t('next')} →
            </button>
          </div>
          <LessonView key={lesson.id} lesson={lesson} />
        </>
      )}
    </div>
  );
}
