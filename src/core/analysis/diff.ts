import type { DesignNode } from '../design/design-types';
import { zeroCost, type OpCost } from '../ops/op-types';
import { addCost } from './cost-sum';
import type { Analysis } from './analysis-types';

export type CostDelta = { readonly [K in keyof OpCost]: number };

export interface NodeDiff {
  readonly status: 'same' | 'changed' | 'added' | 'removed';
  /** Label in the current design (or the baseline, for a removed node). */
  readonly label: string;
  readonly kind: string;
  readonly baseId?: string;
  readonly currentId?: string;
  readonly base: OpCost;
  readonly current: OpCost;
  readonly delta: CostDelta;
  /** Settings that differ, for a changed node: "stride 1 → 2". */
  readonly changes: readonly string[];
}

export interface DesignDiff {
  readonly nodes: readonly NodeDiff[];
  readonly totals: { readonly base: OpCost; readonly current: OpCost; readonly delta: CostDelta };
  readonly activations: { readonly peakDelta: number; readonly sumDelta: number };
}

export function costDelta(base: OpCost, current: OpCost): CostDelta {
  return {
    params: current.params - base.params,
    buffers: current.buffers - base.buffers,
    multiplyAdds: current.multiplyAdds - base.multiplyAdds,
    memoryAccess: current.memoryAccess - base.memoryAccess,
    memoryAccessConvFc: current.memoryAccessConvFc - base.memoryAccessConvFc,
  };
}

const show = (v: unknown): string => (Array.isArray(v) ? v.join('×') : JSON.stringify(v));
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "stride 1 → 2"; settings nested in a stage's unit settings read the same way ("expansion 6 → 4"). */
function settingChanges(pa: Record<string, unknown>, pb: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...keys].flatMap((k) => {
    const a = pa[k];
    const b = pb[k];
    if (isRecord(a) || isRecord(b)) return settingChanges(isRecord(a) ? a : {}, isRecord(b) ? b : {});
    return show(a) === show(b) ? [] : [`${k} ${show(a)} → ${show(b)}`];
  });
}

function paramChanges(a: DesignNode, b: DesignNode): string[] {
  if (a.kind !== b.kind) return [`kind ${a.kind} → ${b.kind}`];
  return settingChanges(a.params, b.params);
}

interface Side {
  readonly analysis: Analysis;
  /** Top-level nodes in the order they run (then any the analysis could not order). */
  readonly nodes: readonly DesignNode[];
}

function sideOf(analysis: Analysis): Side {
  const byId = new Map(analysis.design.nodes.map((n) => [n.id, n]));
  const seen = new Set(analysis.order);
  const nodes = [
    ...analysis.order.map((id) => byId.get(id)),
    ...analysis.design.nodes.filter((n) => !seen.has(n.id)),
  ].filter((n): n is DesignNode => n !== undefined);
  return { analysis, nodes };
}

/**
 * Longest common subsequence of the two kind sequences: the pairs [i, j] of nodes that keep their
 * kind and their place in the order. Ties go to the earlier baseline node, so an unchanged stem
 * pairs with the stem and not with a look-alike further down.
 */
function alignKinds(a: readonly DesignNode[], b: readonly DesignNode[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i * w + j] =
        a[i]?.kind === b[j]?.kind
          ? (dp[(i + 1) * w + j + 1] as number) + 1
          : Math.max(dp[(i + 1) * w + j] as number, dp[i * w + j + 1] as number);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]?.kind === b[j]?.kind && dp[i * w + j] === (dp[(i + 1) * w + j + 1] as number) + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((dp[i * w + j + 1] as number) >= (dp[(i + 1) * w + j] as number)) j++;
    else i++;
  }
  return pairs;
}

const shapeKey = (side: Side, node: DesignNode): string =>
  (side.analysis.nodes.get(node.id)?.outputShapes ?? []).map((s) => s.join('×')).join(',');

/** Consecutive nodes with one output shape: the pieces a rewrite replaces one for one. */
function segments(side: Side, nodes: readonly DesignNode[]): DesignNode[][] {
  const out: DesignNode[][] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    const head = last?.[0];
    if (last !== undefined && head !== undefined && shapeKey(side, head) === shapeKey(side, n)) last.push(n);
    else out.push([n]);
  }
  return out;
}

type Group = readonly [readonly DesignNode[], readonly DesignNode[]];

