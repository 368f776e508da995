import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { differenceBars, type PairFigure, type PairRow } from './compare-data';
import { formatCount, formatExact } from '../../i18n/numbers';
import { kindTitle } from '../../i18n/core-text';

const ROW = 24;
const WIDTH = 760;
const LABEL = 220;
const SPAN = WIDTH - LABEL - 80;

/** A diverging bar per pair whose figure differs: savings to the left of the axis, growth to the right. */
export function DifferenceChart({ rows, figure }: { rows: readonly PairRow[]; figure: PairFigure }) {
  const { t } = useTranslation('compare');
  const lang = currentLanguage();
  const bars = differenceBars(rows, figure, 16);
  if (bars.length === 0) return <p className="muted">{t('noDifference')}</p>;
  // The axis sits in the middle only when the pairs move both ways; else the bars use the whole span.
  const savings = bars.some((b) => b.delta < 0);
  const growth = bars.some((b) => b.delta > 0);
  const scale = savings && growth ? SPAN / 2 : SPAN;
  const axis = LABEL + (savings ? (growth ? SPAN / 2 : SPAN) : 0);
  const height = bars.length * ROW + 8;
  return (
    <figure className="compare-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${t('chart')}: ${t(`figures.${figure}`)}`}
      >
        <line x1={axis} x2={axis} y1={0} y2={height} className="compare-axis" />
        {bars.map((b, i) => {
          const y = 4 + i * ROW;
          const w = Math.max(1, Math.abs(b.fraction) * scale);
          const x = b.delta < 0 ? axis - w : axis;
          const label = `${String(b.row.position)}. ${b.row.rightLabel ?? b.row.leftLabel ?? kindTitle(b.row.kind)}`;
          const value = `${b.delta > 0 ? '+' : '−'}${formatCount(Math.abs(b.delta), lang)}`;
          return (
            <g key={b.row.position}>
              <title>{`${label}: ${formatExact(b.row.left[figure], lang)} → ${formatExact(b.row.right[figure], lang)}`}</title>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" className="compare-bar-label">
                {label.length > 30 ? `${label.slice(0, 29)}…` : label}
              </text>
              <rect
                x={x}
                y={y + 3}
                width={w}
                height={ROW - 8}
                rx={3}
                className={b.delta < 0 ? 'compare-bar better' : 'compare-bar worse'}
              />
              <text
                x={b.delta > 0 ? x + w + 6 : growth ? x - 6 : axis + 6}
                y={y + ROW / 2 + 4}
                textAnchor={b.delta > 0 || !growth ? 'start' : 'end'}
                className="compare-bar-value"
              >
                {value}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('chartCaption')}</figcaption>
    </figure>
  );
}
