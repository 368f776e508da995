import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { chartColumns, chartFont, fitText, textWidth } from './chart-layout';
import { differenceBars, type PairFigure, type PairRow } from './compare-data';
import { formatCount, formatExact } from '../../i18n/numbers';
import { kindTitle } from '../../i18n/core-text';

const ROW = 24;
/** Until the figure is measured (and in a test without layout). */
const FALLBACK_WIDTH = 520;

/** The figure's width in pixels, followed as the dialog resizes: the chart draws at 1 unit = 1 px. */
function useWidth(shown: boolean): [React.RefObject<HTMLElement | null>, number] {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const read = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [shown]);
  return [ref, width];
}

/**
 * A diverging bar per pair whose figure differs: savings to the left of the axis, growth to the right.
 * Row labels, bars and values sit in their own columns, so no value ever covers a label.
 */
export function DifferenceChart({ rows, figure }: { rows: readonly PairRow[]; figure: PairFigure }) {
  const { t } = useTranslation('compare');
  const lang = currentLanguage();
  const bars = differenceBars(rows, figure, 16);
  const [ref, width] = useWidth(bars.length > 0);
  if (bars.length === 0) return <p className="muted">{t('noDifference')}</p>;
  const values = bars.map((b) => `${b.delta > 0 ? '+' : '−'}${formatCount(Math.abs(b.delta), lang)}`);
  const cols = chartColumns(width, Math.max(...values.map((v) => textWidth(v))));
  const span = cols.barEnd - cols.barStart;
  // The axis sits in the middle only when the pairs move both ways; else the bars use the whole span.
  const savings = bars.some((b) => b.delta < 0);
  const growth = bars.some((b) => b.delta > 0);
  const scale = savings && growth ? span / 2 : span;
  const axis = cols.barStart + (savings ? (growth ? span / 2 : span) : 0);
  const height = bars.length * ROW + 8;
  return (
    <figure className="compare-chart" ref={ref}>
      <svg
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        width={width}
        height={height}
        role="img"
        aria-label={`${t('chart')}: ${t(`figures.${figure}`)}`}
      >
        <line x1={axis} x2={axis} y1={0} y2={height} className="compare-axis" />
        {bars.map((b, i) => {
          const y = 4 + i * ROW;
          const w = Math.max(1, Math.abs(b.fraction) * scale);
          const x = b.delta < 0 ? axis - w : axis;
          const label = `${String(b.row.position)}. ${b.row.rightLabel ?? b.row.leftLabel ?? kindTitle(b.row.kind)}`;
          return (
            <g key={b.row.position} data-position={b.row.position}>
              <title>{`${label}: ${formatExact(b.row.left[figure], lang)} → ${formatExact(b.row.right[figure], lang)}`}</title>
              <text
                x={cols.labelEnd}
                y={y + ROW / 2 + 4}
                textAnchor="end"
                className="compare-bar-label"
                fontSize={chartFont}
              >
                {fitText(label, cols.labelEnd - 2)}
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
                x={cols.valueEnd}
                y={y + ROW / 2 + 4}
                textAnchor="end"
                className="compare-bar-value"
                fontSize={chartFont}
              >
                {values[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('chartCaption')}</figcaption>
    </figure>
  );
}
