export interface IndexTopoResult {
  readonly order: readonly number[];
  readonly cyclic: ReadonlySet<number>;
  readonly blocked: ReadonlySet<number>;
}

/**
 * Topological order of nodes 0..count-1 (Kahn, ready nodes taken in document order) over edges given
 * as parallel arrays, with the nodes on a cycle named by Tarjan: no strings, no maps.
 */
export function orderIndices(count: number, from: readonly number[], to: readonly number[]): IndexTopoResult {
  const indegree = new Int32Array(count);
  const start = new Int32Array(count + 1);
  for (let e = 0; e < from.length; e++) {
    start[(from[e] as number) + 1] = (start[(from[e] as number) + 1] as number) + 1;
    indegree[to[e] as number] = (indegree[to[e] as number] as number) + 1;
  }
  for (let i = 0; i < count; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, count);
  const succ = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const f = from[e] as number;
    succ[fill[f] as number] = to[e] as number;
    fill[f] = (fill[f] as number) + 1;
  }
  // Among the nodes ready to run, always take the one earliest in the document, so the order
  // follows how the design was written (this is the order peak memory is measured in).
  const ready = new MinHeap();
  for (let i = 0; i < count; i++) if (indegree[i] === 0) ready.push(i);
  const order: number[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    order.push(i);
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const t = succ[k] as number;
      indegree[t] = (indegree[t] as number) - 1;
      if (indegree[t] === 0) ready.push(t);
    }
  }
  if (order.length === count) return { order, cyclic: new Set(), blocked: new Set() };
  const done = new Uint8Array(count);
  for (const i of order) done[i] = 1;
  const blocked = new Set<number>();
  for (let i = 0; i < count; i++) if (done[i] === 0) blocked.add(i);
  const next = (i: number): number[] => Array.from(succ.subarray(start[i], start[i + 1]));
  return { order, cyclic: stronglyConnected(blocked, next), blocked };
}

/** Nodes of `within` that sit on a cycle, by Tarjan's algorithm (iterative, so deep graphs are safe). */
function stronglyConnected(within: ReadonlySet<number>, next: (i: number) => readonly number[]): Set<number> {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const cyclic = new Set<number>();
  let counter = 0;
  for (const root of within) {
    if (index.has(root)) continue;
    const work: { id: number; i: number }[] = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: number; i: number };
      const succ = next(frame.id).filter((s) => within.has(s));
      if (frame.i < succ.length) {
        const s = succ[frame.i++] as number;
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
        const component: number[] = [];
        let member: number | undefined;
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
