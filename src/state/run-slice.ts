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
}

export interface RunSlice {
  runTimes: RunTimes | undefined;
  setRunTimes(times: RunTimes | undefined): void;
}

export const createRunSlice: Slice<RunSlice> = (set) => ({
  runTimes: undefined,
  setRunTimes: (runTimes) => {
    set({ runTimes });
  },
});

/** The node's measured time in ms, or undefined (no profiled run, or the node did not run). */
export const selectNodeTime =
  (nodeId: string) =>
  (s: StudioState): number | undefined =>
    s.runTimes?.byNode[nodeId];

/** The node's share of the whole measured time (0–1), for a bar or a heat colour on the card. */
export const selectNodeTimeShare =
  (nodeId: string) =>
  (s: StudioState): number | undefined => {
    const t = s.runTimes;
    const ms = t?.byNode[nodeId];
    return t === undefined || ms === undefined || t.totalMs <= 0 ? undefined : ms / t.totalMs;
  };
