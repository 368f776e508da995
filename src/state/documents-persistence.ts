import { z } from 'zod';
import { parseDesign, serializeDesign } from '../core/document/format';
import type { Design } from '../core/design/design-types';
import { documentKeys, libraryKeys, type AsyncKeyValue } from './documents-kv';
import type { DesignStore } from './design-store';
import { fitted } from './fit-weights';
import { packWeights, unpackWeights } from './weights-blob';
import { readSavedDesign, type SavedDesign } from './persistence';
import type { DocumentHistory, DocumentMeta, StudioState, Tracked } from './types';

/** Undo steps (and as many redo steps) kept per document across reloads; the newest are kept. */
export const HISTORY_CAP = 50;

const metaShape = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(10_000),
  editedAt: z.number(),
  thumbnail: z.string().max(1_000_000),
  deletedAt: z.number().optional(),
});

export interface Library {
  readonly documents: readonly DocumentMeta[];
  /** The document open last, when it is in the list. */
  readonly current: string | undefined;
}

/** The list of documents as stored, each entry validated (a damaged one is left out). */
export async function readLibrary(kv: AsyncKeyValue): Promise<Library> {
  const [index, current] = await kv.getMany([libraryKeys.index, libraryKeys.current]);
  const documents: DocumentMeta[] = [];
  if (Array.isArray(index))
    for (const entry of index) {
      const parsed = metaShape.safeParse(entry);
      if (parsed.success) documents.push(parsed.data);
    }
  const open = typeof current === 'string' && documents.some((d) => d.id === current) ? current : undefined;
  return { documents, current: open };
}

/** Removes for good the documents deleted in an earlier session (their undo was on offer then). */
export async function purgeDeleted(kv: AsyncKeyValue, library: Library): Promise<Library> {
  const gone = library.documents.filter((d) => d.deletedAt !== undefined);
  if (gone.length === 0) return library;
  const documents = library.documents.filter((d) => d.deletedAt === undefined);
  await kv.setMany([[libraryKeys.index, documents]]);
  await kv.delMany(gone.flatMap((d) => Object.values(documentKeys(d.id))));
  return {
    documents,
    current: documents.some((d) => d.id === library.current) ? library.current : undefined,
  };
}

const historyShape = z.object({ past: z.array(z.string()), future: z.array(z.string()) });

/**
 * A saved document: its design (validated like any file, with its weights) and its undo history.
 * The steps of the history are saved without weights: they come back with the document's weights,
 * fitted to each step (a layer whose shape differs starts fresh).
 */
export async function readDocument(
  kv: AsyncKeyValue,
  id: string,
): Promise<{ readonly saved: SavedDesign; readonly history: DocumentHistory }> {
  const keys = documentKeys(id);
  const [design, packed, history] = await kv.getMany([keys.design, keys.weights, keys.history]);
  const weights = await unpackWeights(packed);
  const saved = readSavedDesign({ design: typeof design === 'string' ? design : undefined, weights });
  const steps = historyShape.safeParse(history);
  if (saved.kind !== 'ok' || !steps.success) return { saved, history: { past: [], future: [] } };
  const current = saved.design.weights;
  const revive = (texts: readonly string[]): Design[] =>
    texts.flatMap((text) => {
      const parsed = parseDesign(text);
      if (!parsed.ok) return [];
      return [current === undefined ? parsed.design : fitted({ ...parsed.design, weights: current })];
    });
  return { saved, history: { past: revive(steps.data.past), future: revive(steps.data.future) } };
}

/** Where the autosave writes one document: its design and weights, in one transaction. */
export function documentDesignStore(kv: AsyncKeyValue, id: string): DesignStore {
  const keys = documentKeys(id);
  return {
    async read() {
      const [design, packed] = await kv.getMany([keys.design, keys.weights]);
      return {
        design: typeof design === 'string' ? design : undefined,
        weights: await unpackWeights(packed),
      };
    },
    write(design, weights) {
      return kv.setMany(
        weights === undefined
          ? [[keys.design, design]]
          : [
              [keys.design, design],
              [keys.weights, weights === null ? null : packWeights(weights)],
            ],
      );
    },
  };
}

/** The autosave's target for a state: the open document's store (one object per document). */
export function documentTargets(kv: AsyncKeyValue): (s: StudioState) => DesignStore {
  const stores = new Map<string, DesignStore>();
  return (s) => {
    let store = stores.get(s.documentId);
    if (store === undefined) {
      store = documentDesignStore(kv, s.documentId);
      stores.set(s.documentId, store);
    }
    return store;
  };
}

// A step of the history is serialized once per design object (steps are shared between writes).
const texts = new WeakMap<Design, string>();
function stepText(design: Design): string {
  let text = texts.get(design);
  if (text === undefined) {
    const { weights: _w, ...rest } = design;
    text = serializeDesign(rest);
    texts.set(design, text);
  }
  return text;
}

interface StudioLike {
  getState(): StudioState;
  subscribe(listener: (state: StudioState, previous: StudioState) => void): () => void;
  temporal: {
    getState(): { pastStates: readonly Partial<Tracked>[]; futureStates: readonly Partial<Tracked>[] };
    subscribe(listener: () => void): () => void;
  };
}

/** How long the history waits for more edits before it is written. */
const HISTORY_DELAY_MS = 300;

/**
 * Keeps the list of documents, the open one and each document's undo history in storage: the
 * list when it changes, an edit's name, time and picture in the list, the history (the newest
 * HISTORY_CAP steps each way) shortly after it changes and at once when another document opens.
 */
export function startDocumentPersistence(
  studio: StudioLike,
  kv: AsyncKeyValue,
): { stop(): void; flush(): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();
  const write = (entries: readonly (readonly [string, unknown])[]): void => {
    queue = queue.then(() => kv.setMany(entries)).catch(() => undefined);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due: { id: string; past: string[]; future: string[] } | undefined;
  const writeHistory = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (due === undefined) return;
    const { id, past, future } = due;
    due = undefined;
    write([[documentKeys(id).history, { past, future }]]);
  };
  const steps = (list: readonly Partial<Tracked>[]): string[] =>
    list.flatMap((t) => (t.design === undefined ? [] : [stepText(t.design)]));
  const stopTemporal = studio.temporal.subscribe(() => {
    const id = studio.getState().documentId;
    if (due !== undefined && due.id !== id) writeHistory();
    const { pastStates, futureStates } = studio.temporal.getState();
    due = {
      id,
      past: steps(pastStates.slice(-HISTORY_CAP)),
      future: steps(futureStates.slice(0, HISTORY_CAP)),
    };
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(writeHistory, HISTORY_DELAY_MS);
  });
  const stopStudio = studio.subscribe((s, prev) => {
    if (s.documentId !== prev.documentId) {
      writeHistory();
      write([[libraryKeys.current, s.documentId]]);
    } else if (s.design !== prev.design) s.touchDocument(s.design);
    if (s.documents !== prev.documents) write([[libraryKeys.index, s.documents]]);
  });
  return {
    stop() {
      stopTemporal();
      stopStudio();
    },
    async flush() {
      writeHistory();
      await queue;
    },
  };
}
