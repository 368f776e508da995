import type { z } from 'zod';
import type { Problem, Result } from '../diagnostics';
import type { Shape } from '../shape';

/** Colour and grouping on screen follow the family. */
export type OpFamily =
  | 'io'
  | 'convolution'
  | 'normalisation'
  | 'activation'
  | 'pooling'
  | 'linear'
  | 'channel'
  | 'elementwise'
  | 'shape';

/** Every figure of DESIGN.md section 3 for one primitive op, in elements, batch 1. */
export interface OpCost {
  /** Trainable parameters (PyTorch's model.parameters()). */
  readonly params: number;
  /** Non-trainable state such as batch-norm running mean and variance. */
  readonly buffers: number;
  /** Conv and linear multiply-adds; 0 for every other op. */
  readonly multiplyAdds: number;
  /** Reads + writes (+ weights) of this op, all-ops convention. */
  readonly memoryAccess: number;
  /** ShuffleNetV2's MAC for conv and linear (input + output + weights, no bias); 0 otherwise. */
  readonly memoryAccessConvFc: number;
}

export const zeroCost: OpCost = {
  params: 0,
  buffers: 0,
  multiplyAdds: 0,
  memoryAccess: 0,
  memoryAccessConvFc: 0,
};

/** One line of a formula: the symbolic rule and the same rule with the numbers filled in. */
export interface FormulaLine {
  readonly figure: keyof OpCost;
  readonly symbolic: string;
  readonly substituted: string;
}

export interface OpContext<P> {
  readonly params: P;
  readonly inputs: readonly Shape[];
}

export interface CostContext<P> extends OpContext<P> {
  readonly outputs: readonly Shape[];
}

/**
 * One primitive op: everything the core knows of it lives in its definition.
 * `S` is the zod schema of its parameters; defaults are the schema's defaults.
 */
export interface OpDef<K extends string, S extends z.ZodType<object>> {
  readonly kind: K;
  readonly family: OpFamily;
  readonly title: string;
  /** One line for the palette. */
  readonly description: string;
  readonly schema: S;
  /** Number of input ports for these params. */
  inputCount(params: z.infer<S>): number;
  /** Number of output ports for these params. */
  outputCount(params: z.infer<S>): number;
  /** Shape rule: output shapes from input shapes, or the problems that make it impossible. */
  infer(ctx: OpContext<z.infer<S>>): Result<readonly Shape[]>;
  /** Cost rule, per DESIGN.md section 3. */
  cost(ctx: CostContext<z.infer<S>>): OpCost;
  /** The formulas behind the cost, for the panel. */
  formulas(ctx: CostContext<z.infer<S>>): readonly FormulaLine[];
  /** The key settings in one short line for a node card ("3×3 s2 g32"). */
  summary(params: z.infer<S>): string;
  /** Facts worth telling even when the op is valid (shown as info diagnostics). */
  notes?(params: z.infer<S>): readonly Problem[];
  /** True when the output aliases the input at inference (no new memory, no data movement). */
  readonly view?: boolean;
}

export type AnyOpDef = OpDef<string, z.ZodType<object>>;
