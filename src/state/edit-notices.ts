import type { Analysis } from '../core/analysis/analysis-types';
import type { Break, Bridge } from '../core/design/splice';
import type { Design, PortRef } from '../core/design/design-types';
import { formatShape, type Shape } from '../core/shape';
import { i18next } from '../i18n';

/**
 * What an edit did besides what was asked, in a sentence with node names: the wires a delete
 * bridged or broke, the residual add a width edit took away. Shown as a notice (a live region).
 */

const labelOf = (design: Design, id: string): string => design.nodes.find((n) => n.id === id)?.label ?? id;
const shapeText = (s: Shape | undefined): string =>
  s === undefined ? i18next.t('store:shape.unknown') : formatShape(s);
const outShape = (a: Analysis, p: PortRef): Shape | undefined => a.nodes.get(p.node)?.outputShapes?.[p.port];

/** Sentences one after another, as the language writes them (a space in English, none in Chinese). */
const sentences = (parts: readonly string[]): string =>
  parts.reduce((done, next) => i18next.t('store:join.sentences', { done, next }));

export function deleteNotice(
  before: Analysis,
  removed: readonly string[],
  bridges: readonly Bridge[],
  breaks: readonly Break[],
): string {
  const d = before.design;
  const names = removed.map((id) => labelOf(d, id));
  const parts = [
    names.length <= 3
      ? i18next.t('store:deleted.names', { names: names.join(i18next.t('store:join.names')) })
      : i18next.t('store:deleted.count', { count: names.length }),
  ];
  for (const b of bridges)
    parts.push(
      i18next.t('store:deleted.bridged', {
        from: labelOf(d, b.from.node),
        to: labelOf(d, b.to.node),
        shape: shapeText(outShape(before, b.from)),
      }),
    );
  for (const b of breaks) {
    const target = labelOf(d, b.to.node);
    const port = b.to.port + 1;
    parts.push(
      b.from === undefined
        ? i18next.t('store:deleted.brokeManyWays', { target, port })
        : i18next.t('store:deleted.brokeShapes', {
            target,
            port,
            got: shapeText(before.nodes.get(b.to.node)?.inputShapes[b.to.port]),
            from: labelOf(d, b.from.node),
            gives: shapeText(outShape(before, b.from)),
          }),
    );
  }
  return sentences(parts);
}

const adds = (a: Analysis, id: string): number => {
  const [first, end] = a.nodes.get(id)?.layers ?? [0, 0];
  return a.layers.slice(first, end).filter((l) => l.op === 'Add').length;
};

/** One node's residual adds that changed with an edit, said with the widths that decide it. */
function residualSentence(after: Analysis, id: string, was: number, now: number): string {
  const info = after.nodes.get(id);
  const label = labelOf(after.design, id);
  const count = Math.abs(now - was);
  const input = info?.inputShapes[0]?.[1];
  const output = info?.outputShapes?.[0]?.[1];
  if (input === undefined || output === undefined)
    return now < was
      ? i18next.t('store:residual.lost', { label, count })
      : i18next.t('store:residual.gained', { label, count });
  return now < was
    ? i18next.t('store:residual.lostWidths', { label, count, input, output })
    : i18next.t('store:residual.gainedWidths', { label, count, input, output });
}

/** How many imported weight tensors of a node's layers the design holds. */
const weighted = (a: Analysis, id: string): number => {
  const layers = a.design.weights?.layers;
  if (layers === undefined) return 0;
  const [first, end] = a.nodes.get(id)?.layers ?? [0, 0];
  return a.layers.slice(first, end).filter((l) => layers[l.key] !== undefined).length;
};

/**
 * What a settings edit of node `id` did besides what was asked: the residual adds it took away or
 * brought back (on that node, or on a node after it whose input width it changed), and the
 * imported weights other nodes lost because a layer's shape changed (the others keep theirs).
 * Undefined when the edit changed nothing else.
 */
export function structureNotice(before: Analysis, after: Analysis, id: string): string | undefined {
  const parts: string[] = [];
  for (const node of after.design.nodes) {
    if (!before.nodes.has(node.id)) continue;
    const was = adds(before, node.id);
    const now = adds(after, node.id);
    if (was !== now) parts.push(residualSentence(after, node.id, was, now));
  }
  for (const node of after.design.nodes) {
    if (node.id === id || !before.nodes.has(node.id)) continue;
    const had = weighted(before, node.id);
    const kept = weighted(after, node.id);
    if (kept < had)
      parts.push(i18next.t('store:refitted', { label: node.label, count: had - kept, kept, total: had }));
  }
  return parts.length === 0 ? undefined : sentences(parts);
}
