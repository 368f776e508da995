import { msg } from '../message';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Design } from '../design/design-types';
import type { NodeInfo } from './analysis-types';

/**
 * Nodes whose result reaches no Output node (a branch someone started and never finished). They
 * are part of the graph, so their costs stay in the totals, as a framework would count them too;
 * the analysis flags them so a dead end is never a silent cost. Empty when there is no Output at all
 * (the design is then unfinished as a whole, which CS011 says).
 */
export function deadEnds(design: Design): Set<string> {
  const outputs = design.nodes.filter((n) => n.kind === 'Output').map((n) => n.id);
  if (outputs.length === 0) return new Set();
  const feeders = new Map<string, string[]>();
  for (const e of design.edges) feeders.set(e.to.node, [...(feeders.get(e.to.node) ?? []), e.from.node]);
  const live = new Set<string>();
  const stack = [...outputs];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (live.has(id)) continue;
    live.add(id);
    stack.push(...(feeders.get(id) ?? []));
  }
  return new Set(design.nodes.filter((n) => !live.has(n.id)).map((n) => n.id));
}

/** One warning per end of a dead branch, naming how much of the design it holds and what it costs. */
export function deadEndDiagnostics(
  design: Design,
  dead: ReadonlySet<string>,
  nodes: ReadonlyMap<string, NodeInfo>,
): Diagnostic[] {
  if (dead.size === 0) return [];
  const consumers = new Set(design.edges.map((e) => e.from.node));
  const feeders = new Map<string, string[]>();
  for (const e of design.edges) feeders.set(e.to.node, [...(feeders.get(e.to.node) ?? []), e.from.node]);
  const out: Diagnostic[] = [];
  for (const end of design.nodes) {
    if (!dead.has(end.id) || consumers.has(end.id)) continue;
    const branch = new Set<string>();
    const stack = [end.id];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (branch.has(id) || !dead.has(id)) continue;
      branch.add(id);
      stack.push(...(feeders.get(id) ?? []));
    }
    let multiplyAdds = 0;
    let params = 0;
    for (const id of branch) {
      multiplyAdds += nodes.get(id)?.cost.multiplyAdds ?? 0;
      params += nodes.get(id)?.cost.params ?? 0;
    }
    const free = multiplyAdds === 0 && params === 0;
    const key =
      branch.size === 1
        ? free
          ? 'deadEndNode'
          : 'deadEndNodeCost'
        : free
          ? 'deadEndBranch'
          : 'deadEndBranchCost';
    out.push(
      diagnostic(
        'deadEnd',
        msg(key, { label: end.label, count: branch.size, multiplyAdds, params }),
        { nodeId: end.id },
        'warning',
      ),
    );
  }
  return out;
}
