import type { Design } from '../design/design-types';

/** Where the survey chapter places a method. */
export type SurveyLevel = 'kernel' | 'layer' | 'network';

/**
 * A worked example: a small design that shows one method of the survey against the baseline it
 * improves on (e.g. a dense 3×3 conv beside its IGCV2 block). `example:NAME` opens it wherever
 * `preset:NAME` works.
 */
export interface ExampleDef {
  /** The CLI name, snake_case: "igcv2_vs_dense". */
  readonly name: string;
  /** The method as the survey names it: "IGCV2, interleaved structured sparse convolution". */
  readonly method: string;
  /** The survey's reference number for the method's paper, e.g. 130. */
  readonly surveyRef: number;
  readonly level: SurveyLevel;
  /** One line: what the example shows. */
  readonly shows: string;
  /** Builds the design (a fresh object each call). */
  build(): Design;
}
