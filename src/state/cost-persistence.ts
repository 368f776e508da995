import { z } from 'zod';
import type { Budgets } from '../core/analysis/budget';
import { parseDesign, serializeDesign } from '../core/document/format';
import type { Design } from '../core/design/design-types';
import type { KeyValueStorage } from './persistence';
import type { StudioState } from './types';

export const costStorageKey = 'compact-studio/cost';

const limit = z.number().positive().optional();
const shape = z.object({
  showFlops: z.boolean().optional(),
  drawerOpen: z.boolean().optional(),
  drawerView: z.enum(['table', 'charts']).optional(),
  budgets: z
    .object({ multiplyAdds: limit, params: limit, peakActivations: limit, memoryAccess: limit })
    .optional(),
  /** The pinned baseline as a design document, validated like any file when read back. */
  baseline: z.string().optional(),
});

export interface CostPrefs {
  readonly showFlops?: boolean;
  readonly drawerOpen?: boolean;
  readonly drawerView?: 'table' | 'charts';
  readonly budgets?: Budgets;
  readonly baseline?: Design;
}

/** The saved cost-panel settings; anything damaged is left out rather than trusted. */
export function readCostPrefs(storage: KeyValueStorage): CostPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(costStorageKey) ?? 'null') as unknown;
  } catch {
    return {};
  }
  const parsed = shape.safeParse(raw);
  if (!parsed.success) return {};
  const { baseline, budgets, ...rest } = parsed.data;
  const doc = baseline === undefined ? undefined : parseDesign(baseline);
  // Zod leaves absent limits out, so the parsed object is already a Budgets.
  const cleanBudgets: Budgets = budgets ?? {};
  return {
    ...rest,
    ...(budgets !== undefined && { budgets: cleanBudgets }),
    ...(doc !== undefined && doc.ok && { baseline: doc.design }),
  };
}

function write(storage: KeyValueStorage, s: StudioState): void {
  const value = {
    showFlops: s.showFlops,
    drawerOpen: s.costDrawerOpen,
    drawerView: s.costDrawerView,
    budgets: s.budgets,
    ...(s.baseline !== undefined && { baseline: serializeDesign(s.baseline) }),
  };
  try {
    storage.setItem(costStorageKey, JSON.stringify(value));
  } catch {
    // A full or blocked storage must never break editing.
  }
}

interface Store {
  getState(): StudioState;
  setState(partial: Partial<StudioState>): void;
  subscribe(listener: (state: StudioState, previous: StudioState) => void): () => void;
}

/** Restores the cost panel's settings, then saves them whenever they change. Returns the unsubscribe. */
export function startCostPersistence(store: Store, storage: KeyValueStorage): () => void {
  const prefs = readCostPrefs(storage);
  store.setState({
    ...(prefs.showFlops !== undefined && { showFlops: prefs.showFlops }),
    ...(prefs.drawerOpen !== undefined && { costDrawerOpen: prefs.drawerOpen }),
    ...(prefs.drawerView !== undefined && { costDrawerView: prefs.drawerView }),
    ...(prefs.budgets !== undefined && { budgets: prefs.budgets }),
    ...(prefs.baseline !== undefined && { baseline: prefs.baseline }),
  });
  return store.subscribe((s, prev) => {
    if (
      s.showFlops !== prev.showFlops ||
      s.budgets !== prev.budgets ||
      s.baseline !== prev.baseline ||
      s.costDrawerOpen !== prev.costDrawerOpen ||
      s.costDrawerView !== prev.costDrawerView
    )
      write(storage, s);
  });
}
