import type { SelectionSlice, Slice } from './types';

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selectedNodes: [],
  selectedEdges: [],
  select(nodes, edges = []) {
    const s = get();
    if (same(s.selectedNodes, nodes) && same(s.selectedEdges, edges)) return;
    set({ selectedNodes: nodes, selectedEdges: edges });
  },
  selectAll() {
    const { design } = get();
    set({ selectedNodes: design.nodes.map((n) => n.id), selectedEdges: [] });
  },
});
