import { useMemo } from 'react';
import type { Analysis, LayerInfo } from '../../core/analysis/analysis-types';
import { studio, useStudio } from '../../state/store';
import { intensities, layerKind, overallIntensity, sharesByKind, type ShareFigure } from './chart-data';
import { i18next } from '../../i18n';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact, formatShare } from '../../i18n/numbers';

const H = 120;

function reveal(l: LayerInfo): void {
  const s = studio.getState();
  s.revealNode(l.id !== l.nodeId && s.openBlocks.includes(l.nodeId) ? l.id : l.nodeId);
}

interface BarsProps {
  readonly title: string;
  readonly convention: string;
  readonly layers: readonly LayerInfo[];
  readonly value: (l: LayerInfo) => number;
  readonly format: (v: number) => string;
  readonly unit: string;
  readonly reference?: { readonly value: number; readonly label: string };
}

/** One bar per layer in run order, coloured by op family; each bar is a button for its node. */
function LayerBars({ title, convention, layers, value, format, unit, reference }: BarsProps) {
  const { t } = useTranslation('cost');
  const selected = useStudio((s) => s.selectedNodes);
  const max = Math.max(1e-9, ...layers.map(value), reference?.value ?? 0);
  const w = Math.max(1, layers.length);
  return (
    <figure className="cost-chart">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{convention}</span>
        <span className="muted cost-chart-max">{t('charts.max', { n: format(max) })}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${w} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('charts.bars', { title, count: layers.length })}
      >
        {layers.map((l, i) => {
          const v = value(l);
          const h = (v / max) * H;
          const on = selected.includes(l.id) || selected.includes(l.nodeId);
          return (
            <rect
              key={l.id}
              x={i + 0.1}
              y={H - h}
              width={0.8}
              height={Math.max(h, v > 0 ? 0.5 : 0)}
              className={`cost-bar stripe-${layerKind(l).stripe} ${on ? 'selected' : ''}`}
              onClick={() => {
                reveal(l);
              }}
            >
              <title>
                {t('charts.bar', { name: l.name, kind: layerKind(l).kind, value: formatExact(v), unit })}
              </title>
            </rect>
          );
        })}
        {reference !== undefined && (
          <line
            x1={0}
            x2={w}
            y1={H - (reference.value / max) * H}
            y2={H - (reference.value / max) * H}
            className="cost-reference"
          >
            <title>{reference.label}</title>
          </line>
        )}
      </svg>
    </figure>
  );
}

const shareFigures: readonly ShareFigure[] = ['multiplyAdds', 'params', 'memoryAccess'];

/** Each op kind's share of multiply-adds, params and memory access, as 100 % bars. */
function KindShares({ analysis }: { analysis: Analysis }) {
  const { t, i18n } = useTranslation('cost');
  const language = i18n.language;
  const all = useMemo(
    () =>
      shareFigures.map((figure) => ({
        figure,
        label: i18next.t(`cost:charts.${figure}`, { lng: language }),
        shares: sharesByKind(analysis, figure),
      })),
    [analysis, language],
  );
  const legend = [...new Map(all.flatMap((s) => s.shares).map((k) => [k.kind, k.stripe])).entries()];
  return (
    <figure className="cost-chart cost-shares">
      <figcaption>
        <strong>{t('charts.shareTitle')}</strong> <span className="muted">{t('charts.shareNote')}</span>
      </figcaption>
      {all.map((s) => (
        <div key={s.figure} className="cost-share-row">
          <span className="cost-share-label">{s.label}</span>
          <div className="cost-share-bar" role="list" aria-label={t('charts.byKind', { label: s.label })}>
            {s.shares.map((k) => (
              <span
                key={k.kind}
                role="listitem"
                className={`stripe-${k.stripe}`}
                style={{ flexBasis: `${k.share * 100}%` }}
                title={t('charts.kindTitle', {
                  kind: k.kind,
                  value: formatExact(k.value),
                  share: formatShare(k.share),
                  count: k.layers,
                })}
                aria-label={`${k.kind} ${formatShare(k.share)}`}
              />
            ))}
          </div>
        </div>
      ))}
      <ul className="cost-legend">
        {legend.map(([kind, stripe]) => (
          <li key={kind}>
            <span className={`dot stripe-${stripe}`} aria-hidden="true" /> {kind}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Per-layer multiply-adds and memory access, share by op kind, and arithmetic intensity. */
export function Charts({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const flops = useStudio((s) => s.showFlops);
  const k = flops ? 2 : 1;
  const points = useMemo(() => intensities(analysis), [analysis]);
  const byLayer = new Map(points.map((p) => [p.layer.id, p.intensity]));
  const overall = overallIntensity(analysis);
  return (
    <div className="cost-charts">
      <LayerBars
        title={flops ? t('charts.flopsPerLayer') : t('charts.maddsPerLayer')}
        convention={flops ? t('twiceMadds') : t('charts.convLinear')}
        layers={analysis.layers}
        value={(l) => l.cost.multiplyAdds * k}
        format={formatCount}
        unit={flops ? t('flops') : t('charts.madds')}
      />
      <LayerBars
        title={t('charts.memoryPerLayer')}
        convention={t('charts.memoryNote')}
        layers={analysis.layers}
        value={(l) => l.cost.memoryAccess}
        format={formatCount}
        unit={t('charts.moved')}
      />
      <KindShares analysis={analysis} />
      <LayerBars
        title={t('charts.intensity')}
        convention={t('charts.intensityNote')}
        layers={points.map((p) => p.layer)}
        value={(l) => byLayer.get(l.id) ?? 0}
        format={(v) => v.toFixed(1)}
        unit={t('charts.intensityUnit')}
        reference={{
          value: overall,
          label: t('charts.whole', { n: overall.toFixed(1) }),
        }}
      />
    </div>
  );
}
