import type { Analysis } from '../core/analysis/types';
import type { Break, Bridge } from '../core/graph/splice';
import type { Design, PortRef } from '../core/graph/types';
import { formatShape, type Shape } from '../core/shape';

/**
 * What an edit did besides what was asked, in a sentence with node names: the wires a delete
 * bridged or broke, the residual add a width edit took away. Shown as a notice (a live region).
 */

const labelOf = (design: Design, id: string): string => design.nodes.find((n) => n.id === id)?.label ?? id;
const shapeText = (s: Shape | undefined): string => (s === undefined ? 'an unknown shape' : formatShape(s));
const outShape = (a: Analysis, p: PortRef): Shape | undefined => a.nodes.get(p.node)?.outputShapes?.[p.port];

export function deleteNotice(
  before: Analysis,
  removed: readonly string[],
  bridges: readonly Bridge[],
  breaks: readonly Break[],
): string {
  const d = before.design;
  const names = removed.map((id) => labelOf(d, id));
  const what = names.length <= 3 ? names.join(', ') : `${names.length} nodes`;
  const parts = [`Deleted ${what}.`];
  for (const b of bridges)
    parts.push(
      `Connected ${labelOf(d, b.from.node)} → ${labelOf(d, b.to.node)} (${shapeText(outShape(before, b.from))}).`,
    );
  for (const b of breaks) {
    const target = labelOf(d, b.to.node);
    const got = before.nodes.get(b.to.node)?.inputShapes[b.to.port];
    parts.push(
      b.from === undefined
        ? `${target} lost input ${b.to.port + 1}: the deleted part had more than one way in, so nothing was bridged.`
        : `${target} lost input ${b.to.port + 1}: it received ${shapeText(got)} and ${labelOf(d, b.from.node)} gives ${shapeText(outShape(before, b.from))}, so nothing was bridged.`,
    );
  }
  return parts.join(' ');
}

const adds = (a: Analysis, id: string): number => {
  const [first, end] = a.nodes.get(id)?.layers ?? [0, 0];
  return a.layers.slice(first, end).filter((l) => l.op === 'Add').length;
};

/** A settings edit that took away (or brought back) residual adds, said with the widths that decide it. */
export function structureNotice(before: Analysis, after: Analysis, id: string): string | undefined {
  const was = adds(before, id);
  const now = adds(after, id);
  if (was === now) return undefined;
  const info = after.nodes.get(id);
  const label = labelOf(after.design, id);
  const inC = info?.inputShapes[0]?.[1];
  const outC = info?.outputShapes?.[0]?.[1];
  const widths = inC !== undefined && outC !== undefined ? ` (input ${inC}, output ${outC} channels)` : '';
  const n = Math.abs(now - was);
  const adds_ = n === 1 ? 'residual add' : `${n} residual adds`;
  return now < was
    ? `${label} lost its ${adds_}: a skip needs stride 1 and equal input and output widths${widths}. Undo (Ctrl+Z) brings it back.`
    : `${label} gained ${n === 1 ? 'a residual add' : adds_}: input and output now have one shape${widths}.`;
}
