import type { Analysis } from '../analysis/analysis-types';
import type { Citation } from '../citation';
import type { Message } from '../message';
import type { Design } from '../design/design-types';
import type { SurveyLevel } from '../examples/example-types';

/** The languages a lesson is written in. */
export type LessonLanguage = 'en' | 'zh';

/** What a lesson says, in one language. */
export interface LessonText {
  /** The method's name: "SqueezeNet Fire module". */
  readonly title: string;
  /** The idea in a few sentences. */
  readonly idea: string;
  /** What the method costs in return (memory access, fragmentation, element-wise ops). */
  readonly costs: string;
  /** The task the check below evaluates. */
  readonly task: string;
  /** The knob's name, when the lesson has one: "Squeeze channels". */
  readonly knob: string;
}

/**
 * One side's figures (batch 1, elements): the baseline or the method. Params and multiply-adds are
 * the method's own (effective, where its kernel does less than the exported graph).
 */
export interface SideCost {
  readonly params: number;
  readonly multiplyAdds: number;
  readonly memoryAccess: number;
}

/** The live design, read as a lesson reads it: the two sides of a worked example. */
export interface Live {
  readonly analysis: Analysis;
  readonly baseline: SideCost;
  readonly method: SideCost;
}

/** The key formula: its closed form with the design's numbers, beside what the analysis measured. */
export interface Formula {
  readonly symbolic: string;
  readonly substituted: string;
  /** The closed form's value. */
  readonly value: number;
  /** The same quantity measured on the design's analysis. */
  readonly measured: number;
}

/** The method's own setting, which rebuilds the example. */
export interface Knob {
  readonly values: readonly number[];
  /** How a value reads: "0.5×", "g = 3". */
  format(value: number): string;
  /** The value the live design has, if it is this lesson's design. */
  read(design: Design): number | undefined;
  /** The example rebuilt at this value. */
  build(value: number): Design;
}

/** A figure the paper prints beside the one this tool computes for the same configuration. */
export interface PaperRow {
  readonly quantity: 'params' | 'multiplyAdds';
  /** What the figure is of, in a few words without language ("fire2", "MobileNetV2 1.0, 224"). */
  readonly subject: string;
  readonly paper: number;
  readonly tool: number;
  /**
   * The paper's table (the reference, as cited in every language), and how its convention differs from this
   * tool's, if it does (prose the UI translates).
   */
  readonly source: Citation<Message>;
  /** The preset's printed figure the row shows (its index in `paperFigures`), where it is one. */
  readonly figure?: { readonly preset: string; readonly index: number };
}

export interface LessonDef {
  /** Stable id, kebab-case: "depthwise-separable". */
  readonly id: string;
  /** The survey chapter's reference number for the method's paper. */
  readonly surveyRef: number;
  readonly level: SurveyLevel;
  readonly text: Readonly<Record<LessonLanguage, LessonText>>;
  /** Present once the lesson is wired to its worked example. */
  readonly live?: {
    readonly knob: Knob;
    /**
     * The two sides when the worked example is one network (a training-time figure, a transform,
     * a deploy view, nested levels) rather than Outputs "baseline" and "method"; undefined when
     * the design is not this lesson's.
     */
    sides?(analysis: Analysis): Live | undefined;
    /** The key formula with the live numbers, or undefined when the design is not this lesson's. */
    formula(live: Live): Formula | undefined;
    /** The paper's figures at the live knob value (none where the paper prints none for it). */
    paper(live: Live, knobValue: number): readonly PaperRow[];
    /** Whether the task is done on the live design. */
    check(live: Live): boolean;
  };
}
