import type { Recipe, TrainingResult } from '../../core/document/results';
import type { Design, DesignWeights } from '../../core/design/design-types';
import type { Message } from '../../core/message';
import type { LearnedMask } from '../../core/train/shift-rounding';
import { splitNetOutcomeProblem, type SplitNetOutcome, type SplitNetRequest } from './splitnet-messages';

/**
 * The messages between the page and the training worker. The worker trains one design at a time;
 * pause, resume and stop act on the run under way. Failures carry a code and the facts the sentence
 * needs (a file name, two counts), never a sentence: the page words them in the reader's language.
 */

/** Where the images come from. */
export type DatasetSpec =
  /** The Fashion-MNIST subset shipped with the app (fetched on demand). */
  | { readonly kind: 'fashion-mnist' }
  /** The user's idx files (MNIST's format): training images and labels, optionally a test pair. */
  | {
      readonly kind: 'idx';
      readonly name: string;
      readonly trainImages: Blob;
      readonly trainLabels: Blob;
      readonly evalImages?: Blob;
      readonly evalLabels?: Blob;
    }
  /** The user's images, one subfolder per class (a picked folder's files, with their relative paths). */
  | { readonly kind: 'folder'; readonly name: string; readonly files: readonly FolderFile[] }
  /** The same as a zip file. */
  | { readonly kind: 'zip'; readonly name: string; readonly file: Blob };

export interface FolderFile {
  readonly path: string;
  readonly file: Blob;
}

/** Train every layer, or only the last Linear layer (the head) from the design's weights. */
export type TrainScope = 'all' | 'head';

export type TrainRequest =
  | {
      readonly type: 'start';
      readonly design: Design;
      readonly dataset: DatasetSpec;
      readonly recipe: Recipe;
      readonly scope: TrainScope;
      /** Measure accuracy on the first this many evaluation images only (a lesson's quick run). */
      readonly evalLimit?: number;
      /** Learn the SparseShift layers' masks under the shift penalty λ (Chen et al. 2019). */
      readonly learnShifts?: { readonly lambda: number };
      /** Learn a SplitNet split while training (Kim et al. 2017), then split and fine-tune. */
      readonly splitNet?: SplitNetRequest;
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' };

export type TrainStage = 'engine' | 'data' | 'train';

export type TrainFailure =
  /** An image file that the browser could not decode. */
  | { readonly code: 'no-decode'; readonly file: string }
  /** No image files at all (or an idx file with no images). */
  | { readonly code: 'empty' }
  /** Only one class: nothing to tell apart. */
  | { readonly code: 'one-class'; readonly name: string }
  /** More classes than the head has outputs. */
  | { readonly code: 'too-many-classes'; readonly classes: number; readonly outputs: number }
  /** The design's output is not one score per class (N×K). */
  | { readonly code: 'no-head'; readonly shape: string }
  /** The loss became NaN or infinite: stopped; the weights of the last finished epoch are kept. */
  | { readonly code: 'nan-loss'; readonly step: number; readonly kept: number }
  /** The backend ran out of memory at this batch size. */
  | { readonly code: 'out-of-memory'; readonly batch: number }
  /** An idx file that is not one (bad magic, wrong size, labels and images that disagree). */
  | { readonly code: 'bad-idx'; readonly file: string; readonly detail: string }
  /** A zip file that could not be read. */
  | { readonly code: 'bad-zip'; readonly file: string; readonly detail: string }
  /** The design cannot be trained as it stands (errors in the analysis, an op without a training form). */
  | { readonly code: 'design'; readonly detail: string }
  /** The engine refused, in its own sentence (a Message, worded in the reader's language). */
  | { readonly code: 'said'; readonly said: Message }
  /** Anything else, with the engine's own words. */
  | { readonly code: 'internal'; readonly detail: string };

/** What the data turned out to be, once read. */
export interface DataSummary {
  readonly name: string;
  readonly classNames: readonly string[];
  readonly train: number;
  readonly eval: number;
  /** What the eval images are: 'test' (a test set that came with the data) or 'validation' (held out). */
  readonly split: string;
  /** The size every image was fitted to ("1×28×28"). */
  readonly size: string;
  /** Images whose size differed from the design's input and were resized to it. */
  readonly resized: number;
  /** Files skipped because they are not images by their extension. */
  readonly skipped: number;
}

export interface StepReport {
  readonly step: number;
  readonly totalSteps: number;
  readonly epoch: number;
  /** Images seen so far, and in the whole run. */
  readonly images: number;
  readonly totalImages: number;
  readonly loss: number;
  /** Top-1 on this batch. */
  readonly top1: number;
  /** Milliseconds of training so far (paused time excluded). */
  readonly ms: number;
}

export interface EpochReport {
  readonly epoch: number;
  readonly step: number;
  readonly loss: number;
  readonly trainTop1: number;
  readonly valTop1: number;
  readonly valLoss: number;
}

export type TrainEvent =
  | {
      readonly type: 'stage';
      readonly stage: TrainStage;
      /** The TensorFlow.js backend ('webgpu', 'wasm', 'cpu') and why it was chosen. */
      readonly backend?: string;
      readonly reason?: string;
    }
  | { readonly type: 'data'; readonly summary: DataSummary }
  | { readonly type: 'step'; readonly report: StepReport }
  /** An epoch finished: its figures, the weights after it and the result so far (kept if the tab closes). */
  | {
      readonly type: 'epoch';
      readonly report: EpochReport;
      readonly weights: DesignWeights;
      readonly result: TrainingResult;
    }
  | { readonly type: 'paused'; readonly paused: boolean }
  /** Training ended: finished, or stopped by the user (the result covers what was trained). */
  | {
      readonly type: 'done';
      readonly stopped: boolean;
      readonly weights: DesignWeights | undefined;
      readonly result: TrainingResult | undefined;
      /** The SparseShift masks training learned, by node id (with learnShifts). */
      readonly shifts?: readonly LearnedMask[];
      /** The split design training learned (with splitNet); `weights` are its weights. */
      readonly split?: SplitNetOutcome;
      /** Why it ended early although weights were kept (a NaN loss). */
      readonly failure?: TrainFailure;
    }
  | { readonly type: 'failed'; readonly failure: TrainFailure };

const eventTypes = new Set(['stage', 'data', 'step', 'epoch', 'paused', 'done', 'failed']);

/**
 * What is wrong with a worker's message that has the right type: its SplitNet part (a split design
 * written into the document is checked first); undefined when nothing is.
 */
export function trainEventProblem(event: TrainEvent): string | undefined {
  return event.type === 'done' && event.split !== undefined ? splitNetOutcomeProblem(event.split) : undefined;
}

/** A message from the worker, checked for its type (the worker is ours; this catches a foreign message). */
export function isTrainEvent(data: unknown): data is TrainEvent {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    eventTypes.has((data as { type: string }).type)
  );
}
