import type { BudgetCheck } from '../../core/analysis/budget';
import type { Analysis } from '../../core/analysis/analysis-types';
import { studio, useStudio } from '../../state/store';
import { Accuracy } from './Accuracy';
import { Delta } from './Delta';
import { figureDefs, totalFigures, totalValue, type TotalFigure } from './figure-defs';
import { FigureTip } from './FigureTip';
import { ModelSize } from './ModelSize';
import { usePreviousAnalysis } from './use-previous';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact } from '../../i18n/numbers';

const budgetOf: Partial<Record<TotalFigure, BudgetCheck['figure']>> = {
  params: 'params',
  multiplyAdds: 'multiplyAdds',
  memoryAccess: 'memoryAccess',
  activationPeak: 'peakActivations',
};

interface Props {
  readonly analysis: Analysis;
  readonly checks: readonly BudgetCheck[];
}

/** Every design-wide figure, its convention, its change since the last edit and its budget flag. */
export function Totals({ analysis, checks }: Props) {
  const { t } = useTranslation('cost');
  const flops = useStudio((s) => s.showFlops);
  const previous = usePreviousAnalysis();
  return (
    <section className="cost-section" aria-labelledby="cost-totals-title">
      <div className="cost-section-head">
        <h3 id="cost-totals-title">{t('totals.title')}</h3>
        <span className="muted cost-convention">{t('convention')}</span>
        <button
          type="button"
          role="switch"
          aria-checked={flops}
          className={`cost-switch ${flops ? 'on' : ''}`}
          title={t('flopsNote')}
          onClick={() => {
            studio.getState().setShowFlops(!flops);
          }}
        >
          <span className="cost-switch-track" aria-hidden="true" />
          {t('totals.showFlops')}
        </button>
      </div>
      <dl className="cost-totals" aria-label={t('totals.title')}>
        {totalFigures.map((f) => {
          const value = totalValue(analysis, f);
          const factor = f === 'multiplyAdds' && flops ? 2 : 1;
          const def = figureDefs[f];
          const label = factor === 2 ? t('flops') : def.label;
          const check = checks.find((c) => c.figure === budgetOf[f]);
          const over = check?.over === true;
          return (
            <div key={f} className={`cost-total ${over ? 'over' : ''}`} data-figure={f}>
              <dt>
                {label}
                <span className="muted cost-convention">
                  {factor === 2 ? t('twiceMadds') : def.convention}
                </span>
              </dt>
              <dd>
                <FigureTip figure={f} value={value * factor} label={label} flops={factor === 2} />
                {over && (
                  <span
                    className="cost-flag"
                    role="img"
                    aria-label={t('totals.overBudgetLabel', { label })}
                    title={t('totals.overBudgetTitle', { limit: formatExact(check.limit * factor) })}
                  >
                    {t('totals.overBudget')}
                  </span>
                )}
                {previous === undefined ? (
                  <span className="cost-delta none">{t('totals.noEdit')}</span>
                ) : (
                  <Delta
                    before={totalValue(previous, f)}
                    after={value}
                    factor={factor}
                    against={t('totals.sinceEdit')}
                  />
                )}
                {f === 'params' && analysis.totals.buffers > 0 && (
                  <span
                    className="muted cost-buffers"
                    title={t('totals.buffersTitle', { n: formatExact(analysis.totals.buffers) })}
                  >
                    {t('totals.buffers', { n: formatCount(analysis.totals.buffers) })}
                  </span>
                )}
                {f === 'activationPeak' && analysis.activations.peakLayer >= 0 && (
                  <span className="muted cost-buffers">
                    {t('totals.peakAt', { layer: analysis.layers[analysis.activations.peakLayer]?.name })}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <Accuracy />
      <ModelSize params={analysis.totals.params} />
    </section>
  );
}
