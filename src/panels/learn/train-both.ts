import { create } from 'zustand';
import type { Design } from '../../core/design/design-types';
import { TrainClient } from '../../runtime/train/client';
import type { TrainFailure } from '../../runtime/train/protocol';
import { analysisOf } from '../../state/analysis';
import { lessonRecipe } from '../train/recipe-defaults';

export type Side = 'baseline' | 'method';

/** One side's outcome: its accuracy on the test images beside what it costs. */
export interface SideResult {
  readonly top1: number;
  readonly params: number;
  readonly multiplyAdds: number;
  readonly seconds: number;
}

/** One side's progress while it trains. */
export interface SideProgress {
  readonly step: number;
  readonly totalSteps: number;
}

export interface TrainBothState {
  /** The lesson the run belongs to (a run shows only on its own lesson). */
  readonly lesson: string | undefined;
  readonly status: 'idle' | 'running' | 'done' | 'failed';
  /** The sides training now, with their progress (both at once, each in its own worker). */
  readonly progress: Partial<Record<Side, SideProgress>>;
  readonly results: Partial<Record<Side, SideResult>>;
  readonly failure: TrainFailure | undefined;
  /** Steps per design (the lesson's short recipe; the student may change it). */
  readonly steps: number;
}

/** Accuracy on the first this many of the subset's 2,000 test images: enough to tell 10 classes apart quickly. */
export const LESSON_EVAL_IMAGES = 500;

export const useTrainBoth = create<TrainBothState>()(() => ({
  lesson: undefined,
  status: 'idle',
  progress: {},
  results: {},
  failure: undefined,
  steps: lessonRecipe().maxSteps ?? 40,
}));

const clients = new Map<Side, TrainClient>();

/** Ends every side's worker (their memory goes back until the next run). */
function disposeClients(): void {
  for (const c of clients.values()) c.dispose();
  clients.clear();
}

/**
 * Trains the lesson's two designs with the same short recipe and seed on the Fashion-MNIST subset,
 * both at once, each in a training worker of its own (the WASM engine runs on one thread, so two
 * cores train the pair in the time of its slower side). The task is done once both have finished;
 * a side that fails ends the other.
 */
export function trainBoth(
  lesson: string,
  pair: { readonly baseline: Design; readonly method: Design },
): void {
  if (useTrainBoth.getState().status === 'running') return;
  const recipe = { ...lessonRecipe(), maxSteps: useTrainBoth.getState().steps };
  const sides: readonly Side[] = ['baseline', 'method'];
  useTrainBoth.setState({
    lesson,
    status: 'running',
    results: {},
    failure: undefined,
    progress: Object.fromEntries(sides.map((side) => [side, { step: 0, totalSteps: recipe.maxSteps }])),
  });
  disposeClients();
  const progressWithout = (side: Side) => {
    const { [side]: _gone, ...rest } = useTrainBoth.getState().progress;
    return rest;
  };
  const fail = (failure: TrainFailure) => {
    useTrainBoth.setState({ status: 'failed', failure, progress: {} });
    disposeClients();
  };
  for (const side of sides) {
    const design = pair[side];
    const client = new TrainClient();
    clients.set(side, client);
    client.start(
      {
        type: 'start',
        design,
        dataset: { kind: 'fashion-mnist' },
        recipe,
        scope: 'all',
        evalLimit: LESSON_EVAL_IMAGES,
      },
      (event) => {
        const state = useTrainBoth.getState();
        if (state.lesson !== lesson || state.status !== 'running') return;
        if (event.type === 'step')
          useTrainBoth.setState({
            progress: {
              ...state.progress,
              [side]: { step: event.report.step, totalSteps: event.report.totalSteps },
            },
          });
        else if (event.type === 'failed') fail(event.failure);
        else if (event.type === 'done') {
          if (event.result === undefined || event.stopped || event.failure !== undefined) {
            fail(event.failure ?? { code: 'internal', detail: 'stopped' });
            return;
          }
          const totals = analysisOf(design).totals;
          const result: SideResult = {
            top1: event.result.top1,
            params: totals.params,
            multiplyAdds: totals.multiplyAdds,
            seconds: event.result.seconds,
          };
          const results = { ...state.results, [side]: result };
          clients.get(side)?.dispose();
          clients.delete(side);
          const finished = sides.every((s) => results[s] !== undefined);
          useTrainBoth.setState({
            results,
            progress: progressWithout(side),
            ...(finished ? { status: 'done' as const } : {}),
          });
        }
      },
    );
  }
}
