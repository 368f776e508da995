import type { StoreApi } from 'zustand';
import type { TemporalState } from 'zundo';
import type { Tracked } from './types';
import type { Design } from '../core/design/design-types';

/** How long after one edit of a field the next edit of the same field joins the same undo step. */
export const COALESCE_MS = 1500;

interface LastEdit {
  readonly key: string;
  readonly at: number;
  /** The design that edit produced: any other change in between starts a new step. */
  readonly result: Design;
  /** The design before the step began (its weights are what the step's edits are fitted from). */
  readonly base: Design;
}

const lastEdits = new WeakMap<object, LastEdit>();

/**
 * True when an edit of `key` continues the previous edit of the same field on the same design, so
 * it should not add an undo step (typing "128" is one change, not three).
 */
export function continuesEdit(store: object, key: string, current: Design, now = Date.now()): boolean {
  const last = lastEdits.get(store);
  return last !== undefined && last.key === key && last.result === current && now - last.at < COALESCE_MS;
}

export function recordEdit(store: object, key: string, result: Design, base: Design, now = Date.now()): void {
  lastEdits.set(store, { key, at: now, result, base });
}

/** The design before the current coalesced step began (call after continuesEdit said true). */
export function stepBase(store: object): Design | undefined {
  return lastEdits.get(store)?.base;
}

/** The zundo history of a store api (typed: the slice creators see it as `unknown`). */
export function historyOf(api: object): StoreApi<TemporalState<Tracked>> {
  return (api as { temporal: StoreApi<TemporalState<Tracked>> }).temporal;
}
