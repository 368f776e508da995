import type { DesignNode } from '../graph/types';
import type { OpCost } from '../layers/types';
import { zeroCost } from '../layers/types';
import type { Analysis } from './types';

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

function paramChanges(a: DesignNode, b: DesignNode): string[] {
  if (a.kind !== b.kind) return [`kind ${a.kind} → ${b.kind}`];
  const pa = a.params as Record<string, unknown>;
  const pb = b.params as Record<string, unknown>;
  const keys = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...keys]
    .filter((k) => show(pa[k]) !== show(pb[k]))
    .map((k) => `${k} ${show(pa[k])} → ${show(pb[k])}`);
}

/**
 * Matches the nodes of a baseline and a current design, first by label and kind, then by label,
 * then by id, and reports per-node cost deltas with added and removed nodes.
 */
export function diffDesigns(base: Analysis, current: Analysis): DesignDiff {
  const baseNodes = base.design.nodes;
  const unmatched = new Map(baseNodes.map((n) => [n.id, n]));
  const byLabel = new Map(baseNodes.map((n) => [n.label, n]));
  const pairs: [DesignNode | undefined, DesignNode | undefined][] = [];
  const ordered = [
    ...current.order,
    ...current.design.nodes.map((n) => n.id).filter((id) => !current.order.includes(id)),
  ];
  const currentById = new Map(current.design.nodes.map((n) => [n.id, n]));
  for (const id of ordered) {
    const node = currentById.get(id);
    if (node === undefined) continue;
    let match = byLabel.get(node.label);
    if (match === undefined || !unmatched.has(match.id)) {
      const sameId = unmatched.get(node.id);
      match = sameId?.kind === node.kind ? sameId : undefined;
    }
    if (match !== undefined) unmatched.delete(match.id);
    pairs.push([match, node]);
  }
  for (const n of unmatched.values()) pairs.push([n, undefined]);

  const nodes = pairs.map(([b, c]): NodeDiff => {
    const bc = b === undefined ? zeroCost : (base.nodes.get(b.id)?.cost ?? zeroCost);
    const cc = c === undefined ? zeroCost : (current.nodes.get(c.id)?.cost ?? zeroCost);
    const changes = b !== undefined && c !== undefined ? paramChanges(b, c) : [];
    const delta = costDelta(bc, cc);
    const moved = Object.values(delta).some((v) => v !== 0);
    const status =
      b === undefined
        ? 'added'
        : c === undefined
          ? 'removed'
          : changes.length > 0 || moved
            ? 'changed'
            : 'same';
    const label = c?.label ?? b?.label ?? '';
    const kind = c?.kind ?? b?.kind ?? '';
    return { status, label, kind, baseId: b?.id, currentId: c?.id, base: bc, current: cc, delta, changes };
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
