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
import {
  readPrefs,
  readUserBlocks,
  saveDesignNow,
  startAutosave,
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

async function start(): Promise<void> {
  const storage = browserStorage();
  const choice = chooseInitialDesign(window.location.hash, storage);
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
  startAutosave(studio, storage);
  startCostPersistence(studio, storage);
  // Saved at once, so a reload shows this design even before the first edit.
  if (choice.source !== 'autosave') saveDesignNow(storage, design);
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
