import { MAX_RESULTS, type TrainingResult } from '../core/document/results';
import type { Design, DesignWeights } from '../core/design/design-types';
import type { LearnedMask } from '../core/train/shift-rounding';
import type { SplitNetOutcome } from '../runtime/train/splitnet-messages';
import type { StepSample } from '../runtime/train/progress';
import type {
  DataSummary,
  EpochReport,
  StepReport,
  TrainEvent,
  TrainFailure,
  TrainStage,
} from '../runtime/train/protocol';
import { analysisOf } from './analysis';
import { fitted } from './fit-weights';
import { historyOf } from './history';
import type { Slice } from './types';

/**
 * Training in the browser: what the run under way is doing (stage, speed, curves), and the one place
 * where trained weights and results enter the design. Nothing here is undone by undo except the
 * design itself: a finished run is one undo step back to the design before training.
 */

export type TrainStatus = 'idle' | 'running' | 'paused' | 'stopping' | 'done' | 'failed';

/** One point of the training curve (per reported step). */
export interface TrainPoint {
  readonly step: number;
  readonly loss: number;
  readonly top1: number;
}

/** At most this many points are kept per curve (older ones are thinned, every other one dropped). */
export const MAX_CURVE_POINTS = 400;

export interface TrainRun {
  readonly status: TrainStatus;
  readonly stage: TrainStage | undefined;
  readonly backend: string | undefined;
  /** Why that backend, in the engine's words ("no WebGPU; WASM with SIMD, one thread"). */
  readonly backendReason: string | undefined;
  readonly data: DataSummary | undefined;
  readonly last: StepReport | undefined;
  readonly samples: readonly StepSample[];
  readonly trainCurve: readonly TrainPoint[];
  readonly epochs: readonly EpochReport[];
  readonly failure: TrainFailure | undefined;
  /** Whether the user stopped the run (its result covers what was trained until then). */
  readonly stopped: boolean;
  /** The id of the result this run writes (and keeps rewriting after each epoch). */
  readonly resultId: string | undefined;
  /** The SparseShift masks the run learned (sparse shift learning), written into the design. */
  readonly shifts: readonly LearnedMask[] | undefined;
  /** The SplitNet split the run learned (SplitNet learning), which became the design. */
  readonly split: LearnedSplitView | undefined;
}

/** Two of a design's totals, from the cost engine. */
export interface SplitCosts {
  readonly params: number;
  readonly multiplyAdds: number;
}

/** What a SplitNet run learned, as the Train tab shows it after the run. */
export interface LearnedSplitView {
  /** Each leaf's classes (tree order). */
  readonly classes: readonly (readonly number[])[];
  /** Groups at each level of the tree. */
  readonly groups: readonly number[];
  readonly fineTuned: number;
  /** The design before the run, and the split design it became. */
  readonly before: SplitCosts;
  readonly after: SplitCosts;
}

export interface TrainSlice {
  train: TrainRun;
  /** A new run begins (the design before it is what undo returns to once it ends). */
  trainStarted: () => void;
  /** One message from the training worker. */
  trainEvent: (event: TrainEvent) => void;
  /** The worker died or could not start: the run ends with this failure. */
  trainFailed: (failure: TrainFailure) => void;
  trainStatus: (status: TrainStatus) => void;
}

// The store's type (types.ts) takes this slice in without importing this file.
declare module './types' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface StudioState extends TrainSlice {}
}

export const idleRun: TrainRun = {
  status: 'idle',
  stage: undefined,
  backend: undefined,
  backendReason: undefined,
  data: undefined,
  last: undefined,
  samples: [],
  trainCurve: [],
  epochs: [],
  failure: undefined,
  stopped: false,
  resultId: undefined,
  shifts: undefined,
  split: undefined,
};

/** Appends a point, halving the curve's density when it grows past the limit (the shape stays). */
export function appendThinned<T>(points: readonly T[], point: T, max = MAX_CURVE_POINTS): T[] {
  const next = [...points, point];
  if (next.length <= max) return next;
  return next.filter((_, i) => i % 2 === 1 || i === next.length - 1);
}

/**
 * The design with these trained weights and this result (replacing an earlier version of it), and
 * the SparseShift masks the run learned written into their nodes.
 */
