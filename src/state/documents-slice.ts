import { thumbnailOf } from '../core/document/thumbnail';
import type { Design } from '../core/design/design-types';
import { historyOf } from './history';
import type { DocumentMeta, DocumentsSlice, Slice } from './types';

/** A new document id: random, so two tabs never pick the same one. */
export function newDocumentId(): string {
  return `doc-${crypto.randomUUID()}`;
}

const metaOf = (id: string, design: Design, editedAt: number): DocumentMeta => ({
  id,
  name: design.name,
  editedAt,
  thumbnail: thumbnailOf(design),
});

export const createDocumentsSlice: Slice<DocumentsSlice> = (set, get, api) => ({
  documentId: newDocumentId(),
  documents: [],

  openDocument(design, options = {}) {
    const previous = get().documentId;
    const id = options.id ?? newDocumentId();
    const known = get().documents.find((d) => d.id === id);
    const documents =
      known === undefined
        ? [...get().documents, metaOf(id, design, Date.now())]
        : get().documents.map((d) => (d.id === id ? { ...metaOf(id, design, d.editedAt) } : d));
    const temporal = historyOf(api);
    temporal.getState().pause();
    set({
      documentId: id,
      documents,
      design,
      selectedNodes: [],
      selectedEdges: [],
      openBlocks: [],
      collapsedGroups: [],
    });
    temporal.getState().resume();
    temporal.setState({
      pastStates: (options.history?.past ?? []).map((d) => ({ design: d })),
      futureStates: (options.history?.future ?? []).map((d) => ({ design: d })),
    });
    return previous;
  },

  touchDocument(design) {
    const id = get().documentId;
    const now = Date.now();
    const list = get().documents;
    set({
      documents: list.some((d) => d.id === id)
        ? list.map((d) => (d.id === id ? metaOf(id, design, now) : d))
        : [...list, metaOf(id, design, now)],
    });
  },

  deleteDocument(id) {
    if (id === get().documentId || !get().documents.some((d) => d.id === id)) return false;
    const at = Date.now();
    set({ documents: get().documents.map((d) => (d.id === id ? { ...d, deletedAt: at } : d)) });
    return true;
  },

  restoreDocument(id) {
    set({
      documents: get().documents.map((d) => {
        if (d.id !== id) return d;
        const { deletedAt: _gone, ...rest } = d;
        return rest;
      }),
    });
  },

  setDocuments(documents) {
    set({ documents });
  },
});
