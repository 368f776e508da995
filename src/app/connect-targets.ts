import { inputCount } from '../core/design/builder';
import { connect } from '../core/design/edit';
import type { Design, PortRef } from '../core/design/design-types';
import { formatShape } from '../core/shape';
import type { TFunction } from 'i18next';
import { i18next } from '../i18n';
import { analysisOf } from '../state/analysis';
import { checkConnection } from '../state/connection';

export interface Target {
  readonly key: string;
  readonly to: PortRef;
  /** "conv_2 input 1", as the ports are named on the canvas (in the current language). */
  readonly name: string;
  /** What arrives there now, or why nothing does. */
  readonly detail: string;
}

/**
 * The free inputs an output can be connected to: no cycle, the port not taken, the shapes meeting
 * (checked only for those shown, since each check analyses the design once more). Named with `t`: a
 * component passes its own, so the list is made again when the language changes.
 */
export function connectTargets(
  design: Design,
  from: PortRef,
  query: string,
  t: TFunction = i18next.t,
  limit = 30,
): Target[] {
  const q = query.trim().toLowerCase();
  const analysis = analysisOf(design);
  const out: Target[] = [];
  for (const n of design.nodes) {
    if (n.id === from.node) continue;
    for (let port = 0; port < inputCount(n); port++) {
      if (out.length >= limit) return out;
      const name = t('canvas:portIn', { label: n.label, n: port + 1 });
      if (q !== '' && !name.toLowerCase().includes(q) && !n.kind.toLowerCase().includes(q)) continue;
      const to = { node: n.id, port };
      if (!connect(design, from, to).ok || !checkConnection(design, from, to).ok) continue;
      const shape = analysis.nodes.get(n.id)?.outputShapes?.[0];
      out.push({
        key: `${n.id}:${port}`,
        to,
        name,
        detail:
          shape === undefined
            ? n.kind
            : t('actions:connect.gives', { kind: n.kind, shape: formatShape(shape) }),
      });
    }
  }
  return out;
}
