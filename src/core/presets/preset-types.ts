import type { Citation } from '../citation';
import type { Design } from '../design/design-types';

/** The knobs a paper gives its network; each preset says which it takes. */
export interface PresetOptions {
  /** Width multiplier α (MobileNet) or scale (ShuffleNet); 1 by default. */
  readonly width?: number;
  /** Input resolution ρ·224; 224 by default. */
  readonly resolution?: number;
  /** Group count (ShuffleNetV1). */
  readonly groups?: number;
  /** Classifier outputs; 1000 by default. */
  readonly classes?: number;
}

/**
 * A figure exactly as a paper prints it, for the "paper vs. this build" comparison. Only printed
 * figures belong here: the build's own figures are computed when shown, never typed.
 */
export interface PaperFigures {
  /** Options these figures are for (width, resolution, groups). */
  readonly options: PresetOptions;
  readonly params?: number;
  readonly multiplyAdds?: number;
  /** Where the paper prints it: "Table 8", with what the table counts in words where it matters. */
  readonly source: Citation;
  /** Why this build differs from the printed figure, where it does (in words, not build figures). */
  readonly note?: string;
}

export interface PresetDef {
  /** torchvision-style name, as the CLI takes it: "mobilenet_v2". */
  readonly name: string;
  readonly title: string;
  readonly paper: string;
  readonly description: string;
  /** Which options apply, with the values the paper tabulates (the first is the default). */
  readonly options: {
    readonly width?: readonly number[];
    readonly resolution?: readonly number[];
    readonly groups?: readonly number[];
  };
  build(options?: PresetOptions): Design;
  /** The paper's own figures, rounded as printed; empty for a network no paper tabulates. */
  readonly paperFigures: readonly PaperFigures[];
}
