import { temporal } from 'zundo';
import { create, useStore } from 'zustand';
import { createCostSlice } from './cost-slice';
import { createDesignSlice } from './design-slice';
import { createDocumentsSlice } from './documents-slice';
import { createLibrarySlice } from './library-slice';
import { createRunSlice } from './run-slice';
import { createTrainSlice } from './train-slice';
import { createSelectionSlice } from './selection-slice';
import type { StudioState, Tracked } from './types';
import { createUiSlice } from './ui-slice';

/** One store made of slices; undo and redo track the design document only. */
export function createStudioStore() {
  return create<StudioState>()(
    temporal(
      (...a) => ({
        ...createDesignSlice(...a),
        ...createDocumentsSlice(...a),
        ...createSelectionSlice(...a),
        ...createUiSlice(...a),
        ...createLibrarySlice(...a),
        ...createCostSlice(...a),
        ...createRunSlice(...a),
        ...createTrainSlice(...a),
      }),
      {
        partialize: (s): Tracked => ({ design: s.design }),
        // A new snapshot only when the document itself changed (not on selection or view changes).
        equality: (past, current) => past.design === current.design,
        limit: 300,
      },
    ),
  );
}

export type StudioStore = ReturnType<typeof createStudioStore>;

/** The app's store. */
export const studio = createStudioStore();

export function useStudio<T>(selector: (s: StudioState) => T): T {
  return useStore(studio, selector);
}

export function useHistory<T>(selector: (h: ReturnType<StudioStore['temporal']['getState']>) => T): T {
  return useStore(studio.temporal, selector);
}
