// The browser's storage is read while the rest of the code is evaluated: IndexedDB opens on its own
// thread. Then the kind table: everything below reads it.
import { bootStorage } from './app/boot-storage';
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
import { connectDocuments } from './ui/documents';
import { i18next, i18nReady } from './i18n';
import { documentTargets, startDocumentPersistence } from './state/documents-persistence';
import {
  forgetLegacyAutosave,
  readPrefs,
  readUserBlocks,
  startAutosave,
  storageKeys,
} from './state/persistence';
import { studio } from './state/store';

async function start(): Promise<void> {
  const { storage, kv, library, lastId, saved, legacy, migrated, history } = await bootStorage;
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
