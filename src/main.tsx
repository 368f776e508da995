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
import {
  forgetLegacyAutosave,
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

async function start(): Promise<void> {
  const storage = browserStorage();
  const designs = await designStore(storage);
  const { saved, legacy } = await readAutosave(designs.store, storage);
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
  store.replaceDesign(design, { fresh: true });
  const ids = new Set(design.nodes.map((n) => n.id));
  store.setOpenBlocks(
    choice.source === 'autosave' ? (prefs.openBlocks ?? []).filter((id) => ids.has(id)) : [],
  );
  store.setTheme(
    prefs.theme ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  );
  studio.setState({ userBlocks: readUserBlocks(storage) });
  studio.temporal.getState().clear();
  if (choice.problem !== undefined)
    store.notify({ text: choice.problem.text, tone: 'error', details: choice.problem.details });
  if (choice.source === 'share') {
    // The link's design is now the autosaved one; a reload should not bring back the old link.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    store.notify({ text: `Opened “${design.name}” from a share link.`, tone: 'info' });
  }
  const fromStore = choice.source === 'autosave' && !legacy;
  const autosave = startAutosave(studio, designs.store, storage, fromStore ? design : undefined);
  startCostPersistence(studio, storage);
  // Saved at once, so a reload shows this design even before the first edit; an autosave an
  // earlier version kept in localStorage moves to IndexedDB.
  if (!fromStore) {
    autosave.save(design);
    if (legacy && designs.indexedDb)
      void autosave.idle().then(() => {
        if (studio.getState().weightsNotKept === undefined) forgetLegacyAutosave(storage);
      });
  }
  store.requestFit();
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
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
