import { create } from 'zustand';
import type { Recipe } from '../../core/document/results';
import type { FolderFile, TrainScope } from '../../runtime/train/protocol';
import { DEFAULT_SHIFT_LAMBDA } from '../../core/train/shift-rounding';
import type { SplitLevel } from '../../core/methods/splitnet-method';
import { SPLITNET_TERMS, type SplitTerms } from '../../core/methods/splitnet-terms';
import { recipeDefaults, type DatasetChoice } from './recipe-defaults';

/**
 * The Train tab's own choices (dataset, files, recipe, scope, the results view's axis): kept outside
 * the component so they survive switching tabs, and outside the document because none of it is the design.
 */

export type { DatasetChoice } from './recipe-defaults';

export interface IdxFiles {
  readonly trainImages?: File;
  readonly trainLabels?: File;
  readonly testImages?: File;
  readonly testLabels?: File;
}

export type ImageSource =
  | { readonly kind: 'folder'; readonly name: string; readonly files: readonly FolderFile[] }
  | { readonly kind: 'zip'; readonly name: string; readonly file: File };

export type CostAxis = 'params' | 'multiplyAdds' | 'memoryAccess';

export interface TrainPanelState {
  dataset: DatasetChoice;
  idx: IdxFiles;
  images: ImageSource | undefined;
  recipe: Recipe;
  /** Whether the user changed the recipe (then a new dataset keeps it). */
  recipeEdited: boolean;
  scope: TrainScope;
  axis: CostAxis;
  /** The dataset the results view shows (undefined: the newest result's). */
  resultsDataset: string | undefined;
  /** A problem found before the worker starts (no files chosen, errors in the design). */
  refusal: string | undefined;
  /** Learn the design's SparseShift masks while training (Chen et al. 2019), under penalty λ. */
  learnShifts: boolean;
  shiftLambda: number;
  /** Learn a SplitNet split while training (Kim et al. 2017), split, then fine-tune. */
  splitNet: SplitNetChoice;
}

/** The SplitNet section's choices. */
export interface SplitNetChoice {
  readonly on: boolean;
  /** The tree's levels; undefined (or naming nodes the design no longer has): the section's default. */
  readonly levels: readonly SplitLevel[] | undefined;
  readonly terms: SplitTerms;
  readonly groupingSteps: number;
  readonly fineTuneSteps: number;
}

/** A short grouping run and a shorter fine-tuning, enough to see the split learned on the subset. */
export const DEFAULT_SPLITNET: SplitNetChoice = {
  on: false,
  levels: undefined,
  terms: SPLITNET_TERMS,
  groupingSteps: 200,
  fineTuneSteps: 100,
};

/** Changes some of the SplitNet section's choices. */
export function setSplitNet(patch: Partial<SplitNetChoice>): void {
  useTrainPanel.setState((s) => ({ splitNet: { ...s.splitNet, ...patch } }));
}

export const useTrainPanel = create<TrainPanelState>()(() => ({
  dataset: 'fashion-mnist',
  idx: {},
  images: undefined,
  recipe: recipeDefaults('fashion-mnist'),
  recipeEdited: false,
  scope: 'all',
  axis: 'multiplyAdds',
  resultsDataset: undefined,
  refusal: undefined,
  learnShifts: false,
  shiftLambda: DEFAULT_SHIFT_LAMBDA,
  splitNet: DEFAULT_SPLITNET,
}));

/** Switches the dataset; an untouched recipe follows it to that dataset's defaults. */
export function chooseDataset(dataset: DatasetChoice): void {
  const s = useTrainPanel.getState();
  useTrainPanel.setState({
    dataset,
    refusal: undefined,
    ...(s.recipeEdited ? {} : { recipe: recipeDefaults(dataset) }),
  });
}