/**
 * Pairs what lies between two aligned nodes: runs with the same output shape pair up (a block
 * that replaces its conv + batch norm + ReLU), split evenly when one run is a whole multiple of the
 * other (13 depthwise-separable blocks for 13 conv triples); the rest is added or removed.
 */
function pairGap(base: Side, cur: Side, a: readonly DesignNode[], b: readonly DesignNode[]): Group[] {
  const sa = segments(base, a);
  const sb = segments(cur, b);
  const groups: Group[] = [];
  let i = 0;
  for (const seg of sb) {
    const key = shapeKey(cur, seg[0] as DesignNode);
    const at = sa.findIndex((s, k) => k >= i && shapeKey(base, s[0] as DesignNode) === key);
    if (at === -1) {
      for (const n of seg) groups.push([[], [n]]);
      continue;
    }
    for (const skipped of sa.slice(i, at)) for (const n of skipped) groups.push([[n], []]);
    const match = sa[at] as DesignNode[];
    i = at + 1;
    const [more, fewer] = match.length >= seg.length ? [match, seg] : [seg, match];
    if (more.length % fewer.length === 0) {
      const k = more.length / fewer.length;
      fewer.forEach((n, x) => {
        const run = more.slice(x * k, (x + 1) * k);
        groups.push(more === match ? [run, [n]] : [[n], run]);
      });
    } else groups.push([match, seg]);
  }
  for (const rest of sa.slice(i)) for (const n of rest) groups.push([[n], []]);
  return groups;
}

const costOf = (side: Side, nodes: readonly DesignNode[]): OpCost =>
  nodes.reduce((sum, n) => addCost(sum, side.analysis.nodes.get(n.id)?.cost ?? zeroCost), zeroCost);

/**
 * Pairs the nodes of a baseline and a current design by structure, not by name: the kinds in
 * running order are aligned (longest common subsequence), and what lies between two aligned nodes
 * is paired by output shape, so a conv rewritten as a depthwise-separable block reads as one
 * changed layer rather than one added and three removed. Renaming a node changes nothing.
 */
export function diffDesigns(base: Analysis, current: Analysis): DesignDiff {
  const b = sideOf(base);
  const c = sideOf(current);
  const groups: Group[] = [];
  let i = 0;
  let j = 0;
  const anchors: [number, number][] = [...alignKinds(b.nodes, c.nodes), [b.nodes.length, c.nodes.length]];
  for (const [x, y] of anchors) {
    groups.push(...pairGap(b, c, b.nodes.slice(i, x), c.nodes.slice(j, y)));
    const pb = b.nodes[x];
    const pc = c.nodes[y];
    if (pb !== undefined && pc !== undefined) groups.push([[pb], [pc]]);
    i = x + 1;
    j = y + 1;
  }
  const nodes = groups.map(([bs, cs]): NodeDiff => {
    const bc = costOf(b, bs);
    const cc = costOf(c, cs);
    const one = bs.length === 1 && cs.length === 1 ? ([bs[0], cs[0]] as const) : undefined;
    const changes =
      one !== undefined && one[0] !== undefined && one[1] !== undefined
        ? paramChanges(one[0], one[1])
        : bs.length > 0 && cs.length > 0
          ? [`replaces ${bs.map((n) => n.label).join(', ')}`]
          : [];
    const delta = costDelta(bc, cc);
    const moved = Object.values(delta).some((v) => v !== 0);
    const status =
      bs.length === 0
        ? 'added'
        : cs.length === 0
          ? 'removed'
          : changes.length > 0 || moved
            ? 'changed'
            : 'same';
    const shown = cs[0] ?? bs[0];
    return {
      status,
      label: cs.length > 1 ? `${cs[0]?.label ?? ''} … ${cs.at(-1)?.label ?? ''}` : (shown?.label ?? ''),
      kind: shown?.kind ?? '',
      ...(bs[0] === undefined ? {} : { baseId: bs[0].id }),
      ...(cs[0] === undefined ? {} : { currentId: cs[0].id }),
      base: bc,
      current: cc,
      delta,
      changes,
    };
  });
  return {
    nodes,
    totals: { base: base.totals, current: current.totals, delta: costDelta(base.totals, current.totals) },
    activations: {
      peakDelta: current.activations.peak - base.activations.peak,
      sumDelta: current.activations.sum - base.activations.sum,
    },
  };
}
