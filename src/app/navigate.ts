import type { Design } from '../core/design/design-types';

export type Direction = 'up' | 'down' | 'left' | 'right';

/**
 * The node to go to from `id` along the wires: down to the first node it feeds, up to what feeds
 * its first input, left and right among the nodes fed by that same output (in left-to-right order).
 */
export function neighbour(design: Design, id: string, direction: Direction): string | undefined {
  const x = (n: string) => design.nodes.find((m) => m.id === n)?.position.x ?? 0;
  const fedBy = (n: string) =>
    design.edges
      .filter((e) => e.from.node === n)
      .sort((a, b) => a.from.port - b.from.port || x(a.to.node) - x(b.to.node))
      .map((e) => e.to.node);
  const source = design.edges.filter((e) => e.to.node === id).sort((a, b) => a.to.port - b.to.port)[0]
    ?.from.node;
  if (direction === 'down') return fedBy(id)[0];
  if (direction === 'up') return source;
  if (source === undefined) return undefined;
  const siblings = [...new Set(fedBy(source))];
  const at = siblings.indexOf(id);
  return siblings[direction === 'left' ? at - 1 : at + 1];
}
