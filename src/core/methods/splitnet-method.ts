import { analyze } from '../analysis/analyze';
import { isMessage, msg, refusal, type Message, type Refusal } from '../message';
import type { ClassGroups } from '../ops/splitnet-class-order';
import { assignmentProblem, consecutiveGroups } from './splitnet-assignment';
import { widthFields } from '../analysis/scale';
import type { Design, DesignNode, Edge, PortRef } from '../design/design-types';

/**
 * SplitNet (Kim et al. 2017, survey ref. 143) as a transform: a tree of splits. Level 1 splits the
 * network after node `at₁` into g₁ disjoint branches; level 2 splits each branch again after its
 * copy of `at₂` into g₂, and so on: after level j a layer exists as G_j = g₁···g_j copies, each
 * reading and writing 1/G_j of its channels, with no connection between copies (the paper's
 * block-diagonal layers), so its params and multiply-adds drop G_j-fold. Layers before `at₁` stay
 * shared by every branch. The classifier becomes one linear layer per leaf over the classes the
 * class-to-group assignment gives that leaf (any partition of the classes), and a ClassMerge puts
 * the leaves' scores back in class order: Split → … → Split → … → Linear per leaf → ClassMerge.
 */

export type SplitResult =
  | {
      readonly ok: true;
      readonly design: Design;
      /** Each split node's copies in tree order (copy c of G_j), by the original node's id. */
      readonly copies: ReadonlyMap<string, readonly string[]>;
    }
  | ({ readonly ok: false } & Refusal);

/** One level of the tree: after which node, into how many groups (each branch of the level above). */
export interface SplitLevel {
  readonly at: string;
  readonly groups: number;
}

/** Kinds that end the network after the classifier: they stay shared, after the merge. */
const HEAD_KINDS: ReadonlySet<string> = new Set(['Output', 'Softmax']);
const MAX_LEVELS = 4;
const MAX_LEAVES = 64;

const key = (p: PortRef): string => `${p.node}:${p.port}`;
const refuse = (m: Message, detail?: Parameters<typeof refusal>[1]): SplitResult => ({
  ok: false,
  ...refusal(m, detail),
});

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

/**
 * What a split after node `first` changes: `branch`, the nodes after it up to the classifier (they
 * become copies), and `head`, the Output or Softmax and what follows them (they stay shared).
 */
export function splitTail(
  design: Design,
  first: string,
): { readonly head: ReadonlySet<string>; readonly branch: ReadonlySet<string> } {
  const tail = downstream(design, first);
  const head = new Set<string>();
  for (const n of design.nodes)
    if (tail.has(n.id) && HEAD_KINDS.has(n.kind))
      for (const d of [n.id, ...downstream(design, n.id)]) head.add(d);
  return { head, branch: new Set([...tail].filter((id) => !head.has(id))) };
}

/** The nodes of the branch that come after node `at`: the part a level splitting after `at` copies. */
export const splitPart = (design: Design, at: string, branch: ReadonlySet<string>): Set<string> =>
  new Set([...downstream(design, at)].filter((id) => branch.has(id)));

