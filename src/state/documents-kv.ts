import { createStore, delMany, getMany, setMany, type UseStore } from 'idb-keyval';

/**
 * The key-value storage the documents live in: IndexedDB in the browser, a map in tests and where
 * the browser refuses IndexedDB. Every method rejects when the browser refuses.
 */
export interface AsyncKeyValue {
  getMany(keys: readonly string[]): Promise<unknown[]>;
  /** Writes every entry in one transaction. */
  setMany(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  delMany(keys: readonly string[]): Promise<void>;
}

/** IndexedDB through idb-keyval: its own database, apart from the single autosave of earlier versions. */
export function indexedDbKeyValue(): AsyncKeyValue {
  const store: UseStore = createStore('compact-studio-documents', 'documents');
  return {
    getMany: (keys) => getMany([...keys], store),
    setMany: (entries) =>
      setMany(
        entries.map(([k, v]) => [k, v] as [string, unknown]),
        store,
      ),
    delMany: (keys) => delMany([...keys], store),
  };
}

/** A map in memory (tests; a browser that refuses IndexedDB keeps the documents until the tab closes). */
export function memoryKeyValue(): AsyncKeyValue & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    getMany: (keys) => Promise.resolve(keys.map((k) => data.get(k))),
    setMany: (entries) => {
      for (const [k, v] of entries) data.set(k, v);
      return Promise.resolve();
    },
    delMany: (keys) => {
      for (const k of keys) data.delete(k);
      return Promise.resolve();
    },
  };
}

/** The keys of one document: its design text, its imported weights, its undo history. */
export const documentKeys = (id: string) =>
  ({ design: `design:${id}`, weights: `weights:${id}`, history: `history:${id}` }) as const;

/** The list of documents and the one open last. */
export const libraryKeys = { index: 'index', current: 'current' } as const;
