import type { Edge } from './types';

export interface TopoResult {
  /** Node ids in an order where every edge goes forward. */
  readonly order: readonly string[];
  /** Ids of nodes that lie on a cycle (strongly connected with another node or themselves). */
  readonly cyclic: ReadonlySet<string>;
  /** Ids that cannot be ordered: on a cycle or downstream of one. */
  readonly blocked: ReadonlySet<string>;
}

/** Kahn's algorithm, stable in the nodes' document order; Tarjan's on what is left to name the cycles. */
export function topologicalOrder(ids: readonly string[], edges: readonly Edge[]): TopoResult {
  const indegree = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const id of ids) {
    indegree.set(id, 0);
    next.set(id, []);
  }
  for (const e of edges) {
    const out = next.get(e.from.node);
    if (out === undefined || !indegree.has(e.to.node)) continue;
    out.push(e.to.node);
    indegree.set(e.to.node, (indegree.get(e.to.node) ?? 0) + 1);
  }
  // Among the nodes ready to run, always take the one earliest in the document, so the order
  // follows how the design was written (this is the order peak memory is measured in).
  const position = new Map(ids.map((id, i) => [id, i]));
  const ready = new MinHeap();
  ids.forEach((id, i) => {
    if (indegree.get(id) === 0) ready.push(i);
  });
  const order: string[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    const id = ids[i] as string;
    order.push(id);
    for (const to of next.get(id) ?? []) {
      const d = (indegree.get(to) ?? 0) - 1;
      indegree.set(to, d);
      if (d === 0) ready.push(position.get(to) ?? 0);
    }
  }
  if (order.length === ids.length) return { order, cyclic: new Set(), blocked: new Set() };
  const done = new Set(order);
  const blocked = new Set(ids.filter((id) => !done.has(id)));
  return { order, cyclic: stronglyConnected(blocked, next), blocked };
}

/** Nodes of `within` that sit on a cycle, by Tarjan's algorithm (iterative, so deep graphs are safe). */
function stronglyConnected(
  within: ReadonlySet<string>,
  next: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cyclic = new Set<string>();
  let counter = 0;
  for (const root of within) {
    if (index.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; i: number };
      const succ = (next.get(frame.id) ?? []).filter((s) => within.has(s));
      if (frame.i < succ.length) {
        const s = succ[frame.i++] as string;
        if (s === frame.id) cyclic.add(s);
        if (!index.has(s)) {
          index.set(s, counter);
          low.set(s, counter++);
          stack.push(s);
          onStack.add(s);
          work.push({ id: s, i: 0 });
        } else if (onStack.has(s)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(s) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        if (component.length > 1) for (const m of component) cyclic.add(m);
      }
    }
  }
  return cyclic;
}

/** A binary min-heap of integers. */
class MinHeap {
  private readonly items: number[] = [];

  push(v: number): void {
    const a = this.items;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as number) <= v) break;
      a[i] = a[parent] as number;
      i = parent;
    }
    a[i] = v;
  }

  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
      if ((a[c] as number) >= last) break;
      a[i] = a[c] as number;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
