import { effectiveTotals } from '../../core/analysis/effective-totals';
import { formulaText, sayMessage } from '../../i18n/say';
import type { LayerInfo } from '../../core/analysis/analysis-types';
import { anyOpDef } from '../../core/kinds';
import type { FormulaFigure, FormulaLine, OpCost } from '../../core/ops/op-types';
import { formatShape, type Shape } from '../../core/shape';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact } from '../../i18n/numbers';

const order: readonly (keyof OpCost)[] = [
  'multiplyAdds',
  'params',
  'memoryAccessConvFc',
  'memoryAccess',
  'buffers',
];

interface Props {
  readonly inputs: readonly (Shape | undefined)[];
  readonly outputs: readonly Shape[] | undefined;
  readonly cost: OpCost;
  readonly formulas: readonly FormulaLine[];
  /** The node's primitives: their effective figures and im2col workspace. */
  readonly layers: readonly LayerInfo[];
}

function Figure({
  id,
  name,
  value,
  formula,
}: {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  readonly formula: FormulaLine | undefined;
}) {
  const { i18n } = useTranslation();
  return (
    <div data-figure={id}>
      <dt>{name}</dt>
      <dd title={formatExact(value)}>
        <span className="figure">{formatCount(value, i18n.language === 'zh' ? 'zh' : 'en')}</span>
        <span className="exact">{formatExact(value)}</span>
        {formula !== undefined && (
          <span className="formula" title={formula.substituted}>
            {formulaText(formula.symbolic)} = {formula.substituted}
          </span>
        )}
      </dd>
    </div>
  );
}

/**
 * The node's shapes and figures, each with its exact value and formula. Where the method's own
 * kernel does less than the exported graph (sparse, lookup, versatile), the effective figures
 * follow the as-exported ones under their own names: never one number for both.
 */
export function Figures({ inputs, outputs, cost, formulas, layers }: Props) {
  const { t } = useTranslation('inspector');
  const formula = (f: FormulaFigure) => formulas.find((l) => l.figure === f);
  const effective = effectiveTotals(layers);
  const workspace = Math.max(0, ...layers.map((l) => l.workspace));
  // Ops that can be lowered to im2col (Conv2d, FLGC, the versatile conv's exported conv) say so by defining a workspace rule.
  const hasConv = layers.some((l) => anyOpDef(l.op).workspace !== undefined);
  const conditions = formulas.filter((l) => l.figure === 'condition');
  return (
    <section className="inspector-section" aria-label={t('figures.label')}>
      <h3>{t('figures.shapes')}</h3>
      <dl className="figures">
        {inputs.map((s, i) => (
          <div key={`in${i}`}>
            <dt>{inputs.length > 1 ? t('figures.inputN', { n: i + 1 }) : t('figures.input')}</dt>
            <dd className="mono">{s === undefined ? t('figures.notConnected') : formatShape(s)}</dd>
          </div>
        ))}
        {(outputs ?? [undefined]).map((s, i) => (
          <div key={`out${i}`}>
            <dt>{(outputs?.length ?? 1) > 1 ? t('figures.outputN', { n: i + 1 }) : t('figures.output')}</dt>
            <dd className="mono" data-testid="inspector-output-shape">
              {s === undefined ? t('figures.unknown') : formatShape(s)}
            </dd>
          </div>
        ))}
      </dl>
      <h3>
        {t('figures.title')}{' '}
        <span className="muted">
          {effective.kernels.length > 0 ? t('figures.conventionExported') : t('figures.convention')}
        </span>
      </h3>
      <dl className="figures">
        {order
          .filter((k) => k !== 'buffers' || cost.buffers > 0)
          .map((k) => (
            <Figure key={k} id={k} name={t(`figures.${k}`)} value={cost[k]} formula={formula(k)} />
          ))}
        {hasConv && (
          <Figure
            id="workspace"
            name={t('figures.workspace')}
            value={workspace}
            formula={formula('workspace')}
          />
        )}
      </dl>
      {effective.kernels.length > 0 && (
        <>
          <h3>
            {t('figures.effective')} <span className="muted">({effective.kernels.join(', ')})</span>
          </h3>
          <dl className="figures" aria-label={t('figures.effectiveLabel')}>
            <Figure
              id="effectiveMultiplyAdds"
              name={t('figures.effectiveMultiplyAdds')}
              value={effective.multiplyAdds}
              formula={formula('effectiveMultiplyAdds')}
            />
            <Figure
              id="effectiveParams"
              name={t('figures.effectiveParams')}
              value={effective.params}
              formula={formula('effectiveParams')}
            />
            <Figure
              id="effectiveIndices"
              name={t('figures.effectiveIndices')}
              value={effective.indices}
              formula={formula('effectiveIndices')}
            />
          </dl>
        </>
      )}
      {conditions.length > 0 && (
        <>
          <h3>{t('figures.conditions')}</h3>
          <ul className="figures conditions">
            {conditions.map((c) => (
              <li key={c.symbolic} className="formula">
                {formulaText(c.symbolic)}: {c.said === undefined ? c.substituted : sayMessage(c.said)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
