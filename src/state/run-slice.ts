import { nodeAsRun, standingOf, type RunScope } from './run-scope';
import type { Slice, StudioState } from './types';

/** Per-node times of the last profiled run, for the canvas cards (written by the Run panel). */
export interface RunTimes {
  /** The runtime's key of the design that ran (src/runtime/targets.ts designKey). */
  readonly designKey: string;
  /** Milliseconds per top-level design node (median over the profiled runs). */
  readonly byNode: Readonly<Record<string, number>>;
  /** Sum over every node of the trace, including nodes onnxruntime added itself. */
  readonly totalMs: number;
  /** 'WASM · 2 threads', 'WebGPU'. */
  readonly backend: string;
  /** The document and design revision that ran. */
  readonly scope: RunScope;
}

export interface RunSlice {
  runTimes: RunTimes | undefined;
  setRunTimes(times: RunTimes | undefined): void;
}

// The store's type (types.ts) takes this slice in without importing this file.
declare module './types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface StudioState extends RunSlice {}
}

export const createRunSlice: Slice<RunSlice> = (set) => ({
  runTimes: undefined,
  setRunTimes: (runTimes) => {
    set({ runTimes });
  },
});

/**
 * The node's measured time in ms, or undefined: no profiled run, the node did not run, the run
 * was of another document, or the node changed since (its kind, params, inputs or weights).
 */
export const selectNodeTime =
  (nodeId: string) =>
  (s: StudioState): number | undefined =>
    s.runTimes !== undefined && nodeAsRun(s.runTimes.scope, s.documentId, s.design, nodeId)
      ? s.runTimes.byNode[nodeId]
      : undefined;

/** The node's share of the whole measured time (0–1), for a bar or a heat colour on the card. */
export const selectNodeTimeShare =
  (nodeId: string) =>
  (s: StudioState): number | undefined => {
    const t = s.runTimes;
    const ms = selectNodeTime(nodeId)(s);
    return t === undefined || ms === undefined || t.totalMs <= 0 ? undefined : ms / t.totalMs;
  };

/** True when the times on the cards are from an earlier version of the design on the canvas. */
export const selectTimesEarlier = (s: StudioState): boolean =>
  s.runTimes !== undefined && standingOf(s.runTimes.scope, s.documentId, s.design) === 'earlier';