/** The node's params for one of `groups` copies: channel counts / groups, a classifier's classes as given. */
function branchParams(
  node: DesignNode,
  groups: number,
  classes: number | undefined,
): Record<string, unknown> | Message {
  const params = { ...(node.params as Record<string, unknown>) };
  const divide = (field: string, v: number): number | Message =>
    v % groups === 0 ? v / groups : msg('splitField', { label: node.label, field, value: v, groups });
  for (const f of widthFields(node.kind)) {
    const v = params[f];
    if (node.kind === 'Linear' && classes !== undefined && f === 'outFeatures') {
      params[f] = classes;
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

/** Splits `design` into `groups` branches from the output of node `at` on: a tree of one level. */
export function splitNetwork(design: Design, at: string, groups: number): SplitResult {
  return splitTree(design, [{ at, groups }]);
}

/**
 * Splits `design` as a tree: one entry of `levels` per level, each after a node further along the
 * network than the level before. `assignment` lists, for each leaf (in tree order: leaf
 * (b₁, …, b_L) is number Σ b_j·G_L/G_j), the classes its classifier scores; without one the
 * classes go to the leaves in consecutive near-equal runs.
 */
export function splitTree(
  design: Design,
  levels: readonly SplitLevel[],
  assignment?: ClassGroups,
): SplitResult {
  if (levels.length < 1 || levels.length > MAX_LEVELS)
    return refuse(msg('splitLevels', { n: levels.length }));
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const sizes: number[] = [];
  for (const level of levels) {
    if (!byId.has(level.at)) return refuse(msg('splitNoNode', { node: level.at }));
    if (!Number.isInteger(level.groups) || level.groups < 2 || level.groups > 16)
      return refuse(msg('splitGroups', { groups: level.groups }));
    sizes.push((sizes.at(-1) ?? 1) * level.groups);
  }
  const leaves = sizes.at(-1) ?? 1;
  if (leaves > MAX_LEAVES) return refuse(msg('splitLeaves', { leaves }));
  const labelOf = (id: string): string => byId.get(id)?.label ?? id;
  const ats = levels.map((l) => l.at);
  const first = byId.get(ats[0] ?? '') as DesignNode;
  const { head, branch } = splitTail(design, first.id);
  // Each level's split point lies in the part the level above split, and leaves something to split.
  const after: Set<string>[] = [];
  for (const [j, at] of ats.entries()) {
    const twice = ats.indexOf(at);
    if (twice !== j) return refuse(msg('splitLevelTwice', { a: twice + 1, b: j + 1, label: labelOf(at) }));
    if (j > 0 && !(after[j - 1]?.has(at) ?? false))
      return refuse(
        msg('splitLevelOrder', { n: j + 1, label: labelOf(at), prev: j, before: labelOf(ats[j - 1] ?? '') }),
      );
    const part = splitPart(design, at, branch);
    if (part.size === 0) return refuse(msg('splitNothingAfter', { label: labelOf(at) }));
    after.push(part);
  }
  const analysis = analyze(design);
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError !== undefined) return refuse(msg('splitFixFirst'), firstError);
  /** The level of a node: how many split points it comes after (0: shared). */
  const levelOf = (id: string): number => after.reduce((l, part, j) => (part.has(id) ? j + 1 : l), 0);
  // Every edge into the split part comes from its own level, or from the split point of the level.
  const ports: number[] = [];
  for (const [j, at] of ats.entries()) {
    const leaving = design.edges.filter((e) => e.from.node === at && (after[j]?.has(e.to.node) ?? false));
    const used = new Set(leaving.map((e) => e.from.port));
    if (used.size !== 1) return refuse(msg('splitOneOutput', { label: labelOf(at) }));
    ports.push([...used][0] ?? 0);
  }
  for (const e of design.edges) {
    const to = branch.has(e.to.node) ? levelOf(e.to.node) : head.has(e.to.node) ? levels.length : undefined;
    if (to === undefined || (head.has(e.to.node) && !branch.has(e.from.node))) continue;
    const from = branch.has(e.from.node) ? levelOf(e.from.node) : 0;
    if (from === to || (from === to - 1 && e.from.node === ats[to - 1] && !head.has(e.to.node))) continue;
    return refuse(msg('splitBeforeSplit', { from: labelOf(e.from.node), to: labelOf(e.to.node) }));
  }
  // Channels at each split point: the copy's width divides into the level's groups.
  for (const [j, at] of ats.entries()) {
    const c = analysis.nodes.get(at)?.outputShapes?.[ports[j] ?? 0]?.[1] ?? 0;
    const copies = sizes[j - 1] ?? 1;
    const groups = levels[j]?.groups ?? 1;
    if (c % (copies * groups) !== 0)
      return refuse(msg('splitChannels', { label: labelOf(at), channels: c / copies, groups }));
  }
  // The classifiers: layers whose output leaves the split part (to Softmax / Output).
  const classifiers = [
    ...new Set(
      design.edges.filter((e) => branch.has(e.from.node) && head.has(e.to.node)).map((e) => e.from.node),
    ),
  ];
  const linear = classifiers.length === 1 ? byId.get(classifiers[0] ?? '') : undefined;
  let classGroups: ClassGroups | undefined;
  if (linear?.kind === 'Linear') {
    const k = linear.params.outFeatures;
    classGroups = assignment ?? consecutiveGroups(k, leaves);
    const problem = assignmentProblem(classGroups, linear.label, k, leaves);
    if (problem !== undefined) return refuse(problem);
  } else if (assignment !== undefined)
    return refuse(msg('splitNoClassifier', { label: labelOf(classifiers[0] ?? first.id) }));

  const nodes: DesignNode[] = design.nodes.filter((n) => !branch.has(n.id));
  const edges: Edge[] = design.edges.filter((e) => !branch.has(e.from.node) && !branch.has(e.to.node));
  const fresh = (base: string): string => {
    let id = base;
    for (let i = 2; byId.has(id) || nodes.some((n) => n.id === id); i++) id = `${base}_${i}`;
    return id;
  };
  /** Copy c of G_j: its path b₁…b_j, 1-based, as the suffix of its id and label. */
  const suffix = (c: number, j: number): string => {
    const path: number[] = [];
    for (let i = 0; i < j; i++)
      path.push(Math.floor(c / ((sizes[j - 1] ?? 1) / (sizes[i] ?? 1))) % (levels[i]?.groups ?? 1));
    return `_g${path.map((b) => b + 1).join('_')}`;
  };
  const copyId = (id: string, c: number, j: number): string => (j === 0 ? id : `${id}${suffix(c, j)}`);
  // A card is 240 wide: leaves 260 apart keep a 2 → 4 tree readable (zoom 0.6) on a laptop's canvas.
  const spread = 260;
  /** Horizontal offset of copy c of G_j: centred over the leaves below it. */
  const dx = (c: number, j: number): number => {
    if (j === 0) return 0;
    const span = leaves / (sizes[j - 1] ?? 1);
    return (c * span + (span - 1) / 2 - (leaves - 1) / 2) * spread;
  };
  const rise = 80;
  // One ChannelSplit per copy of each level's split point.
  const splitOf = new Map<string, string>();
  for (const [j, at] of ats.entries()) {
    const src = byId.get(at) as DesignNode;
    for (let p = 0; p < (sizes[j - 1] ?? 1); p++) {
      const from = copyId(at, p, j);
      const id = fresh(`${from}_split`);
      splitOf.set(from, id);
      nodes.push({
        id,
        kind: 'ChannelSplit',
        label: `${j === 0 ? src.label : `${src.label}${suffix(p, j)}`}_split`,
        position: { x: src.position.x + dx(p, j), y: src.position.y + rise * (j + 1) },
        params: { parts: levels[j]?.groups ?? 2, sizes: [] },
      });
      edges.push({
        id: fresh(`${id}_in`),
        from: { node: from, port: ports[j] ?? 0 },
        to: { node: id, port: 0 },
      });
    }
  }
  const copyIds = new Map<string, string[]>();
  for (const id of branch) {
    const n = byId.get(id) as DesignNode;
    const j = levelOf(id);
    const copies = sizes[j - 1] ?? 1;
    copyIds.set(
      id,
      Array.from({ length: copies }, (_, c) => copyId(id, c, j)),
    );
    for (let c = 0; c < copies; c++) {
      const classes = n === linear ? classGroups?.[c]?.length : undefined;
      const params = branchParams(n, copies, classes);
      if (isMessage(params)) return refuse(params);
      nodes.push({
        ...n,
        id: copyId(id, c, j),
        label: `${n.label}${suffix(c, j)}`,
        position: { x: n.position.x + dx(c, j), y: n.position.y + rise * j },
        params,
      } as DesignNode);
    }
  }
  for (const e of design.edges) {
    if (!branch.has(e.to.node)) continue;
    const j = levelOf(e.to.node);
    const from = branch.has(e.from.node) ? levelOf(e.from.node) : 0;
    for (let c = 0; c < (sizes[j - 1] ?? 1); c++) {
      const g = levels[j - 1]?.groups ?? 1;
      const source =
        from === j
          ? { node: copyId(e.from.node, c, j), port: e.from.port }
          : { node: splitOf.get(copyId(e.from.node, Math.floor(c / g), j - 1)) ?? '', port: c % g };
      edges.push({
        id: `${e.id}${suffix(c, j)}`,
        from: source,
        to: { node: copyId(e.to.node, c, j), port: e.to.port },
      });
    }
  }
  // Each output of the split part that the head reads: the leaves joined, in class order.
  const L = levels.length;
  const drop = rise * L + 120;
  const joins = new Map<string, string>();
  for (const e of design.edges) {
    if (!branch.has(e.from.node) || !head.has(e.to.node)) continue;
    let join = joins.get(key(e.from));
    if (join === undefined) {
      const src = byId.get(e.from.node) as DesignNode;
      const rank = analysis.nodes.get(src.id)?.outputShapes?.[e.from.port]?.length;
      const width = analysis.nodes.get(src.id)?.outputShapes?.[e.from.port]?.[1] ?? 0;
      const merged = src === linear ? classGroups : rank === 2 ? consecutiveGroups(width, leaves) : undefined;
      join = fresh(`${e.from.node}_${merged === undefined ? 'concat' : 'classes'}`);
      joins.set(key(e.from), join);
      const position = { x: src.position.x, y: src.position.y + drop };
      nodes.push(
        merged === undefined
          ? { id: join, kind: 'Concat', label: `${src.label}_concat`, position, params: { inputs: leaves } }
          : {
              id: join,
              kind: 'ClassMerge',
              label: `${src.label}_classes`,
              position,
              params: { classes: merged.map((g) => [...g]) },
            },
      );
      for (let c = 0; c < leaves; c++)
        edges.push({
          id: fresh(`${join}_in${c + 1}`),
          from: { node: copyId(e.from.node, c, L), port: e.from.port },
          to: { node: join, port: c },
        });
    }
    edges.push({ ...e, from: { node: join, port: 0 } });
  }
  // Positions below the split move down to make room for the splits and the merge.
  const moved = nodes.map((n) =>
    head.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + drop } } : n,
  );
  const shape = levels.map((l) => l.groups).join('×');
  const where = ats.map(labelOf).join(', ');
  const { stochasticDepth: _sd, nested: _nested, weights, ...rest } = design;
  // Trained weights stay with the shared layers; the branches' layers are new (seeded until trained).
  const kept =
    weights === undefined
      ? undefined
      : Object.fromEntries(Object.entries(weights.layers).filter(([k]) => !branch.has(k.split('/')[0] ?? k)));
  return {
    ok: true,
    copies: copyIds,
    design: {
      ...rest,
      ...(weights === undefined || kept === undefined ? {} : { weights: { ...weights, layers: kept } }),
      name:
        L === 1
          ? `${design.name} (SplitNet, ${leaves} groups from ${first.label})`
          : `${design.name} (SplitNet tree ${shape} = ${leaves} groups, after ${where})`,
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
