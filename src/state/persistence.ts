import { z } from 'zod';
import { loadDesign, parseDesign, serializeDesign } from '../core/document/format';
import type { Design } from '../core/graph/types';
import type { StudioState, Theme, UserBlock } from './types';

/** The part of localStorage the app uses; injectable so tests run without a browser. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const storageKeys = {
  design: 'compact-studio/design',
  prefs: 'compact-studio/prefs',
  userBlocks: 'compact-studio/user-blocks',
  clipboard: 'compact-studio/clipboard',
  /** An imported model's weights, apart from the design: written only when they change. */
  weights: 'compact-studio/weights',
} as const;

/** The design without its imported weights (they are kept under their own key). */
const withoutWeights = (design: Design): Design => {
  if (design.weights === undefined) return design;
  const { weights, ...rest } = design;
  return rest;
};

export type SavedDesign =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly design: Design }
  | { readonly kind: 'damaged'; readonly errors: readonly string[] };

/** The autosaved design, validated like any file, with its imported weights when they were saved. */
export function readSavedDesign(storage: KeyValueStorage): SavedDesign {
  const text = safeGet(storage, storageKeys.design);
  if (text === null) return { kind: 'none' };
  const parsed = parseDesign(text);
  if (!parsed.ok) return { kind: 'damaged', errors: parsed.errors };
  const raw = safeJson(text);
  const weights = safeJson(safeGet(storage, storageKeys.weights));
  if (typeof raw === 'object' && raw !== null && typeof weights === 'object' && weights !== null) {
    const withWeights = loadDesign({ ...raw, weights });
    if (withWeights.ok) return { kind: 'ok', design: withWeights.design };
  }
  return { kind: 'ok', design: parsed.design };
}

const prefsShape = z.object({
  theme: z.enum(['light', 'dark']).optional(),
  openBlocks: z.array(z.string()).optional(),
});
export interface Prefs {
  readonly theme?: Theme;
  readonly openBlocks?: readonly string[];
}

export function readPrefs(storage: KeyValueStorage): Prefs {
  const parsed = prefsShape.safeParse(safeJson(safeGet(storage, storageKeys.prefs)));
  return parsed.success ? parsed.data : {};
}

const blocksShape = z.array(z.object({ id: z.string(), name: z.string(), document: z.string() }));

/** User blocks are stored as design documents, so they are validated when read back. */
export function readUserBlocks(storage: KeyValueStorage): UserBlock[] {
  const parsed = blocksShape.safeParse(safeJson(safeGet(storage, storageKeys.userBlocks)));
  if (!parsed.success) return [];
  const blocks: UserBlock[] = [];
  for (const b of parsed.data) {
    const doc = parseDesign(b.document);
    if (doc.ok)
      blocks.push({ id: b.id, name: b.name, fragment: { nodes: doc.design.nodes, edges: doc.design.edges } });
  }
  return blocks;
}

function writeUserBlocks(storage: KeyValueStorage, blocks: readonly UserBlock[]): void {
  const list = blocks.map((b) => ({
    id: b.id,
    name: b.name,
    document: serializeDesign({ name: b.name, nodes: b.fragment.nodes, edges: b.fragment.edges }),
  }));
  safeSet(storage, storageKeys.userBlocks, JSON.stringify(list));
}

/**
 * Writes the design, and its imported weights when they differ from what was last written.
 * Returns false when the weights do not fit in storage (the design itself is still saved).
 */
export function saveDesignNow(storage: KeyValueStorage, design: Design, previous?: Design): boolean {
  safeSet(storage, storageKeys.design, serializeDesign(withoutWeights(design)));
  if (previous !== undefined && design.weights === previous.weights) return true;
  if (design.weights === undefined) {
    safeRemove(storage, storageKeys.weights);
    return true;
  }
  const fits = safeSet(storage, storageKeys.weights, JSON.stringify(design.weights));
  // Stale weights of another model must not come back with this design.
  if (!fits) safeRemove(storage, storageKeys.weights);
  return fits;
}

interface Subscribable {
  getState(): StudioState;
  subscribe(listener: (state: StudioState, previous: StudioState) => void): () => void;
}

/**
 * Writes the design on every change of the document (drags change it once, on drop), and the
 * preferences and user blocks when they change. Returns the unsubscribe function.
 */
export function startAutosave(store: Subscribable, storage: KeyValueStorage): () => void {
  return store.subscribe((s, prev) => {
    if (s.design !== prev.design && !saveDesignNow(storage, s.design, prev.design))
      s.notify({
        text: 'This model’s weights are too big to autosave in the browser; the design autosaves without them. Save it as a file (File → Save) to keep them.',
        tone: 'info',
      });
    if (s.theme !== prev.theme || s.openBlocks !== prev.openBlocks)
      safeSet(storage, storageKeys.prefs, JSON.stringify({ theme: s.theme, openBlocks: s.openBlocks }));
    if (s.userBlocks !== prev.userBlocks) writeUserBlocks(storage, s.userBlocks);
  });
}

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** A full or blocked storage must never break editing: the design stays in memory and can be saved as a file. */
function safeSet(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function safeRemove(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Blocked storage: nothing was written either.
  }
}

function safeJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
