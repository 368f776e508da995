import { engineTitle } from '../../i18n/engine-title';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { useStudio } from '../../state/store';
import { datasetsOf, resultPoints, type ResultPoint } from './results-data';
import { useTrainPanel, type CostAxis } from './train-store';
import { formatAccuracy, formatCount, formatEpochs } from '../../i18n/numbers';

const W = 320;
const H = 200;
const PAD = { left: 40, right: 10, top: 10, bottom: 30 };
const axes: readonly CostAxis[] = ['params', 'multiplyAdds', 'memoryAccess'];

/**
 * Accuracy against a chosen cost for every result on one dataset, the current design's and the pinned
 * baseline's, with the Pareto front drawn: which design buys its accuracy most cheaply. The cost axis
 * is logarithmic when the costs span more than a factor of ten (compact nets differ by orders).
 */
export function ResultsView() {
  const { t } = useTranslation('train');
  const design = useStudio((s) => s.design);
  const baseline = useStudio((s) => s.baseline);
  const axis = useTrainPanel((s) => s.axis);
  const chosen = useTrainPanel((s) => s.resultsDataset);
  const datasets = datasetsOf([design, baseline]);
  const dataset = chosen !== undefined && datasets.includes(chosen) ? chosen : datasets[0];
  return (
    <section className="run-section" aria-labelledby="train-results-title">
      <h3 id="train-results-title">{t('results.title')}</h3>
      {dataset === undefined ? (
        <p className="run-hint">{t('results.none')}</p>
      ) : (
        <>
          <div className="train-results-controls">
            <label>
              {t('results.dataset')}{' '}
              <select
                value={dataset}
                onChange={(e) => {
                  useTrainPanel.setState({ resultsDataset: e.target.value });
                }}
              >
                {datasets.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('results.cost')}{' '}
              <select
                value={axis}
                onChange={(e) => {
                  useTrainPanel.setState({ axis: e.target.value as CostAxis });
                }}
              >
                {axes.map((a) => (
                  <option key={a} value={a}>
                    {t(`results.${a}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <TradeOffChart
            {...resultPoints(design, baseline, dataset, axis)}
            dataset={dataset}
            axisName={t(`results.${axis}`)}
            baselineName={baseline?.name ?? ''}
          />
        </>
      )}
    </section>
  );
}

function TradeOffChart({
  points,
  front,
  dataset,
  axisName,
  baselineName,
}: {
  points: readonly ResultPoint[];
  front: readonly ResultPoint[];
  dataset: string;
  axisName: string;
  baselineName: string;
}) {
  const { t } = useTranslation('train');
  const lang = currentLanguage();
  const costs = points.map((p) => Math.max(1, p.cost));
  const lo = Math.min(...costs);
  const hi = Math.max(...costs);
  const log = hi / lo > 10;
  // A little room either side so no point sits on the frame.
  const [x0, x1] = log
    ? [Math.log10(lo) - 0.1, Math.log10(hi) + 0.1]
    : [lo * 0.9, hi * 1.1 + (hi === lo ? 1 : 0)];
  const accs = points.map((p) => p.accuracy);
  const y0 = Math.max(0, Math.floor(Math.min(...accs) * 10) / 10 - 0.05);
  const y1 = Math.min(1, Math.ceil(Math.max(...accs) * 10) / 10 + 0.02);
  const x = (cost: number) => {
    const v = log ? Math.log10(Math.max(1, cost)) : cost;
    return PAD.left + ((v - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  };
  const y = (acc: number) => H - PAD.bottom - ((acc - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom);
  // The front as a staircase: each design holds its accuracy until a costlier one beats it.
  const stairs = front
    .map((p, i) => {
      const px = x(p.cost).toFixed(1);
      const py = y(p.accuracy).toFixed(1);
      return i === 0 ? `M${px},${py}` : `H${px}V${py}`;
    })
    .join('');
  const who = (p: ResultPoint) =>
    p.who === 'current' ? t('results.current') : t('results.baseline', { name: baselineName });
  const onFront = new Set(front.map((p) => p.id));
  return (
    <figure className="train-chart train-tradeoff">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('results.chart', {
          dataset,
          cost: axisName,
          count: points.length,
          front: front.length,
        })}
        data-points={points.length}
        data-front={front.length}
      >
        {[y0, (y0 + y1) / 2, y1].map((v) => (
          <g key={v}>
            <line className="train-grid-line" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text className="train-tick" x={PAD.left - 4} y={y(v) + 3} textAnchor="end">
              {`${Math.round(v * 100)}%`}
            </text>
          </g>
        ))}
        <text className="train-tick" x={PAD.left} y={H - 16}>
          {formatCount(lo, lang)}
        </text>
        <text className="train-tick" x={W - PAD.right} y={H - 16} textAnchor="end">
          {formatCount(hi, lang)}
        </text>
        <text className="train-tick" x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle">
          {log ? t('results.logAxis', { name: axisName }) : axisName}
        </text>
        <path className="train-front" d={stairs} />
        {points.map((p) => (
          <circle
            key={p.id}
            className={`train-point train-point-${p.who}${onFront.has(p.id) ? ' on-front' : ''}`}
            cx={x(p.cost)}
            cy={y(p.accuracy)}
            r={4.5}
          >
            <title>
              {t('results.point', {
                who: who(p),
                accuracy: formatAccuracy(p.accuracy),
                cost: formatCount(p.cost, lang),
                epochs: formatEpochs(p.result.epochs),
                engine: engineTitle(p.result.engine),
              })}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption className="train-legend">
        <span className="train-key train-key-current">{t('results.current')}</span>{' '}
        {baselineName !== '' && (
          <span className="train-key train-key-baseline">
            {t('results.baseline', { name: baselineName })}
          </span>
        )}{' '}
        <span className="train-key train-key-front">{t('results.front')}</span>
      </figcaption>
    </figure>
  );
}
