import type { TrainingResult, Recipe } from '../document/results';
import type { Design, DesignWeights } from '../design/design-types';
import { english, type Message } from '../message';

/**
 * The training engine's public types (TensorFlow.js; see index.ts for the functions). Images are
 * float32 N·C·H·W in [0, 1], the layout the design's Input and its ONNX and PyTorch forms read.
 */
export interface ImageSet {
  /** count·channels·height·width values in [0, 1], image by image, channel-major (N·C·H·W). */
  readonly images: Float32Array;
  /** One class index per image, 0 … classNames.length − 1. */
  readonly labels: Uint8Array | Int32Array;
  readonly count: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** The class names, by index (Fashion-MNIST's, or an ImageFolder's subfolder names sorted). */
  readonly classNames: readonly string[];
}

/** What a design trains on: a training split, the split its accuracy is measured on, and a name. */
export interface TrainData {
  readonly train: ImageSet;
  readonly eval: ImageSet;
  /** The dataset's name as the result records it ("fashion-mnist", a folder's name). */
  readonly name: string;
  /** The eval split's name in the result ('test' by default; 'validation' for a held-out part). */
  readonly evalSplit?: string;
}

/** The TensorFlow.js backends the engine runs on. */
export type TrainBackend = 'webgpu' | 'wasm' | 'cpu';

/** After each optimisation step. */
export interface StepInfo {
  /** Steps done so far (1 after the first). */
  readonly step: number;
  readonly totalSteps: number;
  /** Epochs done, fractional (step / steps per epoch). */
  readonly epoch: number;
  /** The batch's loss (with label smoothing) and top-1. */
  readonly loss: number;
  readonly top1: number;
  readonly learningRate: number;
  /** Training images per second so far (evaluation time excluded). */
  readonly imagesPerSecond: number;
  /** Estimated seconds left, from the pace so far. */
  readonly secondsLeft: number;
}

/** After each epoch (and after the last, partial one), with the eval split measured. */
export interface EpochInfo {
  /** Epochs done (fractional for a run cut short by maxSteps or a stop). */
  readonly epoch: number;
  readonly step: number;
  /** Mean training loss and top-1 over the epoch's steps. */
  readonly loss: number;
  readonly trainTop1: number;
  /** The eval split's top-1, top-5 (when there are more than 5 classes) and mean loss (no smoothing). */
  readonly valTop1: number;
  readonly valTop5: number | undefined;
  readonly valLoss: number;
  /** The design with the weights as they are after this epoch (with no result appended). */
  readonly weights: DesignWeights;
}

export interface TrainHooks {
  readonly onStep?: (info: StepInfo) => void;
  readonly onEpoch?: (info: EpochInfo) => void;
  /**
   * Awaited before every step: true stops after the current step (the result covers what ran). To
   * pause, return a promise that settles when the user resumes.
   */
  readonly shouldStop?: () => boolean | Promise<boolean>;
}

export interface TrainOptions {
  /** Which layers learn: every weight (default) or only the last Linear/Conv before the Output. */
  readonly fineTune?: 'all' | 'head';
  /** The eval split is measured on at most this many images (all by default). */
  readonly evalLimit?: number;
  /** Seed of the He initialisation of layers without weights (0, as the exports use). */
  readonly initSeed?: number;
  /** A clock in milliseconds (Date.now by default; tests pass their own). */
  readonly now?: () => number;
}

/** How a run ended. */
export type TrainEnd = 'finished' | 'stopped' | 'nan';

export interface TrainOutcome {
  /** The design with its trained weights and the result appended to `results`. */
  readonly design: Design;
  readonly result: TrainingResult;
  readonly end: TrainEnd;
  /** For 'nan': which step, and that the last good weights were kept. */
  readonly message: Message | undefined;
  readonly backend: TrainBackend;
}

/** Bad input or a failed run, said in one sentence (english(error.said) in the CLI, say() in the UI). */
export class TrainError extends Error {
  constructor(readonly said: Message) {
    super(english(said));
    this.name = 'TrainError';
  }
}

export type { Recipe, TrainingResult };
