import { outputCount } from './builder';
import type { Design, Edge, PortRef } from './design-types';

/**
 * Wiring edits a node editor makes when a node goes into, or comes out of, a chain. Pure: they
 * rewire and say what they did; whether the shapes agree is the analysis's business.
 */

function freshEdgeIds(design: Design): () => string {
  const taken = new Set(design.edges.map((e) => e.id));
  let i = design.edges.length + 1;
  return () => {
    while (taken.has(`e${i}`)) i++;
    taken.add(`e${i}`);
    return `e${i}`;
  };
}

/**
 * Puts node `id` (in the design, not yet wired) after output `from`: `from` feeds its input 1 and,
 * unless `branch`, its output 1 takes over every connection `from` had (only the wire `wire`, when
 * one is named: a node dropped on that wire), so the node sits in the wire. A node without outputs
 * (an Output) can only branch.
 */
export function spliceAfter(
  design: Design,
  from: PortRef,
  id: string,
  branch = false,
  wire?: string,
): Design {
  const node = design.nodes.find((n) => n.id === id);
  if (node === undefined || !design.nodes.some((n) => n.id === from.node)) return design;
  const next = freshEdgeIds(design);
  const leaving = (e: Edge) =>
    e.from.node === from.node && e.from.port === from.port && (wire === undefined || e.id === wire);
  const splice = !branch && outputCount(node) > 0;
  const moved = splice ? design.edges.filter(leaving) : [];
  const kept = splice ? design.edges.filter((e) => !leaving(e)) : [...design.edges];
  const edges: Edge[] = [
    ...kept,
    { id: next(), from, to: { node: id, port: 0 } },
    ...moved.map((e) => ({ id: e.id, from: { node: id, port: 0 }, to: e.to })),
  ];
  return { ...design, edges };
}

/** The wires a splice would take over: where `from` leads now. */
export const wiresFrom = (design: Design, from: PortRef): readonly Edge[] =>
  design.edges.filter((e) => e.from.node === from.node && e.from.port === from.port);

export interface Bridge {
  /** The kept output that now feeds `to` directly. */
  readonly from: PortRef;
  readonly to: PortRef;
}

export interface Break {
  /** A kept input that lost its connection and was not bridged. */
  readonly to: PortRef;
  /** The kept output the deleted chain started from, if it had a single one. */
  readonly from: PortRef | undefined;
}

export interface Removal {
  readonly design: Design;
  readonly bridges: readonly Bridge[];
  readonly breaks: readonly Break[];
}

/**
 * Deletes nodes as node editors do: where a deleted chain had one way in and the tensor entering it
 * has the shape of the tensor leaving it (`sameShape` decides, from the design before the delete),
 * the input before the chain is connected straight to what came after it. Every other connection
 * that leaves the deleted nodes is reported as broken.
 */
export function removeBridging(
  design: Design,
  ids: Iterable<string>,
  sameShape: (from: PortRef, exit: Edge) => boolean,
): Removal {
  const gone = new Set(ids);
  const into = new Map<string, Edge[]>();
  for (const e of design.edges) into.set(e.to.node, [...(into.get(e.to.node) ?? []), e]);
  /** Follows single inputs back through deleted nodes to a kept output, if there is exactly one. */
  const sourceOf = (node: string): PortRef | undefined => {
    let cur = node;
    for (let steps = 0; steps <= gone.size; steps++) {
      const ins = into.get(cur) ?? [];
      const only = ins.length === 1 ? ins[0] : undefined;
      if (only === undefined) return undefined;
      if (!gone.has(only.from.node)) return only.from;
      cur = only.from.node;
    }
    return undefined;
  };
  const next = freshEdgeIds(design);
  const bridges: Bridge[] = [];
  const breaks: Break[] = [];
  const added: Edge[] = [];
  for (const e of design.edges) {
    if (!gone.has(e.from.node) || gone.has(e.to.node)) continue;
    const from = sourceOf(e.from.node);
    if (from !== undefined && sameShape(from, e)) {
      bridges.push({ from, to: e.to });
      added.push({ id: next(), from, to: e.to });
    } else breaks.push({ to: e.to, from });
  }
  return {
    design: {
      ...design,
      nodes: design.nodes.filter((n) => !gone.has(n.id)),
      edges: [...design.edges.filter((e) => !gone.has(e.from.node) && !gone.has(e.to.node)), ...added],
    },
    bridges,
    breaks,
  };
}
