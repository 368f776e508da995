import { analyze } from '../analysis/analyze';
import { isMessage, msg, refusal, type Message, type Refusal } from '../message';
import { widthFields } from '../analysis/scale';
import type { Design, DesignNode, Edge, PortRef } from '../design/design-types';

/**
 * SplitNet (Kim et al. 2017, survey ref. 143) as a transform: from a node on, the network becomes
 * G disjoint branches (no exchange between them: a tree), each a copy of the rest of the network
 * at 1/G of its widths, and the classifier becomes G linear layers over disjoint subsets of the
 * classes, joined by a Concat: Split → … → Linear per group → Concat. Every conv after the split
 * reads 1/G of the channels and writes 1/G, so its params and multiply-adds drop G-fold; the
 * layers before the split are shared by every branch, as in the paper's tree.
 */

export type SplitResult = { readonly ok: true; readonly design: Design } | ({ readonly ok: false } & Refusal);

/** Kinds that end the network after the classifier: they stay shared, after the Concat. */
const HEAD_KINDS: ReadonlySet<string> = new Set(['Output', 'Softmax']);

const key = (p: PortRef): string => `${p.node}:${p.port}`;

/** Nodes reachable from `start` (not including it). */
function downstream(design: Design, start: string): Set<string> {
  const out = new Map<string, string[]>();
  for (const e of design.edges) out.set(e.from.node, [...(out.get(e.from.node) ?? []), e.to.node]);
  const seen = new Set<string>();
  const stack = [...(out.get(start) ?? [])];
  while (stack.length > 0) {
    const n = stack.pop() as string;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...(out.get(n) ?? []));
  }
  return seen;
}

/** Part b of n split into g near-equal parts (the first n mod g parts one larger). */
const part = (n: number, g: number, b: number): number => Math.floor(n / g) + (b < n % g ? 1 : 0);

/** The node's params for branch b: channel counts / G, class counts split into subsets. */
function branchParams(
  node: DesignNode,
  groups: number,
  b: number,
  classifier: boolean,
): Record<string, unknown> | Message {
  const params = { ...(node.params as Record<string, unknown>) };
  const divide = (field: string, v: number): number | Message =>
    v % groups === 0 ? v / groups : msg('splitField', { label: node.label, field, value: v, groups });
  for (const f of widthFields(node.kind)) {
    const v = params[f];
    if (node.kind === 'Linear' && classifier && typeof v === 'number') {
      if (v < groups) return msg('splitClasses', { label: node.label, value: v, groups });
      params[f] = part(v, groups, b);
      continue;
    }
    if (typeof v === 'number') {
      const d = divide(f, v);
      if (typeof d !== 'number') return d;
      params[f] = d;
    } else if (Array.isArray(v)) {
      const list: number[] = [];
      for (const x of v as number[]) {
        const d = divide(f, x);
        if (typeof d !== 'number') return d;
        list.push(d);
      }
      params[f] = list;
    }
  }
  if (node.kind === 'Conv2d') {
    const p = node.params;
    if (p.groups > 1 && p.groups === p.outChannels) params.groups = params.outChannels;
    else if (p.groups % groups === 0) params.groups = p.groups / groups;
  }
  return params;
}

