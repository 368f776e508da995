import * as edit from '../core/graph/edit';
import { checkConnection } from './connection';
import { commitStep, fitted } from './fit-weights';
import { historyOf } from './history';
import type { DesignSlice, Slice } from './types';

export const createDesignSlice: Slice<DesignSlice> = (set, get, api) => ({
  design: { name: 'Untitled', nodes: [], edges: [] },

  replaceDesign(design, options = {}) {
    set({ design, selectedNodes: [], selectedEdges: [], openBlocks: [] });
    if (options.fresh === true) historyOf(api).getState().clear();
  },

  renameDesign(name) {
    set({ design: edit.renameDesign(get().design, name) });
  },

  addNode(kind, position, options = {}) {
    const { design, nodeId } = edit.addNode(get().design, kind, position, options);
    let next = design;
    if (options.after !== undefined) {
      const joined = checkConnection(next, { node: options.after, port: 0 }, { node: nodeId, port: 0 });
      if (joined.ok) next = joined.design;
    }
    set({ design: fitted(next), selectedNodes: [nodeId], selectedEdges: [] });
    return nodeId;
  },

  connectPorts(from, to) {
    const verdict = checkConnection(get().design, from, to);
    if (verdict.ok) set({ design: fitted(verdict.design) });
    return verdict;
  },

  removeSelected() {
    const { design, selectedNodes, selectedEdges } = get();
    if (selectedNodes.length === 0 && selectedEdges.length === 0) return;
    const next = edit.removeNodes(edit.removeEdges(design, selectedEdges), selectedNodes);
    const gone = new Set(selectedNodes);
    set({
      design: fitted(next),
      selectedNodes: [],
      selectedEdges: [],
      openBlocks: get().openBlocks.filter((id) => !gone.has(id)),
    });
  },

  setParams(id, patch, coalesce) {
    const current = get().design;
    const edited = edit.updateParams(current, id, patch);
    if (coalesce === undefined) set({ design: fitted(edited) });
    else commitStep(api, set, `${id}:${coalesce}`, current, edited);
  },

  renameNode(id, label) {
    const result = edit.renameNode(get().design, id, label);
    if (!result.ok) return result.problems[0]?.message ?? 'This name cannot be used.';
    set({ design: result.value });
    return undefined;
  },

  moveNodes(positions) {
    if (positions.size === 0) return;
    set({ design: edit.moveNodes(get().design, positions) });
  },

  insertFragment(fragment, offset) {
    const { design, nodeIds } = edit.insertFragment(get().design, fragment, offset);
    set({ design: fitted(design), selectedNodes: nodeIds, selectedEdges: [] });
    return nodeIds;
  },

  duplicateSelected() {
    const { design, selectedNodes } = get();
    if (selectedNodes.length === 0) return;
    get().insertFragment(edit.extractFragment(design, selectedNodes), { x: 40, y: 40 });
  },
});
