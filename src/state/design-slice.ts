import * as edit from '../core/design/edit';
import { sayFirst } from '../i18n/say';
import { removeBridging } from '../core/design/splice';
import { repeatAsStage } from '../core/design/stage-edit';
import { i18next } from '../i18n';
import { analysisOf } from './analysis';
import { checkConnection } from './connection';
import { commitStep, fitted } from './fit-weights';
import { historyOf } from './history';
import { deleteNotice, structureNotice } from './edit-notices';
import type { DesignSlice, Slice } from './types';

export const createDesignSlice: Slice<DesignSlice> = (set, get, api) => ({
  design: { name: i18next.t('app:files.untitled'), nodes: [], edges: [] },

  replaceDesign(design, options = {}) {
    set({ design, selectedNodes: [], selectedEdges: [], openBlocks: [], collapsedGroups: [] });
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
    const withoutEdges = edit.removeEdges(design, selectedEdges);
    // Shapes as they were before the delete decide which gaps can be bridged.
    const before = analysisOf(design);
    const same = (a: readonly number[] | undefined, b: readonly number[] | undefined) =>
      a !== undefined && b !== undefined && a.join('×') === b.join('×');
    const removal = removeBridging(withoutEdges, selectedNodes, (from, exit) =>
      same(
        before.nodes.get(from.node)?.outputShapes?.[from.port],
        before.nodes.get(exit.from.node)?.outputShapes?.[exit.from.port],
      ),
    );
    const gone = new Set(selectedNodes);
    set({
      design: fitted(removal.design),
      selectedNodes: [],
      selectedEdges: [],
      openBlocks: get().openBlocks.filter((id) => !gone.has(id)),
    });
    if (selectedNodes.length > 0)
      get().notify({
        text: deleteNotice(before, selectedNodes, removal.bridges, removal.breaks),
        tone: removal.breaks.length > 0 ? 'error' : 'info',
      });
  },

  repeatAsStage(id, repeats) {
    const design = get().design;
    const before = design.nodes.find((n) => n.id === id);
    const result = repeatAsStage(design, id, repeats);
    if (!result.ok || before === undefined) {
      get().notify({
        text: result.ok ? i18next.t('store:stage.noNode') : (sayFirst(result.problems) ?? ''),
        tone: 'error',
      });
      return;
    }
    set({ design: fitted(result.value), selectedNodes: [id], selectedEdges: [] });
    const after = result.value.nodes.find((n) => n.id === id);
    get().notify({
      text:
        before.kind === 'Stage'
          ? i18next.t('store:stage.units', { label: before.label, count: repeats })
          : after === undefined
            ? i18next.t('store:stage.madeUnnamed', { label: before.label, count: repeats })
            : i18next.t('store:stage.made', { label: before.label, stage: after.label, count: repeats }),
      tone: 'info',
    });
  },

  applyEdit(design, select) {
    const ids = new Set(design.nodes.map((n) => n.id));
    set({
      design: fitted(design),
      ...(select === undefined ? {} : { selectedNodes: [...select], selectedEdges: [] }),
      openBlocks: get().openBlocks.filter((id) => ids.has(id)),
    });
  },

  setParams(id, patch, coalesce) {
    const current = get().design;
    const edited = edit.updateParams(current, id, patch);
    if (coalesce === undefined) set({ design: fitted(edited) });
    else commitStep(api, set, `${id}:${coalesce}`, current, edited);
    const said = structureNotice(analysisOf(current), analysisOf(get().design), id);
    if (said !== undefined)
      get().notify({
        text: said,
        tone: 'info',
        // The field being typed in keeps the focus: the Undo is one Tab or one click away.
        keepFocus: true,
        actions: [
          {
            label: i18next.t('store:undo'),
            run: () => {
              historyOf(api).getState().undo();
            },
          },
        ],
      });
  },

  renameNode(id, label) {
    const result = edit.renameNode(get().design, id, label);
    if (!result.ok) return sayFirst(result.problems) ?? i18next.t('store:rename.refused');
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