/** Splits `design` into `groups` branches from the output of node `at` on. */
export function splitNetwork(design: Design, at: string, groups: number): SplitResult {
  const start = design.nodes.find((n) => n.id === at);
  if (start === undefined) return { ok: false, ...refusal(msg('splitNoNode', { node: at })) };
  if (!Number.isInteger(groups) || groups < 2 || groups > 16)
    return { ok: false, ...refusal(msg('splitGroups', { groups })) };
  const tail = downstream(design, at);
  const head = new Set<string>();
  for (const n of design.nodes)
    if (tail.has(n.id) && HEAD_KINDS.has(n.kind))
      for (const d of [n.id, ...downstream(design, n.id)]) head.add(d);
  const branch = new Set([...tail].filter((id) => !head.has(id)));
  if (branch.size === 0) return { ok: false, ...refusal(msg('splitNothingAfter', { label: start.label })) };
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const analysis = analyze(design);
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError !== undefined) return { ok: false, ...refusal(msg('splitFixFirst'), firstError) };
  const leaving = design.edges.filter((e) => e.from.node === at && branch.has(e.to.node));
  if (new Set(leaving.map((e) => e.from.port)).size !== 1)
    return { ok: false, ...refusal(msg('splitOneOutput', { label: start.label })) };
  for (const e of design.edges) {
    if (!branch.has(e.to.node) || branch.has(e.from.node) || e.from.node === at) continue;
    return {
      ok: false,
      ...refusal(
        msg('splitBeforeSplit', {
          from: byId.get(e.from.node)?.label ?? e.from.node,
          to: byId.get(e.to.node)?.label ?? e.to.node,
        }),
      ),
    };
  }
  const channels = analysis.nodes.get(at)?.outputShapes?.[leaving[0]?.from.port ?? 0]?.[1] ?? 0;
  if (channels % groups !== 0)
    return {
      ok: false,
      ...refusal(msg('splitChannels', { label: start.label, channels, groups })),
    };
  // The classifiers: linear layers whose output leaves the branch part (to Softmax / Output).
  const classifiers = new Set(
    design.edges.filter((e) => branch.has(e.from.node) && head.has(e.to.node)).map((e) => e.from.node),
  );
  const nodes: DesignNode[] = design.nodes.filter((n) => !branch.has(n.id));
  const edges: Edge[] = design.edges.filter((e) => !branch.has(e.from.node) && !branch.has(e.to.node));
  const fresh = (base: string): string => {
    let id = base;
    for (let i = 2; byId.has(id) || nodes.some((n) => n.id === id); i++) id = `${base}_${i}`;
    return id;
  };
  const splitId = fresh(`${at}_split`);
  const spread = 280;
  nodes.push({
    id: splitId,
    kind: 'ChannelSplit',
    label: `${start.label}_split`,
    position: { x: start.position.x, y: start.position.y + 80 },
    params: { parts: groups, sizes: [] },
  });
  edges.push({
    id: fresh(`${splitId}_in`),
    from: leaving[0]?.from ?? { node: at, port: 0 },
    to: { node: splitId, port: 0 },
  });
  const copyId = (id: string, b: number): string => `${id}_g${b + 1}`;
  for (let b = 0; b < groups; b++) {
    const dx = (b - (groups - 1) / 2) * spread;
    for (const id of branch) {
      const n = byId.get(id) as DesignNode;
      const params = branchParams(n, groups, b, classifiers.has(id));
      if (isMessage(params)) return { ok: false, ...refusal(params) };
      nodes.push({
        ...n,
        id: copyId(id, b),
        label: `${n.label}_g${b + 1}`,
        position: { x: n.position.x + dx, y: n.position.y + 80 },
        params,
      } as DesignNode);
    }
    for (const e of design.edges) {
      if (!branch.has(e.to.node)) continue;
      const from =
        e.from.node === at ? { node: splitId, port: b } : { node: copyId(e.from.node, b), port: e.from.port };
      edges.push({ id: `${e.id}_g${b + 1}`, from, to: { node: copyId(e.to.node, b), port: e.to.port } });
    }
  }
  // Each output of the branch part that the head reads: a Concat of the G copies.
  const joins = new Map<string, string>();
  for (const e of design.edges) {
    if (!branch.has(e.from.node) || !head.has(e.to.node)) continue;
    let join = joins.get(key(e.from));
    if (join === undefined) {
      const src = byId.get(e.from.node) as DesignNode;
      join = fresh(`${e.from.node}_concat`);
      joins.set(key(e.from), join);
      nodes.push({
        id: join,
        kind: 'Concat',
        label: `${src.label}_concat`,
        position: { x: src.position.x, y: src.position.y + 200 },
        params: { inputs: groups },
      });
      for (let b = 0; b < groups; b++)
        edges.push({
          id: fresh(`${join}_in${b + 1}`),
          from: { node: copyId(e.from.node, b), port: e.from.port },
          to: { node: join, port: b },
        });
    }
    edges.push({ ...e, from: { node: join, port: 0 } });
  }
  // Positions below the split move down to make room for the split and the concat.
  const moved = nodes.map((n) =>
    head.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + 200 } } : n,
  );
  const { stochasticDepth: _sd, nested: _nested, ...rest } = design;
  return {
    ok: true,
    design: {
      ...rest,
      name: `${design.name} (SplitNet, ${groups} groups from ${start.label})`,
      nodes: moved,
      edges,
    },
  };
}

export interface SplitDepthPoint {
  readonly nodeId: string;
  readonly label: string;
  /** Position of the split node in execution order (0 = the input). */
  readonly depth: number;
  readonly params: number;
  readonly multiplyAdds: number;
}

/**
 * Params and multiply-adds of the design split into `groups` from each node where it can be split
 * (a point every later layer depends on only through it), in execution order: the chart against
 * split depth. The unsplit design is the reference, shown beside it.
 */
export function splitDepthChart(design: Design, groups: number): SplitDepthPoint[] {
  const a = analyze(design);
  const points: SplitDepthPoint[] = [];
  a.order.forEach((id, depth) => {
    const n = a.design.nodes.find((x) => x.id === id);
    if (n === undefined || HEAD_KINDS.has(n.kind)) return;
    const r = splitNetwork(design, id, groups);
    if (!r.ok) return;
    const s = analyze(r.design);
    if (s.diagnostics.some((d) => d.severity === 'error')) return;
    points.push({
      nodeId: id,
      label: n.label,
      depth,
      params: s.totals.params,
      multiplyAdds: s.totals.multiplyAdds,
    });
  });
  return points;
}
