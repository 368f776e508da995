// The kind table first: everything below reads it.
import './core/kinds';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/panels.css';
import './i18n';
import { App } from './app/App';
import { chooseInitialDesign } from './app/boot';
import { CanvasProvider } from './canvas/commands';
import { layoutDesign } from './canvas/auto-layout';
import { startCostPersistence } from './state/cost-persistence';
import { memoryStorage } from './state/memory-storage';
import { indexedDbDesignStore, keyValueDesignStore, type DesignStore } from './state/design-store';
import { connectDocuments } from './ui/documents';
import { i18next, i18nReady } from './i18n';
import { indexedDbKeyValue, libraryKeys, memoryKeyValue, type AsyncKeyValue } from './state/documents-kv';
import {
  documentTargets,
  purgeDeleted,
  readDocument,
  readLibrary,
  startDocumentPersistence,
  type Library,
} from './state/documents-persistence';
import type { DocumentHistory } from './state/types';
import {
  forgetLegacyAutosave,
  type SavedDesign,
  readAutosave,
  readPrefs,
  readUserBlocks,
  startAutosave,
  storageKeys,
  type KeyValueStorage,
} from './state/persistence';
import { studio } from './state/store';

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

async function start(): Promise<void> {
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
  const choice = chooseInitialDesign(window.location.hash, saved, (text) => {
    try {
      storage.setItem(storageKeys.damaged, text);
    } catch {
      // Too big or refused: the damaged text is lost, and the message says it could not be read.
    }
  });
  const design = choice.needsLayout ? await layoutDesign(choice.design) : choice.design;
  const prefs = readPrefs(storage);
  const store = studio.getState();
  studio.setState({ documents: library.documents });
  const persistence = startDocumentPersistence(studio, kv);
  const reopened = choice.source === 'autosave' && lastId !== undefined;
  // A share link, the default design and the autosave of an earlier version open as new documents.
  store.openDocument(design, reopened ? { id: lastId, history } : {});
  const ids = new Set(design.nodes.map((n) => n.id));
  store.setOpenBlocks(
    choice.source === 'autosave' ? (prefs.openBlocks ?? []).filter((id) => ids.has(id)) : [],
  );
  store.setTheme(
    prefs.theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  );
  studio.setState({ userBlocks: readUserBlocks(storage) });
  if (choice.problem !== undefined)
    store.notify({ text: choice.problem.text, tone: 'error', details: choice.problem.details });
  if (choice.source === 'share') {
    // The link's design is now a document of its own; a reload should not bring back the old link.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    store.notify({ text: i18next.t('app:boot.shared', { name: design.name }), tone: 'info' });
  }
  const autosave = startAutosave(studio, documentTargets(kv), storage, reopened ? design : undefined);
  connectDocuments({
    kv,
    flush: async () => {
      await autosave.idle();
      await persistence.flush();
    },
  });
  startCostPersistence(studio, storage);
  // Saved at once, so a reload shows this design even before the first edit. The autosave an
  // earlier version kept in localStorage is removed once it is a document.
  if (!reopened) {
    autosave.save(design);
    if (legacy && migrated !== undefined)
      void autosave.idle().then(() => {
        if (studio.getState().weightsNotKept === undefined) forgetLegacyAutosave(storage);
      });
  }
  store.requestFit();
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  // A user who chose Chinese sees Chinese from the first frame (its text is a chunk of its own).
  await i18nReady;
  createRoot(root).render(
    <StrictMode>
      <CanvasProvider>
        <App />
      </CanvasProvider>
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  // Never a blank page: say what failed and how to get going again.
  const root = document.getElementById('root') ?? document.body;
  const box = document.createElement('div');
  box.className = 'region-error boot';
  box.setAttribute('role', 'alert');
  box.textContent = `Compact Studio could not start (${e instanceof Error ? e.message : String(e)}). Reload the page; if it happens again, clear this site's storage.`;
  root.replaceChildren(box);
});
