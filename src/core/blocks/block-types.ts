import type { MessageSayer } from '../message';
import type { Citation } from '../citation';
import type { z } from 'zod';
import type { Problem, Result } from '../diagnostics';
import type { FormulaLine } from '../ops/op-types';
import type { Subgraph } from '../design/subgraph';
import type { ExportOptions } from '../onnx/export/options';
import type { Shape } from '../shape';
import type { BlockTorch } from '../torch/torch-types';
import type { RegionFacts } from './region';

/**
 * A one-block design for the conformance suite: the block with `params` on a 1×C×H×W input
 * (`input`, default 16×8×8). The suite analyses it, exports it at opsets 13 and 17, runs it in
 * onnxruntime, imports it back and expects this block with these very params and equal figures.
 */
export interface BlockConformanceCase<P> {
  readonly name: string;
  readonly params: P;
  readonly input?: readonly [number, number, number];
  readonly exportOptions?: Pick<ExportOptions, 'foldBatchNorm'>;
  /** The kind the import gives back when the file cannot carry this one (a stage: its unit). */
  readonly importsAs?: string;
}

/**
 * A compact block: a parameterised template that expands, by a pure function of its params and
 * input shapes, into primitive ops. Its costs are the sums of its primitives.
 */
export interface BlockDef<K extends string, S extends z.ZodType<object>> {
  readonly kind: K;
  readonly title: string;
  /** One line for the palette. */
  readonly description: string;
  /** The paper it comes from, as cited in the palette: "Iandola et al. 2016, SqueezeNet". */
  readonly paper: Citation;
  readonly schema: S;
  inputCount(params: z.infer<S>): number;
  outputCount(params: z.infer<S>): number;
  /** The primitives this block stands for, given the shapes arriving at its inputs. */
  expand(params: z.infer<S>, inputs: readonly Shape[]): Result<Subgraph>;
  /** Key settings in one short line for the node card ("t=6 c=24 s2"). */
  summary(params: z.infer<S>, words?: MessageSayer): string;
  /** Params that are channel counts: a width multiplier scales them (MorphNet's expansion). */
  readonly widthFields: readonly (keyof z.infer<S> & string)[];
  /**
   * Import: the params this block would have if it is the region, read off the region's
   * structure, most likely first (empty: it cannot be). The importer keeps the first whose
   * expansion is exactly the region's computation, so a wrong guess costs time, never a wrong block.
   */
  recognise(region: RegionFacts): readonly z.input<S>[];
  /** Its class in the PyTorch export (src/core/torch); required, so a kind without one does not compile. */
  readonly pytorch: BlockTorch<z.infer<S>>;
  /** At least one; a kind without a case fails the conformance suite by name. */
  readonly conformance: readonly BlockConformanceCase<z.input<S>>[];
  /**
   * The block's own closed forms with the design's numbers (params and multiply-adds as its paper
   * writes them), for the inspector; the figures themselves are the sums of the primitives.
   */
  formulas?(params: z.infer<S>, inputs: readonly Shape[], outputs: readonly Shape[]): readonly FormulaLine[];
  /** Conditions of the method worth a warning even when the block builds (IGCV2's complementary condition). */
  notes?(params: z.infer<S>, inputs: readonly Shape[]): readonly Problem[];
}

/** Any block, its functions taking any valid params (width fields as plain names). */
export type AnyBlockDef = Omit<BlockDef<string, z.ZodType<object, object>>, 'widthFields'> & {
  readonly widthFields: readonly string[];
};
