import { useTranslation } from 'react-i18next';
import type { EpochReport } from '../../runtime/train/protocol';
import { useStudio } from '../../state/store';
import type { TrainPoint } from '../../state/train-slice';

const W = 300;
const H = 110;
const PAD = { left: 34, right: 8, top: 8, bottom: 18 };

interface Series {
  readonly train: readonly { x: number; y: number }[];
  readonly validation: readonly { x: number; y: number }[];
}

/** One chart: the training series as a line, validation after each epoch as dots joined by a dashed line. */
function Chart({
  title,
  label,
  series,
  xMax,
  yMax,
  yFormat,
  kind,
}: {
  title: string;
  label: string;
  series: Series;
  xMax: number;
  yMax: number;
  yFormat: (v: number) => string;
  kind: 'loss' | 'accuracy';
}) {
  const { t } = useTranslation('train');
  const x = (v: number) => PAD.left + (v / Math.max(1, xMax)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (Math.min(v, yMax) / yMax) * (H - PAD.top - PAD.bottom);
  const path = (pts: readonly { x: number; y: number }[]) =>
    pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join('');
  return (
    <figure className="train-chart">
      <figcaption>
        {title} <span className="train-key train-key-train">{t('curves.train')}</span>{' '}
        <span className="train-key train-key-validation">{t('curves.validation')}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={label}
        data-curve={kind}
        data-points={series.train.length}
        data-validation-points={series.validation.length}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              className="train-grid-line"
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(f * yMax)}
              y2={y(f * yMax)}
            />
            <text className="train-tick" x={PAD.left - 4} y={y(f * yMax) + 3} textAnchor="end">
              {yFormat(f * yMax)}
            </text>
          </g>
        ))}
        <text className="train-tick" x={W - PAD.right} y={H - 4} textAnchor="end">
          {xMax} {t('curves.step')}
        </text>
        <path className="train-line-train" d={path(series.train)} />
        <path className="train-line-validation" d={path(series.validation)} />
        {series.validation.map((p) => (
          <circle key={p.x} className="train-dot-validation" cx={x(p.x)} cy={y(p.y)} r={3} />
        ))}
      </svg>
    </figure>
  );
}

const niceMax = (v: number): number => {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v) ?? v;
};

/** Live loss and accuracy curves of the run under way (or the last one). */
export function Curves() {
  const { t } = useTranslation('train');
  const points: readonly TrainPoint[] = useStudio((s) => s.train.trainCurve);
  const epochs: readonly EpochReport[] = useStudio((s) => s.train.epochs);
  const total = useStudio((s) => s.train.last?.totalSteps ?? 0);
  if (points.length === 0) return null;
  const finite = (v: number) => (Number.isFinite(v) ? v : 0);
  const loss: Series = {
    train: points.map((p) => ({ x: p.step, y: finite(p.loss) })),
    validation: epochs.map((e) => ({ x: e.step, y: finite(e.valLoss) })),
  };
  const accuracy: Series = {
    train: points.map((p) => ({ x: p.step, y: p.top1 })),
    validation: epochs.map((e) => ({ x: e.step, y: e.valTop1 })),
  };
  const lossMax = niceMax(Math.max(...loss.train.map((p) => p.y), ...loss.validation.map((p) => p.y)));
  const values = { count: points.length, epochs: epochs.length };
  return (
    <section className="run-section train-curves" aria-label={t('curves.loss')}>
      <Chart
        kind="loss"
        title={t('curves.loss')}
        label={t('curves.lossLabel', values)}
        series={loss}
        xMax={total}
        yMax={lossMax}
        yFormat={(v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1))}
      />
      <Chart
        kind="accuracy"
        title={t('curves.accuracy')}
        label={t('curves.accuracyLabel', values)}
        series={accuracy}
        xMax={total}
        yMax={1}
        yFormat={(v) => `${Math.round(v * 100)}%`}
      />
    </section>
  );
}
