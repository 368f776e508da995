import { z } from 'zod';
import { loadDesign, parseDesign, serializeDesign } from '../core/document/format';
import type { Design, DesignWeights } from '../core/design/design-types';
import { i18next } from '../i18n';
import {
  keyValueDesignStore,
  legacyKeys,
  refusalReason,
  type DesignStore,
  type KeyValueStorage,
  type SavedParts,
} from './design-store';
import type { StudioState, Theme, UserBlock } from './types';

export type { KeyValueStorage } from './design-store';

export const storageKeys = {
  prefs: 'compact-studio/prefs',
  userBlocks: 'compact-studio/user-blocks',
  clipboard: 'compact-studio/clipboard',
  /** A damaged autosave, kept aside rather than overwritten. */
  damaged: 'compact-studio/design-damaged',
} as const;

/** The design without its imported weights (they are written next to it, only when they change). */
const withoutWeights = (design: Design): Design => {
  if (design.weights === undefined) return design;
  const { weights, ...rest } = design;
  return rest;
};

export type SavedDesign =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly design: Design }
  | { readonly kind: 'damaged'; readonly errors: readonly string[]; readonly text: string };

/**
 * The autosaved design, validated like any file, with its imported weights when they were saved
 * (weights of a version-1 autosave are migrated with the design: they were keyed by label).
 */
export function readSavedDesign(parts: SavedParts): SavedDesign {
  const text = parts.design;
  if (text === undefined) return { kind: 'none' };
  const parsed = parseDesign(text);
  if (!parsed.ok) return { kind: 'damaged', errors: parsed.errors, text };
  const raw = safeJson(text);
  const { weights } = parts;
  if (typeof raw === 'object' && raw !== null && typeof weights === 'object' && weights !== null) {
    const withWeights = loadDesign({ ...raw, weights });
    if (withWeights.ok) return { kind: 'ok', design: withWeights.design };
  }
  return { kind: 'ok', design: parsed.design };
}

/**
 * Reads the autosave: IndexedDB, else what an earlier version left in localStorage. `store` is
 * undefined where IndexedDB cannot be used; then localStorage is the autosave.
 */
export async function readAutosave(
  store: DesignStore,
  legacy: KeyValueStorage,
): Promise<{ readonly saved: SavedDesign; readonly legacy: boolean }> {
  const parts = await store.read().catch((): SavedParts => ({ design: undefined, weights: undefined }));
  if (parts.design !== undefined) return { saved: readSavedDesign(parts), legacy: false };
  const old = await keyValueDesignStore(legacy)
    .read()
    .catch((): SavedParts => ({ design: undefined, weights: undefined }));
  return { saved: readSavedDesign(old), legacy: old.design !== undefined };
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

interface Subscribable {
  getState(): StudioState;
  subscribe(listener: (state: StudioState, previous: StudioState) => void): () => void;
}

export interface Autosave {
  stop(): void;
  /** Queues a write of this design now (the first save after start). */
  save(design: Design): void;
  /** Resolves when every change so far is written (or refused). */
  idle(): Promise<void>;
}

/**
 * Writes the design on every change of the document (drags change it once, on drop), its
 * imported weights with it in one transaction when they changed, and the preferences and user
 * blocks when they change. Writes are queued; a burst of edits writes only the latest design.
 * `stored` is the design the store already holds (read at start), so its weights are not
 * written again. When the browser refuses the weights, the design is still saved without them
 * and the store says why (`weightsNotKept`) for as long as the design holds those weights.
 */
export function startAutosave(
  store: Subscribable,
  designs: DesignStore | ((state: StudioState) => DesignStore),
  storage: KeyValueStorage,
  stored?: Design,
): Autosave {
  const targetOf = (s: StudioState): DesignStore => (typeof designs === 'function' ? designs(s) : designs);
  /** The weights each target (document) holds, as far as this session wrote or read them. */
  const writtenTo = new Map<DesignStore, DesignWeights | undefined>([
    [targetOf(store.getState()), stored?.weights],
  ]);
  let refused: DesignWeights | undefined;
  let refusedWhy: string | undefined;
  /** Designs to write, the latest per target in order (a switch of document flushes the one before). */
  const pending: { design: Design; target: DesignStore }[] = [];
  let running: Promise<void> | undefined;

  const writeOne = async ({ design, target }: { design: Design; target: DesignStore }): Promise<void> => {
    const text = serializeDesign(withoutWeights(design));
    const weights = design.weights;
    const known = writtenTo.has(target);
    const written = writtenTo.get(target);
    const changed = (!known || weights !== written) && (weights === undefined || weights !== refused);
    try {
      await (changed ? target.write(text, weights ?? null) : target.write(text));
      if (changed) {
        writtenTo.set(target, weights);
        refused = undefined;
      }
      // Undo can bring back weights that were refused: the mark comes back with them.
      store
        .getState()
        .setWeightsNotKept(weights !== undefined && weights === refused ? refusedWhy : undefined);
    } catch (e) {
      if (!changed || weights === undefined) return;
      // Keep the design, and make sure no earlier model's weights come back with it.
      await target.write(text, null).then(
        () => {
          writtenTo.set(target, undefined);
        },
        () => undefined,
      );
      const first = refused === undefined;
      refused = weights;
      const reason = refusalReason(e);
      refusedWhy = reason;
      store.getState().setWeightsNotKept(reason);
      if (first)
        store.getState().notify({
          text: i18next.t('store:autosave.weightsRefused', { why: reason }),
          tone: 'info',
        });
    }
  };
  const drain = async (): Promise<void> => {
    store.getState().setSaving(true);
    for (let next = pending.shift(); next !== undefined; next = pending.shift()) await writeOne(next);
    running = undefined;
    store.getState().setSaving(false);
  };
  const save = (design: Design): void => {
    const target = targetOf(store.getState());
    const last = pending.at(-1);
    if (last?.target === target) last.design = design;
    else pending.push({ design, target });
    running ??= drain();
  };

  const stop = store.subscribe((s, prev) => {
    if (s.design !== prev.design) save(s.design);
    if (s.theme !== prev.theme || s.openBlocks !== prev.openBlocks)
      safeSet(storage, storageKeys.prefs, JSON.stringify({ theme: s.theme, openBlocks: s.openBlocks }));
    if (s.userBlocks !== prev.userBlocks) writeUserBlocks(storage, s.userBlocks);
  });
  return {
    stop,
    save,
    idle: async () => {
      while (running !== undefined) await running;
    },
  };
}

/** Removes the autosave an earlier version kept in localStorage, once IndexedDB holds it. */
export function forgetLegacyAutosave(storage: KeyValueStorage): void {
  safeRemove(storage, legacyKeys.design);
  safeRemove(storage, legacyKeys.weights);
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
