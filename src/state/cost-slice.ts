import type { Budgets, BudgetFigure } from '../core/analysis/budget';
import type { Design } from '../core/design/design-types';
import { commitStep } from './fit-weights';
import type { Slice } from './types';

/** Which view the cost drawer (under the canvas) shows. */
export type CostDrawerView = 'table' | 'charts';

/** A request for the canvas to bring a node into view; `seq` changes on every request. */
export interface RevealRequest {
  readonly nodeId: string;
  readonly seq: number;
}

/** The cost panel's state: display choices, budgets and the pinned baseline (all persisted). */
export interface CostSlice {
  /** Show FLOPs (= 2 × multiply-adds) instead of multiply-adds; never both in one number. */
  showFlops: boolean;
  budgets: Budgets;
  /** The design pinned to compare with; undefined when none is pinned. */
  baseline: Design | undefined;
  costDrawerOpen: boolean;
  costDrawerView: CostDrawerView;
  revealRequest: RevealRequest | undefined;
  setShowFlops(on: boolean): void;
  setBudget(figure: BudgetFigure, limit: number | undefined): void;
  pinBaseline(): void;
  clearBaseline(): void;
  setCostDrawerOpen(open: boolean): void;
  setCostDrawerView(view: CostDrawerView): void;
  /** Select a node (or a primitive inside an open block) and ask the canvas to show it. */
  revealNode(id: string): void;
  /**
   * Put a scaled copy of the design in place (width multiplier, resolution): node ids are kept, so
   * the selection stays. Quick successive changes from one control make one undo step.
   */
  applyScaledDesign(design: Design, control: string): void;
}

// The store's type (types.ts) takes this slice in without importing this file.
declare module './types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface StudioState extends CostSlice {}
}

let revealSeq = 0;

export const createCostSlice: Slice<CostSlice> = (set, get, api) => ({
  showFlops: false,
  budgets: {},
  baseline: undefined,
  costDrawerOpen: false,
  costDrawerView: 'table',
  revealRequest: undefined,
  setShowFlops(showFlops) {
    set({ showFlops });
  },
  setBudget(figure, limit) {
    const keep = limit !== undefined && Number.isFinite(limit) && limit > 0;
    const budgets = Object.fromEntries(Object.entries(get().budgets).filter(([k]) => k !== figure));
    set({ budgets: keep ? { ...budgets, [figure]: limit } : budgets });
  },
  pinBaseline() {
    set({ baseline: get().design });
  },
  clearBaseline() {
    set({ baseline: undefined });
  },
  setCostDrawerOpen(costDrawerOpen) {
    set({ costDrawerOpen });
  },
  setCostDrawerView(costDrawerView) {
    set({ costDrawerView });
  },
  revealNode(id) {
    set({ selectedNodes: [id], selectedEdges: [], revealRequest: { nodeId: id, seq: ++revealSeq } });
  },
  applyScaledDesign(design, control) {
    const current = get().design;
    if (design === current) return;
    commitStep(api, set, `scale:${control}`, current, design);
  },
});
