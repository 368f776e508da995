import { msg } from '../message';
import { fail, ok, type Result } from '../diagnostics';
import { kindDef } from '../kind-table';
import { inputCount, makeParams, outputCount } from './builder';
import { autoLabel } from './labels';
import type { Design, DesignNode, Edge, NodeKind, PortRef, Position } from './design-types';

/**
 * Pure edits of a design: each returns a new design (or the reason it cannot be done) and
 * leaves its argument untouched, so undo is a matter of keeping the old value.
 */

function freshId(taken: ReadonlySet<string>, prefix: string): string {
  let i = taken.size + 1;
  while (taken.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

/** A label not used by any node: "conv_3" when "conv_2" is taken. */
export function uniqueLabel(design: Design, wanted: string): string {
  const labels = new Set(design.nodes.map((n) => n.label));
  if (!labels.has(wanted)) return wanted;
  const stem = wanted.replace(/\d+$/, '');
  let i = 2;
  while (labels.has(`${stem}${i}`)) i++;
  return `${stem}${i}`;
}

export function defaultParams(kind: NodeKind): DesignNode['params'] {
  return makeParams(kind, {});
}

export function isKnownKind(kind: string): kind is NodeKind {
  return kindDef(kind) !== undefined;
}

export function addNode(
  design: Design,
  kind: NodeKind,
  position: Position,
  options: { params?: DesignNode['params']; label?: string } = {},
): { design: Design; nodeId: string } {
  const id = freshId(new Set(design.nodes.map((n) => n.id)), 'n');
  const label = options.label === undefined ? autoLabel(design, kind) : uniqueLabel(design, options.label);
  const node = { id, kind, label, position, params: options.params ?? defaultParams(kind) } as DesignNode;
  return { design: { ...design, nodes: [...design.nodes, node] }, nodeId: id };
}

export function removeNodes(design: Design, ids: Iterable<string>): Design {
  const gone = new Set(ids);
  return {
    ...design,
    nodes: design.nodes.filter((n) => !gone.has(n.id)),
    edges: design.edges.filter((e) => !gone.has(e.from.node) && !gone.has(e.to.node)),
  };
}

export function removeEdges(design: Design, ids: Iterable<string>): Design {
  const gone = new Set(ids);
  return { ...design, edges: design.edges.filter((e) => !gone.has(e.id)) };
}

export function updateParams(design: Design, id: string, patch: Readonly<Record<string, unknown>>): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) =>
      n.id === id ? ({ ...n, params: { ...n.params, ...patch } } as DesignNode) : n,
    ),
  };
}

export function renameNode(design: Design, id: string, label: string): Result<Design> {
  const trimmed = label.trim();
  if (trimmed === '') return fail('invalidParams', msg('nameEmpty'), 'label');
  if (design.nodes.some((n) => n.id !== id && n.label === trimmed))
    return fail('invalidParams', msg('nameTaken', { name: trimmed }), 'label');
  return ok({ ...design, nodes: design.nodes.map((n) => (n.id === id ? { ...n, label: trimmed } : n)) });
}

export function moveNodes(design: Design, positions: ReadonlyMap<string, Position>): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })),
  };
}

export function renameDesign(design: Design, name: string): Design {
  return { ...design, name };
}

/** Would an edge from → to close a loop? True when `from` can already be reached from `to`. */
export function reaches(design: Design, start: string, goal: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of design.edges) next.set(e.from.node, [...(next.get(e.from.node) ?? []), e.to.node]);
  const seen = new Set<string>();
  const stack = [start];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === goal) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/** Adds an edge, or says why it cannot be added (missing port, input taken, cycle). */
export function connect(design: Design, from: PortRef, to: PortRef): Result<Design> {
  const src = design.nodes.find((n) => n.id === from.node);
  const dst = design.nodes.find((n) => n.id === to.node);
  if (src === undefined || dst === undefined) return fail('danglingEdge', msg('bothEndsNodes'));
  if (from.port >= outputCount(src))
    return fail('danglingEdge', msg('noOutputPort', { label: src.label, n: from.port + 1 }));
  if (to.port >= inputCount(dst))
    return fail('danglingEdge', msg('noInputPort', { label: dst.label, n: to.port + 1 }));
  if (src.id === dst.id) return fail('cycle', msg('selfCycle', { label: src.label }));
  if (reaches(design, dst.id, src.id))
    return fail('cycle', msg('wouldCycle', { to: dst.label, from: src.label }));
  if (design.edges.some((e) => e.to.node === to.node && e.to.port === to.port))
    return fail('duplicateInputEdge', msg('inputTaken', { n: to.port + 1, label: dst.label }));
  const id = freshId(new Set(design.edges.map((e) => e.id)), 'e');
  return ok({ ...design, edges: [...design.edges, { id, from, to }] });
}

/** A self-contained piece of a design (for copy, paste, duplicate and user blocks). */
export interface Fragment {
  readonly nodes: readonly DesignNode[];
  readonly edges: readonly Edge[];
}

/** The selected nodes and the edges among them. */
export function extractFragment(design: Design, ids: Iterable<string>): Fragment {
  const chosen = new Set(ids);
  return {
    nodes: design.nodes.filter((n) => chosen.has(n.id)),
    edges: design.edges.filter((e) => chosen.has(e.from.node) && chosen.has(e.to.node)),
  };
}

/** Inserts a copy of a fragment with fresh ids and labels, shifted by `offset`. */
export function insertFragment(
  design: Design,
  fragment: Fragment,
  offset: Position,
): { design: Design; nodeIds: string[] } {
  let next = design;
  const idMap = new Map<string, string>();
  for (const n of fragment.nodes) {
    if (!isKnownKind(n.kind)) continue;
    const added = addNode(
      next,
      n.kind,
      { x: n.position.x + offset.x, y: n.position.y + offset.y },
      { params: n.params, label: n.label },
    );
    idMap.set(n.id, added.nodeId);
    next = added.design;
  }
  const taken = new Set(next.edges.map((e) => e.id));
  const edges: Edge[] = [];
  for (const e of fragment.edges) {
    const from = idMap.get(e.from.node);
    const to = idMap.get(e.to.node);
    if (from === undefined || to === undefined) continue;
    const id = freshId(taken, 'e');
    taken.add(id);
    edges.push({ id, from: { node: from, port: e.from.port }, to: { node: to, port: e.to.port } });
  }
  return { design: { ...next, edges: [...next.edges, ...edges] }, nodeIds: [...idMap.values()] };
}
