import { memoryStorage } from '../state/memory-storage';
import { indexedDbDesignStore, keyValueDesignStore, type DesignStore } from '../state/design-store';
import { indexedDbKeyValue, libraryKeys, memoryKeyValue, type AsyncKeyValue } from '../state/documents-kv';
import { purgeDeleted, readDocument, readLibrary, type Library } from '../state/documents-persistence';
import type { DocumentHistory } from '../state/types';
import { readAutosave, type KeyValueStorage, type SavedDesign } from '../state/persistence';

/** What the browser's storage holds for the first frame: the documents, and the one to open. */
export interface BootStorage {
  readonly storage: KeyValueStorage;
  readonly kv: AsyncKeyValue;
  readonly library: Library;
  /** The document open last, if any. */
  readonly lastId: string | undefined;
  readonly saved: SavedDesign;
  readonly history: DocumentHistory;
  /** An earlier version's single autosave was read (from `migrated`), to be removed once it is a document. */
  readonly legacy: boolean;
  readonly migrated: DesignStore | undefined;
}

function browserStorage(): KeyValueStorage {
  try {
    localStorage.getItem('probe');
    return localStorage;
  } catch {
    return memoryStorage();
  }
}

/** IndexedDB for the design and its weights; localStorage (or memory) where IndexedDB is refused. */
async function designStore(storage: KeyValueStorage): Promise<{ store: DesignStore; indexedDb: boolean }> {
  try {
    const store = indexedDbDesignStore();
    await store.read();
    return { store, indexedDb: true };
  } catch {
    return { store: keyValueDesignStore(storage), indexedDb: false };
  }
}

/** IndexedDB for the documents; a map in memory (kept until the tab closes) where it is refused. */
async function documentsStorage(): Promise<AsyncKeyValue> {
  try {
    const kv = indexedDbKeyValue();
    await kv.getMany([libraryKeys.index]);
    return kv;
  } catch {
    return memoryKeyValue();
  }
}

async function readBootStorage(): Promise<BootStorage> {
  const storage = browserStorage();
  const kv = await documentsStorage();
  const empty: Library = { documents: [], current: undefined };
  const listed = await readLibrary(kv).catch(() => empty);
  const library = await purgeDeleted(kv, listed).catch(() => listed);
  // The document open last, with its undo history. The first start of this version finds no list:
  // the single autosave of earlier versions (IndexedDB, or localStorage before that) becomes the
  // first document.
  const lastId =
    library.current ??
    [...library.documents].filter((d) => d.deletedAt === undefined).sort((a, b) => b.editedAt - a.editedAt)[0]
      ?.id;
  let saved: SavedDesign = { kind: 'none' };
  let history: DocumentHistory = { past: [], future: [] };
  let legacy = false;
  let migrated: DesignStore | undefined;
  if (lastId !== undefined) {
    const read = await readDocument(kv, lastId).catch(() => ({ saved, history }));
    saved = read.saved;
    history = read.history;
  } else if (library.documents.length === 0) {
    const designs = await designStore(storage);
    const old = await readAutosave(designs.store, storage);
    saved = old.saved;
    legacy = old.legacy && designs.indexedDb;
    migrated = designs.store;
  }
  return { storage, kv, library, lastId, saved, history, legacy, migrated };
}

/**
 * Started as soon as this module is evaluated (main.tsx imports it first), so that IndexedDB opens
 * and reads while the browser is still evaluating the rest of the page's code, not after it.
 */
export const bootStorage: Promise<BootStorage> = readBootStorage();
