import { z } from 'zod';
import { parseDesign, serializeDesign } from '../core/document/format';
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
} as const;

export type SavedDesign =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly design: Design }
  | { readonly kind: 'damaged'; readonly errors: readonly string[] };

/** The autosaved design, validated like any file. */
export function readSavedDesign(storage: KeyValueStorage): SavedDesign {
  const text = safeGet(storage, storageKeys.design);
  if (text === null) return { kind: 'none' };
  const parsed = parseDesign(text);
  return parsed.ok ? { kind: 'ok', design: parsed.design } : { kind: 'damaged', errors: parsed.errors };
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

export function saveDesignNow(storage: KeyValueStorage, design: Design): void {
  safeSet(storage, storageKeys.design, serializeDesign(design));
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
    if (s.design !== prev.design) safeSet(storage, storageKeys.design, serializeDesign(s.design));
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

/** A full or blocked storage must never break editing. */
function safeSet(storage: KeyValueStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Nothing to do: the design stays in memory and can be saved as a file.
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
