import type { KeyValueStorage } from './persistence';

/** A storage kept in memory: for tests, and when the browser refuses localStorage. */
export function memoryStorage(initial: Readonly<Record<string, string>> = {}): KeyValueStorage & {
  readonly data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      data.set(k, v);
    },
    removeItem: (k) => {
      data.delete(k);
    },
  };
}
