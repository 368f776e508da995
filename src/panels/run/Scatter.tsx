import { useTranslation } from 'react-i18next';
import { formatCount, formatMs } from '../../i18n/numbers';

export interface ScatterPoint {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

const W = 300;
const H = 170;
const PAD = { left: 44, right: 8, top: 8, bottom: 30 };

/** Per-node time (y) against a cost (x): our own small SVG scatter plot; a click selects the node. */
export function Scatter(props: {
  points: readonly ScatterPoint[];
  xLabel: string;
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation('run');
  const { points } = props;
  const maxX = Math.max(1, ...points.map((p) => p.x));
  const maxY = Math.max(1e-6, ...points.map((p) => p.y));
  const sx = (x: number) => PAD.left + (x / maxX) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - (y / maxY) * (H - PAD.top - PAD.bottom);
  return (
    <svg
      className="run-scatter"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('scatter', { x: props.xLabel })}
    >
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="axis" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="axis" />
      <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="tick">
        {formatMs(maxY)}
      </text>
      <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="tick">
        0
      </text>
      <text x={W - PAD.right} y={H - PAD.bottom + 12} textAnchor="end" className="tick">
        {formatCount(maxX)}
      </text>
      <text x={(W + PAD.left) / 2} y={H - 4} textAnchor="middle" className="label">
        {props.xLabel}
      </text>
      {points.map((p) => (
        <circle
          key={p.id}
          cx={sx(p.x)}
          cy={sy(p.y)}
          r={p.id === props.selected ? 5 : 3.5}
          className={p.id === props.selected ? 'point is-selected' : 'point'}
          onClick={() => {
            props.onSelect(p.id);
          }}
        >
          <title>{`${p.label}: ${formatMs(p.y)}, ${formatCount(p.x)} ${props.xLabel}`}</title>
        </circle>
      ))}
    </svg>
  );
}
