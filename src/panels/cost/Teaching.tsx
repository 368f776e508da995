import { useMemo } from 'react';
import { lessonFor } from '../../core/analysis/teaching';
import type { Analysis } from '../../core/analysis/analysis-types';
import { useStudio } from '../../state/store';
import { figureNote, figureSource, presetTitle } from '../../i18n/core-examples';
import { formulaText, sayCitation, sayMessage } from '../../i18n/say';
import { optionsText, paperRows, presetOf } from './paper-figures';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact } from '../../i18n/numbers';

function Lesson({ analysis, id }: { analysis: Analysis; id: string }) {
  const { t } = useTranslation('cost');
  const lesson = useMemo(() => lessonFor(analysis, id), [analysis, id]);
  if (lesson === undefined) return <p className="muted cost-note">{t('teaching.selectBlock')}</p>;
  const title = sayMessage(lesson.title);
  return (
    <div className="cost-lesson" aria-label={title} role="group">
      <strong>{title}</strong>
      <span className="muted cost-lesson-source">{sayCitation(lesson.source)}</span>
      <table className="cost-formulas">
        <tbody>
          {lesson.lines.map((l) => (
            <tr key={l.label.key}>
              <th scope="row">{sayMessage(l.label)}</th>
              <td>
                <code>{formulaText(l.symbolic)}</code>
                <code className="cost-substituted">{l.substituted}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lesson.ratio !== undefined && (
        <p className="cost-ratio">
          <code>{formulaText(lesson.ratio.symbolic)}</code>
          <code className="cost-substituted" data-testid="lesson-ratio">
            {lesson.ratio.substituted}
          </code>
          <span className="muted">{t('teaching.measured', { n: lesson.ratio.measured.toFixed(4) })}</span>
        </p>
      )}
      {lesson.note !== undefined && <p className="muted cost-note">{sayMessage(lesson.note)}</p>}
    </div>
  );
}

function PaperFigures({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const preset = presetOf(analysis.design);
  if (preset === undefined || preset.paperFigures.length === 0) return null;
  const rows = paperRows(preset);
  const cell = (v: number | undefined) =>
    v === undefined ? '—' : <span title={formatExact(v)}>{formatCount(v)}</span>;
  return (
    <div className="cost-paper">
      <strong>{t('teaching.paperTitle', { title: presetTitle(preset) })}</strong>
      <span className="muted cost-lesson-source">{preset.paper}</span>
      <table className="cost-compare" aria-label={t('teaching.paperLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('teaching.options')}</th>
            <th scope="col">{t('teaching.paperParams')}</th>
            <th scope="col">{t('teaching.paperMadds')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">
                {optionsText(r.figures.options)}
                <span className="muted cost-paper-source">{figureSource(preset, i)}</span>
              </th>
              <td>
                <span className="cost-paper-cell">
                  {cell(r.figures.params)}
                  <span className="muted">{cell(r.built?.params)}</span>
                </span>
              </td>
              <td>
                <span className="cost-paper-cell">
                  {cell(r.figures.multiplyAdds)}
                  <span className="muted">{cell(r.built?.multiplyAdds)}</span>
                </span>
              </td>
            </tr>
          ))}
          <tr className="cost-paper-current">
            <th scope="row">{t('teaching.now')}</th>
            <td>{cell(analysis.totals.params)}</td>
            <td>{cell(analysis.totals.multiplyAdds)}</td>
          </tr>
        </tbody>
      </table>
      {rows.some((r) => r.figures.note !== undefined) && (
        <ul className="cost-paper-notes">
          {rows.map((r, i) => {
            const note = figureNote(preset, i);
            return (
              note !== undefined && (
                <li key={i} className="muted">
                  {t('teaching.paperNote', {
                    options: optionsText(r.figures.options),
                    source: figureSource(preset, i),
                    note,
                  })}
                </li>
              )
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The formula of the selected block with the design's numbers, and a preset's paper figures. */
export function Teaching({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const selected = useStudio((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : undefined));
  return (
    <details className="cost-section" open>
      <summary>
        <h3>{t('teaching.title')}</h3>
        <span className="muted cost-convention">{t('teaching.note')}</span>
      </summary>
      {selected === undefined ? (
        <p className="muted cost-note">{t('teaching.select')}</p>
      ) : (
        <Lesson analysis={analysis} id={selected} />
      )}
      <PaperFigures analysis={analysis} />
    </details>
  );
}
