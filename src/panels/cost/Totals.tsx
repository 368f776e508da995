import type { BudgetCheck } from '../../core/analysis/budget';
import type { Analysis } from '../../core/analysis/types';
import { formatCount, formatExact } from '../../ui/figures';
import { studio, useStudio } from '../../state/store';
import { Delta } from './Delta';
import {
  CONVENTION,
  figureDefs,
  FLOPS_NOTE,
  totalFigures,
  totalValue,
  type TotalFigure,
} from './figure-defs';
import { FigureTip } from './FigureTip';
import { ModelSize } from './ModelSize';
import { usePreviousAnalysis } from './use-previous';

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
  const flops = useStudio((s) => s.showFlops);
  const previous = usePreviousAnalysis();
  return (
    <section className="cost-section" aria-labelledby="cost-totals-title">
      <div className="cost-section-head">
        <h3 id="cost-totals-title">Totals</h3>
        <span className="muted cost-convention">{CONVENTION}</span>
        <button
          type="button"
          role="switch"
          aria-checked={flops}
          className={`cost-switch ${flops ? 'on' : ''}`}
          title={FLOPS_NOTE}
          onClick={() => {
            studio.getState().setShowFlops(!flops);
          }}
        >
          <span className="cost-switch-track" aria-hidden="true" />
          Show FLOPs
        </button>
      </div>
      <dl className="cost-totals" aria-label="Totals">
        {totalFigures.map((f) => {
          const value = totalValue(analysis, f);
          const factor = f === 'multiplyAdds' && flops ? 2 : 1;
          const def = figureDefs[f];
          const label = factor === 2 ? 'FLOPs' : def.label;
          const check = checks.find((c) => c.figure === budgetOf[f]);
          const over = check?.over === true;
          return (
            <div key={f} className={`cost-total ${over ? 'over' : ''}`} data-figure={f}>
              <dt>
                {label}
                <span className="muted cost-convention">
                  {factor === 2 ? '2 × multiply-adds' : def.convention}
                </span>
              </dt>
              <dd>
                <FigureTip figure={f} value={value * factor} label={label} flops={factor === 2} />
                {over && (
                  <span
                    className="cost-flag"
                    role="img"
                    aria-label={`${label} over budget`}
                    title={`Over the budget of ${formatExact(check.limit * factor)}`}
                  >
                    over budget
                  </span>
                )}
                {previous === undefined ? (
                  <span className="cost-delta none">no edit yet</span>
                ) : (
                  <Delta
                    before={totalValue(previous, f)}
                    after={value}
                    factor={factor}
                    against="since the last edit"
                  />
                )}
                {f === 'params' && analysis.totals.buffers > 0 && (
                  <span
                    className="muted cost-buffers"
                    title={`${formatExact(analysis.totals.buffers)} buffers`}
                  >
                    + {formatCount(analysis.totals.buffers)} buffers (BN running stats)
                  </span>
                )}
                {f === 'activationPeak' && analysis.activations.peakLayer >= 0 && (
                  <span className="muted cost-buffers">
                    at {analysis.layers[analysis.activations.peakLayer]?.name}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <ModelSize params={analysis.totals.params} />
    </section>
  );
}
