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

export interface TrainBothState {
  /** The lesson the run belongs to (a run shows only on its own lesson). */
  readonly lesson: string | undefined;
  readonly status: 'idle' | 'running' | 'done' | 'failed';
  /** The side training now, and its progress. */
  readonly side: Side | undefined;
  readonly step: number;
  readonly totalSteps: number;
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
  side: undefined,
  step: 0,
  totalSteps: 0,
  results: {},
  failure: undefined,
  steps: lessonRecipe().maxSteps ?? 40,
}));

let client: TrainClient | undefined;

/**
 * Trains the lesson's two designs one after the other with the same short recipe and seed on the
 * Fashion-MNIST subset, in the training worker. The task is done once both have finished.
 */
export function trainBoth(
  lesson: string,
  pair: { readonly baseline: Design; readonly method: Design },
): void {
  if (useTrainBoth.getState().status === 'running') return;
  const recipe = { ...lessonRecipe(), maxSteps: useTrainBoth.getState().steps };
  useTrainBoth.setState({
    lesson,
    status: 'running',
    results: {},
    failure: undefined,
    step: 0,
    totalSteps: 0,
  });
  client ??= new TrainClient();
  const run = (side: Side, next: (() => void) | undefined) => {
    useTrainBoth.setState({ side, step: 0, totalSteps: recipe.maxSteps });
    const design = pair[side];
    client?.start(
      {
        type: 'start',
        design,
        dataset: { kind: 'fashion-mnist' },
        recipe,
        scope: 'all',
        evalLimit: LESSON_EVAL_IMAGES,
      },
      (event) => {
        if (useTrainBoth.getState().lesson !== lesson) return;
        if (event.type === 'step')
          useTrainBoth.setState({ step: event.report.step, totalSteps: event.report.totalSteps });
        else if (event.type === 'failed') useTrainBoth.setState({ status: 'failed', failure: event.failure });
        else if (event.type === 'done') {
          if (event.result === undefined || event.stopped || event.failure !== undefined) {
            useTrainBoth.setState({
              status: 'failed',
              failure: event.failure ?? { code: 'internal', detail: 'stopped' },
            });
            return;
          }
          const totals = analysisOf(design).totals;
          const result: SideResult = {
            top1: event.result.top1,
            params: totals.params,
            multiplyAdds: totals.multiplyAdds,
            seconds: event.result.seconds,
          };
          useTrainBoth.setState({ results: { ...useTrainBoth.getState().results, [side]: result } });
          if (next === undefined) {
            useTrainBoth.setState({ status: 'done', side: undefined });
            // Both trained: the worker's memory goes back until the next run.
            client?.dispose();
            client = undefined;
          } else next();
        }
      },
    );
  };
  run('baseline', () => {
    run('method', undefined);
  });
}
