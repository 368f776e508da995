import { create } from 'zustand';
import type { RuntimeError } from '../../runtime/errors';
import type { LatencyStats } from '../../runtime/outputs';
import type { DesignTimes } from '../../runtime/profile';
import type { BackendChoice, BackendKind, OutputTensor, Stage } from '../../runtime/protocol';
import type { RunScope } from '../../state/run-scope';

/**
 * The Run panel's own state: kept outside the component so it survives switching side tabs,
 * and outside the studio store because none of it is part of the document.
 */

export type InputSource =
  | { readonly kind: 'sample'; readonly name: string }
  | { readonly kind: 'file'; readonly name: string; readonly blob: Blob }
  | { readonly kind: 'random'; readonly seed: number };

export interface PreparedInput {
  readonly data: Float32Array;
  readonly shape: readonly number[];
  /** What the network sees, de-normalised (images only). */
  readonly preview: ImageData | undefined;
  readonly label: string;
}

export interface RunResult {
  readonly designKey: string;
  /** The document and design revision that ran: its results show on that document only. */
  readonly scope: RunScope;
  readonly backend: BackendKind;
  readonly threads: number;
  readonly note: string | undefined;
  readonly createMs: number;
  readonly latency: LatencyStats;
  readonly outputs: readonly OutputTensor[];
  readonly input: PreparedInput;
}

export interface FeatureMaps {
  readonly nodeId: string;
  readonly tensor: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface Progress {
  readonly stage: Stage;
  readonly done?: number;
  readonly total?: number;
}

export interface RunPanelState {
  backend: BackendChoice;
  foldBatchNorm: boolean;
  source: InputSource;
  prepared: PreparedInput | undefined;
  inputError: string | undefined;
  running: boolean;
  progress: Progress | undefined;
  result: RunResult | undefined;
  /** Per-node times of the last run, attributed by node id and layer key when it ran. */
  times: DesignTimes | undefined;
  error: RuntimeError | undefined;
  features: FeatureMaps | undefined;
  featuresLoading: string | undefined;
  featuresError: RuntimeError | undefined;
}

export const useRunPanel = create<RunPanelState>()(() => ({
  backend: 'auto',
  foldBatchNorm: false,
  source: { kind: 'sample', name: 'chelsea.jpg' },
  prepared: undefined,
  inputError: undefined,
  running: false,
  progress: undefined,
  result: undefined,
  times: undefined,
  error: undefined,
  features: undefined,
  featuresLoading: undefined,
  featuresError: undefined,
}));

export const runPanel = useRunPanel;
