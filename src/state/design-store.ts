import { createStore, getMany, set, setMany, type UseStore } from 'idb-keyval';
import type { DesignWeights } from '../core/design/design-types';
import { weightsAsText } from '../core/document/format';
import { i18next } from '../i18n';

/** The part of localStorage the app uses; injectable so tests run without a browser. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the autosave holds: the design document (without weights) and its imported weights. */
export interface SavedParts {
  /** The design document's text, undefined when nothing was saved. */
  readonly design: string | undefined;
  /** The imported weights saved with it (as parsed JSON), undefined or null when there are none. */
  readonly weights: unknown;
}

/**
 * Where the design autosaves. The design and its weights are written in one transaction, so a
 * reload never pairs a design with another design's weights.
 */
export interface DesignStore {
  /** Rejects when the storage cannot be used at all. */
  read(): Promise<SavedParts>;
  /**
   * Writes the design text; with `weights`, writes them in the same transaction (null removes
   * them). Rejects when the browser refuses (quota, private mode), and then nothing was written.
   */
  write(design: string, weights?: DesignWeights | null): Promise<void>;
}

const DESIGN = 'design';
const WEIGHTS = 'weights';

/**
 * IndexedDB through idb-keyval: one database, one object store, two keys. Holds a 25 MB model
 * where localStorage (about 5 MB per site) cannot. Throws when IndexedDB is missing.
 */
export function indexedDbDesignStore(): DesignStore {
  const store: UseStore = createStore('compact-studio', 'autosave');
  return {
    async read() {
      const [design, weights] = await getMany<unknown>([DESIGN, WEIGHTS], store);
      return { design: typeof design === 'string' ? design : undefined, weights };
    },
    write(design, weights) {
      return weights === undefined
        ? set(DESIGN, design, store)
        : setMany(
            [
              [DESIGN, design],
              [WEIGHTS, weights],
            ],
            store,
          );
    },
  };
}

/** localStorage keys of the autosave before it moved to IndexedDB (read once, then removed). */
export const legacyKeys = { design: 'compact-studio/design', weights: 'compact-studio/weights' } as const;

/**
 * A key-value storage as a design store: for tests, and as the fallback where IndexedDB is not
 * available. Not one transaction: weights are written first and the design only when they fit.
 */
export function keyValueDesignStore(storage: KeyValueStorage): DesignStore {
  return {
    read() {
      try {
        const design = storage.getItem(legacyKeys.design) ?? undefined;
        const text = storage.getItem(legacyKeys.weights);
        return Promise.resolve({
          design,
          weights: text === null ? undefined : (JSON.parse(text) as unknown),
        });
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    write(design, weights) {
      try {
        if (weights === null) storage.removeItem(legacyKeys.weights);
        else if (weights !== undefined)
          storage.setItem(legacyKeys.weights, JSON.stringify(weightsAsText(weights)));
        storage.setItem(legacyKeys.design, design);
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };
}

/** Why the browser refused to store something, in words (for the status mark and the panels). */
export function refusalReason(e: unknown): string {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return i18next.t('store:autosave.full');
  if (name === 'SecurityError' || name === 'InvalidStateError') return i18next.t('store:autosave.blocked');
  return i18next.t('store:autosave.refused', { message: e instanceof Error ? e.message : String(e) });
}
