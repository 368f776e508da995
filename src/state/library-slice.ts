import { extractFragment } from '../core/design/edit';
import { i18next } from '../i18n';
import type { LibrarySlice, Slice } from './types';

export const createLibrarySlice: Slice<LibrarySlice> = (set, get) => ({
  userBlocks: [],
  saveSelectionAsBlock(name) {
    const { design, selectedNodes, userBlocks } = get();
    if (selectedNodes.length === 0) return undefined;
    const fragment = extractFragment(design, selectedNodes);
    // Keep the block's own coordinates small: its top-left node sits at (0, 0).
    const minX = Math.min(...fragment.nodes.map((n) => n.position.x));
    const minY = Math.min(...fragment.nodes.map((n) => n.position.y));
    const nodes = fragment.nodes.map((n) => ({
      ...n,
      position: { x: n.position.x - minX, y: n.position.y - minY },
    }));
    const taken = new Set(userBlocks.map((b) => b.id));
    let i = userBlocks.length + 1;
    while (taken.has(`ub${i}`)) i++;
    const block = {
      id: `ub${i}`,
      name: name.trim() === '' ? i18next.t('inspector:blockDefault', { n: i }) : name.trim(),
      fragment: { nodes, edges: fragment.edges },
    };
    set({ userBlocks: [...userBlocks, block] });
    return block;
  },
  removeUserBlock(id) {
    set({ userBlocks: get().userBlocks.filter((b) => b.id !== id) });
  },
});
