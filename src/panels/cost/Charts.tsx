import { useMemo } from 'react';
import type { Analysis, LayerInfo } from '../../core/analysis/types';
import { formatCount, formatExact } from '../../ui/figures';
import { studio, useStudio } from '../../state/store';
import { intensities, layerKind, overallIntensity, sharesByKind, type ShareFigure } from './chart-data';
import { formatShare } from './format';

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
  const selected = useStudio((s) => s.selectedNodes);
  const max = Math.max(1e-9, ...layers.map(value), reference?.value ?? 0);
  const w = Math.max(1, layers.length);
  return (
    <figure className="cost-chart">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{convention}</span>
        <span className="muted cost-chart-max">max {format(max)}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${w} ${H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${title}, ${layers.length} layers`}
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
              <title>{`${l.name} (${layerKind(l).kind}): ${formatExact(v)} ${unit}`}</title>
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

const shareFigures: readonly { figure: ShareFigure; label: string }[] = [
  { figure: 'multiplyAdds', label: 'Multiply-adds' },
  { figure: 'params', label: 'Params' },
  { figure: 'memoryAccess', label: 'Memory access' },
];

/** Each op kind's share of multiply-adds, params and memory access, as 100 % bars. */
function KindShares({ analysis }: { analysis: Analysis }) {
  const all = useMemo(
    () => shareFigures.map((s) => ({ ...s, shares: sharesByKind(analysis, s.figure) })),
    [analysis],
  );
  const legend = [...new Map(all.flatMap((s) => s.shares).map((k) => [k.kind, k.stripe])).entries()];
  return (
    <figure className="cost-chart cost-shares">
      <figcaption>
        <strong>Share by op kind</strong> <span className="muted">of each total</span>
      </figcaption>
      {all.map((s) => (
        <div key={s.figure} className="cost-share-row">
          <span className="cost-share-label">{s.label}</span>
          <div className="cost-share-bar" role="list" aria-label={`${s.label} by op kind`}>
            {s.shares.map((k) => (
              <span
                key={k.kind}
                role="listitem"
                className={`stripe-${k.stripe}`}
                style={{ flexBasis: `${k.share * 100}%` }}
                title={`${k.kind}: ${formatExact(k.value)} (${formatShare(k.share)}, ${k.layers} layers)`}
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
  const flops = useStudio((s) => s.showFlops);
  const k = flops ? 2 : 1;
  const points = useMemo(() => intensities(analysis), [analysis]);
  const byLayer = new Map(points.map((p) => [p.layer.id, p.intensity]));
  const overall = overallIntensity(analysis);
  return (
    <div className="cost-charts">
      <LayerBars
        title={flops ? 'FLOPs per layer' : 'Multiply-adds per layer'}
        convention={flops ? '2 × multiply-adds' : 'conv and linear only'}
        layers={analysis.layers}
        value={(l) => l.cost.multiplyAdds * k}
        format={formatCount}
        unit={flops ? 'FLOPs' : 'multiply-adds'}
      />
      <LayerBars
        title="Memory access per layer"
        convention="all ops: reads + writes (+ weights), elements"
        layers={analysis.layers}
        value={(l) => l.cost.memoryAccess}
        format={formatCount}
        unit="elements moved"
      />
      <KindShares analysis={analysis} />
      <LayerBars
        title="Arithmetic intensity"
        convention="multiply-adds per element of memory access (all ops), layers with multiply-adds"
        layers={points.map((p) => p.layer)}
        value={(l) => byLayer.get(l.id) ?? 0}
        format={(v) => v.toFixed(1)}
        unit="multiply-adds per element moved"
        reference={{
          value: overall,
          label: `whole design: ${overall.toFixed(1)} multiply-adds per element moved`,
        }}
      />
    </div>
  );
}
