import { useEffect, useRef, useState } from 'react';
import { costliestNodes, type BudgetCheck, type BudgetFigure } from '../../core/analysis/budget';
import type { Analysis } from '../../core/analysis/analysis-types';
import { studio, useStudio } from '../../state/store';
import { i18next } from '../../i18n';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact, formatShare, parseCount } from '../../i18n/numbers';

const budgetLabel = (f: BudgetFigure): string => i18next.t(`cost:budgets.${f}`);
const order: readonly BudgetFigure[] = ['multiplyAdds', 'params', 'peakActivations', 'memoryAccess'];

/** How long typing pauses before a budget applies: long enough not to flash a half-typed figure. */
export const BUDGET_DEBOUNCE_MS = 400;

function BudgetField({ figure, limit }: { figure: BudgetFigure; limit: number | undefined }) {
  const { t } = useTranslation('cost');
  const [text, setText] = useState(limit === undefined ? '' : formatCount(limit));
  const [bad, setBad] = useState(false);
  const [shown, setShown] = useState(limit);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The budget changed elsewhere (fit to budget, undo, a loaded design): show it, unless it is what is typed.
  if (limit !== shown) {
    setShown(limit);
    if (limit !== parseCount(text)) setText(limit === undefined ? '' : formatCount(limit));
  }
  useEffect(
    () => () => {
      clearTimeout(timer.current);
    },
    [],
  );
  /** Applies the typed figure; `tidy` rewrites the field in the usual form (when the reader leaves it). */
  const apply = (typed: string, tidy: boolean): void => {
    clearTimeout(timer.current);
    const value = parseCount(typed);
    const wrong = typed.trim() !== '' && value === undefined;
    setBad(wrong);
    if (wrong) return;
    if (value !== studio.getState().budgets[figure]) studio.getState().setBudget(figure, value);
    if (tidy) setText(value === undefined ? '' : formatCount(value));
  };
  const commit = (): void => {
    apply(text, true);
  };
  const id = `budget-${figure}`;
  return (
    <div className="cost-budget-field">
      <label htmlFor={id}>{budgetLabel(figure)}</label>
      <input
        id={id}
        inputMode="decimal"
        placeholder={t('budgets.noLimit')}
        value={text}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-error` : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          // Applies as it is typed, once typing pauses: no need to leave the field.
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            apply(typed, false);
          }, BUDGET_DEBOUNCE_MS);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {bad && (
        <span id={`${id}-error`} className="cost-error">
          {t('budgets.badCount')}
        </span>
      )}
    </div>
  );
}

function CheckLine({ check, analysis }: { check: BudgetCheck; analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const pct = Math.min(100, check.ratio * 100);
  const top = check.over ? costliestNodes(analysis, check.figure, 3) : [];
  const label = (id: string): string => analysis.design.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <li className={`cost-check ${check.over ? 'over' : 'ok'}`} data-figure={check.figure}>
      <div className="cost-check-line">
        <span>{budgetLabel(check.figure)}</span>
        <span title={t('budgets.of', { value: formatExact(check.value), limit: formatExact(check.limit) })}>
          {formatCount(check.value)} / {formatCount(check.limit)}
        </span>
        <span className="cost-check-verdict">
          {check.over
            ? t('budgets.overBy', { share: formatShare(check.ratio - 1) })
            : t('budgets.used', { share: formatShare(check.ratio) })}
        </span>
      </div>
      <div
        className="cost-meter"
        role="meter"
        aria-label={t('budgets.meter', { label: budgetLabel(check.figure) })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(check.ratio * 100)}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      {top.length > 0 && (
        <div className="cost-costliest">
          <span className="muted">{t('budgets.costsMost')}</span>
          {top.map((n) => (
            <button
              key={n.nodeId}
              type="button"
              className="cost-link"
              onClick={() => {
                studio.getState().revealNode(n.nodeId);
              }}
            >
              {label(n.nodeId)} <span className="muted">{formatShare(n.share)}</span>
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

/** Limits on the design's figures; those over budget are flagged with the nodes that cost most. */
export function Budgets({ analysis, checks }: { analysis: Analysis; checks: readonly BudgetCheck[] }) {
  const { t } = useTranslation('cost');
  const budgets = useStudio((s) => s.budgets);
  return (
    <details className="cost-section" open>
      <summary>
        <h3>{t('budgets.title')}</h3>
        {checks.some((c) => c.over) && (
          <span className="cost-flag">
            {t('budgets.over', { count: checks.filter((c) => c.over).length })}
          </span>
        )}
      </summary>
      <p className="muted cost-note">{t('budgets.note')}</p>
      <div className="cost-budget-grid">
        {order.map((f) => (
          <BudgetField key={f} figure={f} limit={budgets[f]} />
        ))}
      </div>
      {checks.length > 0 && (
        <ul className="cost-checks" aria-label={t('budgets.checks')}>
          {checks.map((c) => (
            <CheckLine key={c.figure} check={c} analysis={analysis} />
          ))}
        </ul>
      )}
    </details>
  );
}
