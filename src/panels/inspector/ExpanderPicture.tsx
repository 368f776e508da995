import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  connectionsOf,
  expanderConnections,
  groupConnections,
  layersToConnectAll,
} from '../../core/methods/expander-graph';
import type { ExpanderConvParams } from '../../core/ops/expander-conv';

/** Channels drawn at most: enough to see the pattern, few enough to read. */
const MAX_DRAWN = 24;

function Bipartite({
  title,
  graph,
  cin,
  cout,
}: {
  title: string;
  graph: readonly number[];
  cin: number;
  cout: number;
}) {
  const { t } = useTranslation('inspector');
  const w = 120;
  const h = 96;
  const fan = graph.length / cout;
  const x = (i: number, n: number): number => 6 + (i / Math.max(1, n - 1)) * (w - 12);
  const lines: string[] = [];
  for (let o = 0; o < Math.min(cout, MAX_DRAWN); o++)
    for (let k = 0; k < fan; k++) {
      const i = graph[o * fan + k] ?? 0;
      if (i < MAX_DRAWN)
        lines.push(
          `M${x(i, Math.min(cin, MAX_DRAWN)).toFixed(1)},8`,
          `L${x(o, Math.min(cout, MAX_DRAWN)).toFixed(1)},${h - 8}`,
        );
    }
  return (
    <figure className="expander-figure">
      <svg width={w} height={h} role="img" aria-label={t('expander.reads', { title })}>
        <path d={lines.join(' ')} stroke="currentColor" strokeOpacity={0.45} strokeWidth={0.8} fill="none" />
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/**
 * The expander conv's connectivity beside a group conv with the same fan-in, and how many stacked
 * layers of each connect every output to every input (Prabhu et al. 2018).
 */
export function ExpanderPicture({ params, inChannels }: { params: ExpanderConvParams; inChannels: number }) {
  const { t } = useTranslation('inspector');
  const cin = inChannels;
  const cout = params.outChannels;
  const d = params.fanIn;
  const facts = useMemo(() => {
    if (d > cin || cin < 1) return undefined;
    const graph = connectionsOf(params, cin);
    const groups = cin % d === 0 && cout % (cin / d) === 0 ? cin / d : undefined;
    const group = groups === undefined ? undefined : groupConnections(cin, cout, groups);
    // Mixing is a property of the graph family: measured on a square C → C layer with this fan-in.
    const square = Math.min(cin, 256);
    const sq = Math.min(d, square);
    return {
      graph,
      group,
      groups,
      expanderLayers: layersToConnectAll(expanderConnections(square, square, sq, params.seed), square),
      groupLayers:
        square % sq === 0
          ? layersToConnectAll(groupConnections(square, square, square / sq), square)
          : undefined,
    };
  }, [params, cin, cout, d]);
  if (facts === undefined) return null;
  return (
    <section className="inspector-section" aria-label={t('expander.label')}>
      <h3>{t('expander.title')}</h3>
      <div className="expander-pictures">
        <Bipartite title={t('expander.expander', { d })} graph={facts.graph} cin={cin} cout={cout} />
        {facts.group !== undefined && (
          <Bipartite
            title={t('expander.group', { g: facts.groups ?? 1 })}
            graph={facts.group}
            cin={cin}
            cout={cout}
          />
        )}
      </div>
      <p className="muted">
        {t('expander.note', {
          d,
          cin,
          drawn: cin > MAX_DRAWN || cout > MAX_DRAWN ? t('expander.drawn', { n: MAX_DRAWN }) : '',
          expander:
            facts.expanderLayers === undefined
              ? t('expander.expanderMany')
              : t('expander.expanderIn', { n: facts.expanderLayers }),
          group:
            facts.groupLayers === undefined
              ? t('expander.groupNever')
              : t('expander.groupIn', { n: facts.groupLayers }),
        })}
      </p>
    </section>
  );
}
