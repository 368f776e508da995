import type { MessageSayer } from '../message';
import type { EffectiveCost, FormulaLine, OpCost } from '../op-cost';
import type { Citation } from '../citation';
import type { z } from 'zod';
import type { Problem, Result } from '../diagnostics';
import type { EmitContext } from '../onnx/export/export-context';
import type { MapContext } from '../onnx/import/import-context';
import type { IrNode } from '../onnx/ir/graph';
import type { ExportOptions } from '../onnx/export/options';
import type { Shape } from '../shape';
import type { OpTorch } from '../torch/torch-types';

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

export { zeroCost, type OpCost, type EffectiveCost, type FormulaFigure, type FormulaLine } from '../op-cost';

export interface OpContext<P> {
  readonly params: P;
  readonly inputs: readonly Shape[];
}

export interface CostContext<P> extends OpContext<P> {
  readonly outputs: readonly Shape[];
}

/** Where the palette offers an op. */
export type PaletteGroup = 'io' | 'conv' | 'normact' | 'pooling' | 'channel';

/** Facts about an op that analyses and the editor look up instead of keeping lists of kinds. */
/** `F`: the names of the op's params. */
export interface OpTraits<F extends string> {
  /**
   * A pointwise nonlinearity that can follow a conv (conv + BN + act in blocks and presets): the
   * short name is the suffix of its label there ("conv1_relu6").
   */
  readonly activation?: string;
  /** ShuffleNetV2's guideline G4: an element-wise op whose memory access is a cost of its own. */
  readonly elementwise?: boolean;
  /**
   * What a deploy build does with it right after a conv or linear layer (DeepRebirth): 'fold' its
   * arithmetic into the weights and bias (batch norm), or 'fuse' it into the layer's kernel (an
   * activation), so it reads and writes no memory of its own.
   */
  readonly deploy?: 'fold' | 'fuse';
  /** Params that are channel counts: a width multiplier scales them (MorphNet's expansion). */
  readonly widthFields?: readonly F[];
}

/** Emits a layer's ONNX nodes; returns its output tensor names (its own, or an alias for views). */
export type Emit<P> = (ctx: EmitContext, params: P) => readonly string[];

/**
 * One way ONNX nodes become this op on import. The importer tries, for each ONNX node, the
 * patterns of every op registered for its op type, highest priority first; the first that
 * returns true has added its primitives to the context (and marked any nodes it absorbed).
 */
export interface ImportPattern {
  /** ONNX op type of the node the pattern starts from (default domain). */
  readonly onnx: string;
  /** Patterns that take several nodes (HardSigmoid + Mul) must come before one-node ones: 1. */
  readonly priority?: number;
  /**
   * True when that ONNX op's output always has its first input's shape; the importer's shape
   * inference then knows it without a rule of its own.
   */
  readonly keepsShape?: boolean;
  /**
   * The importer's shape rule for that ONNX op type where onnx/ir/infer.ts has none of its own:
   * the node's output shapes from its input shapes (undefined where they cannot be known). An op
   * whose ONNX form infer.ts does not know brings its rule here; without one its import is Opaque.
   */
  readonly shape?: (
    node: IrNode,
    inputs: readonly (readonly number[] | undefined)[],
  ) => readonly (readonly number[])[] | undefined;
  map(node: IrNode, ctx: MapContext): boolean;
}

/** The op in ONNX: how it is written and how it is read back. */
export interface OnnxForm<P> {
  emit(ctx: EmitContext, params: P): readonly string[];
  readonly patterns: readonly ImportPattern[];
}

/**
 * The op in PyTorch, for the PyTorch export (src/core/torch): the module that computes it, as
 * constructor source (`nn.Conv2d(16, 32, 3, padding=1)`), or a forward expression over its input
 * names (`torch.cat([a, b], dim=1)`), the network's inputs and outputs, or why it has none.
 */
export type TorchForm<P> = OpTorch<P>;

/**
 * A minimal valid design around the op, for the conformance suite: the op with `params`, fed by
 * one graph input per entry of `inputs` (C×H×W, or [F]: a vector through a Flatten), every output
 * a graph output. The suite analyses it, exports it at opsets 13 and 17, runs it in onnxruntime,
 * imports it back and expects the same kind (or `importsAs`) with equal figures.
 */
export interface ConformanceCase<P> {
  readonly name: string;
  readonly params: P;
  /** Default: one 1×16×8×8 feature map. */
  readonly inputs?: readonly (readonly number[])[];
  readonly exportOptions?: Pick<ExportOptions, 'shift' | 'foldBatchNorm'>;
  /**
   * The kind an import gives back when it is not this one, and why: null when the export writes
   * no node at all (an identity at inference).
   */
  readonly importsAs?: { readonly kind: string | null; readonly why: string };
}

/**
 * One primitive op: everything the core knows of it lives in its definition.
 * `S` is the zod schema of its parameters; defaults are the schema's defaults, field labels,
 * units and help are its `.meta({ label, unit, help })`.
 */
export interface OpDef<K extends string, S extends z.ZodType<object>> {
  readonly kind: K;
  readonly family: OpFamily;
  readonly title: string;
  /** One line for the palette. */
  readonly description: string;
  /** The paper a method's op comes from, as cited in the palette: "Bagherinezhad et al. 2017, LCNN". */
  readonly paper?: Citation;
  readonly schema: S;
  /** Number of input ports for these params. */
  inputCount(params: z.infer<S>): number;
  /** Number of output ports for these params. */
  outputCount(params: z.infer<S>): number;
  /** Shape rule: output shapes from input shapes, or the problems that make it impossible. */
  infer(ctx: OpContext<z.infer<S>>): Result<readonly Shape[]>;
  /** Cost rule, as docs/costs.md defines the figures. */
  cost(ctx: CostContext<z.infer<S>>): OpCost;
  /** The formulas behind the cost, for the panel. */
  formulas(ctx: CostContext<z.infer<S>>): readonly FormulaLine[];
  /** Effective figures, where the method's own kernel does less than the exported graph (else undefined). */
  effective?(ctx: CostContext<z.infer<S>>): EffectiveCost | undefined;
  /**
   * Extra elements the op needs while it runs when lowered to a GEMM (a conv's im2col buffer);
   * 0 or absent where it runs in place (Zhang et al. 2018, zero-memory-overhead direct conv).
   */
  workspace?(ctx: CostContext<z.infer<S>>): number;
  /** The key settings in one short line for a node card ("3×3 s2 g32"). */
  summary(params: z.infer<S>, words?: MessageSayer): string;
  /** Facts worth telling even when the op is valid (shown as info diagnostics). */
  notes?(params: z.infer<S>): readonly Problem[];
  /** True when the output aliases the input at inference (no new memory, no data movement). */
  readonly view?: boolean;
  /** The palette group, or null when the op is not offered (kept from imports only). */
  readonly palette: PaletteGroup | null;
  readonly traits: OpTraits<keyof z.infer<S> & string>;
  readonly onnx: OnnxForm<z.infer<S>>;
  /** Required: a kind without a PyTorch form does not compile. */
  readonly pytorch: TorchForm<z.infer<S>>;
  /** At least one; a kind without a case fails the conformance suite by name. */
  readonly conformance: readonly ConformanceCase<z.input<S>>[];
}

/**
 * Any op, its functions taking any valid params: what code that iterates the registry gets. Its
 * width fields are plain names (each op's own definition checks them against its schema).
 */
export type AnyOpDef = Omit<OpDef<string, z.ZodType<object>>, 'traits'> & {
  readonly traits: OpTraits<string>;
};
