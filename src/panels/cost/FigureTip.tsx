import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { figureDefs, type TotalFigure } from './figure-defs';
import { Tip } from './Tip';
import { formatCount, formatExact } from '../../i18n/numbers';

interface Props {
  readonly figure: TotalFigure;
  /** The value as shown (already doubled for FLOPs). */
  readonly value: number;
  readonly label: string;
  readonly flops?: boolean;
}

/** A figure as papers write it; hover or focus shows the exact integer, its definition and formula. */
export function FigureTip({ figure, value, label, flops = false }: Props) {
  const { t } = useTranslation('cost');
  const def = figureDefs[figure];
  return (
    <Tip
      className="cost-figure"
      label={`${label}: ${formatExact(value)}`}
      tip={
        <>
          <strong className="cost-tip-exact">{formatExact(value)}</strong>
          <span className="cost-tip-title">
            {label} · {t('convention')}
          </span>
          <span>{def.definition}</span>
          <code>{def.formula}</code>
          {flops && <span>{t('flopsNote')}.</span>}
        </>
      }
    >
      <span data-testid="figure-value">{formatCount(value, currentLanguage())}</span>
    </Tip>
  );
}