export function withTrained(
  design: Design,
  weights: DesignWeights,
  result: TrainingResult,
  shifts: readonly LearnedMask[] = [],
): Design {
  const others = (design.results ?? []).filter((r) => r.id !== result.id);
  const results = [...others, result].slice(-MAX_RESULTS);
  const masks = new Map(shifts.map((m) => [m.nodeId, m.shifts]));
  const nodes = design.nodes.map((n) => {
    const mask = masks.get(n.id);
    return mask === undefined || n.kind !== 'SparseShift'
      ? n
      : { ...n, params: { ...n.params, shifts: mask } };
  });
  return fitted({ ...design, nodes, weights, results });
}

/**
 * The split design a SplitNet run learned, in place of `design`: the run's weights and result, and
 * the results `design` holds (the design's own record of its runs goes on).
 */
export function withSplit(
  design: Design,
  split: SplitNetOutcome,
  weights: DesignWeights,
  result: TrainingResult,
): Design {
  return withTrained({ ...split.design, results: design.results ?? [] }, weights, result);
}

const costsOf = (design: Design): SplitCosts => {
  const { params, multiplyAdds } = analysisOf(design).totals;
  return { params, multiplyAdds };
};

/** The design before the run under way began (undo after the run returns to it). */
let before: Design | undefined;

export const createTrainSlice: Slice<TrainSlice> = (set, get, api) => {
  const update = (patch: Partial<TrainRun>) => {
    set({ train: { ...get().train, ...patch } });
  };
  /** Writes trained weights into the design without an undo step per epoch. */
  const adopt = (weights: DesignWeights, result: TrainingResult, shifts?: readonly LearnedMask[]) => {
    const history = historyOf(api).getState();
    history.pause();
    set({ design: withTrained(get().design, weights, result, shifts) });
    history.resume();
  };
  /** At the end of a run: one undo step from the trained design back to the design before it. */
  const closeStep = () => {
    const start = before;
    before = undefined;
    if (start === undefined || start === get().design) return;
    const temporal = historyOf(api);
    temporal.setState({
      pastStates: [...temporal.getState().pastStates, { design: start }],
      futureStates: [],
    });
  };
  return {
    train: idleRun,
    trainStarted() {
      before = get().design;
      set({ train: { ...idleRun, status: 'running' } });
    },
    trainStatus(status) {
      update({ status });
    },
    trainFailed(failure) {
      update({ status: 'failed', failure });
      closeStep();
    },
    trainEvent(event) {
      const run = get().train;
      switch (event.type) {
        case 'stage':
          update({
            stage: event.stage,
            ...(event.backend !== undefined && { backend: event.backend, backendReason: event.reason }),
          });
          return;
        case 'data':
          update({ data: event.summary });
          return;
        case 'step': {
          const r = event.report;
          update({
            last: r,
            samples: [...run.samples, { ms: r.ms, images: r.images }].slice(-100),
            trainCurve: appendThinned(run.trainCurve, { step: r.step, loss: r.loss, top1: r.top1 }),
          });
          return;
        }
        case 'epoch':
          adopt(event.weights, event.result);
          update({ epochs: [...run.epochs, event.report], resultId: event.result.id });
          return;
        case 'paused':
          if (run.status === 'running' || run.status === 'paused')
            update({ status: event.paused ? 'paused' : 'running' });
          return;
        case 'done': {
          const start = before ?? get().design;
          let split: LearnedSplitView | undefined;
          if (event.split !== undefined && event.weights !== undefined && event.result !== undefined) {
            const next = withSplit(get().design, event.split, event.weights, event.result);
            const history = historyOf(api).getState();
            history.pause();
            set({ design: next });
            history.resume();
            split = {
              classes: event.split.classes,
              groups: event.split.levels.map((l) => l.groups),
              fineTuned: event.split.fineTuned,
              before: costsOf(start),
              after: costsOf(get().design),
            };
          } else if (event.weights !== undefined && event.result !== undefined)
            adopt(event.weights, event.result, event.shifts);
          update({
            shifts: event.shifts,
            split,
            status: event.failure === undefined ? 'done' : 'failed',
            failure: event.failure,
            stopped: event.stopped,
            resultId: event.result?.id ?? run.resultId,
          });
          closeStep();
          return;
        }
        case 'failed':
          update({ status: 'failed', failure: event.failure });
          closeStep();
          return;
      }
    },
  };
};
