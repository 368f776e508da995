import type { Shape } from '../shape';
import type { HelperName } from './helpers';

/**
 * An op as a PyTorch module in `__init__` (`nn.Conv2d(...)`), called on one tensor in `forward`:
 * such ops chain into nn.Sequential.
 */
export interface OpAsModule<P> {
  readonly form: 'module';
  module(params: P, inputs: readonly Shape[]): string;
  /** Helper definitions the expression needs (ChannelShuffle, Shift, ...). */
  readonly helpers?: readonly HelperName[];
  /** What a reader should know about how it is written (a dense stand-in, say); the header says it. */
  readonly note?: string;
  /** A comment above this one module, when its settings call for one (a sparse layer's density). */
  comment?(params: P, inputs: readonly Shape[]): string | undefined;
  /**
   * 'effective' when the module stores what the method stores (versatile filters: the primary
   * filters only), so PyTorch counts the layer's effective params rather than the ONNX file's.
   */
  readonly parameters?: 'effective';
}

/** An op written in `forward` as an expression of its inputs (`a + b`, `torch.cat(...)`). */
export interface OpAsCall<P> {
  readonly form: 'call';
  /** For ops with several outputs, an expression that gives a tuple of them. */
  call(params: P, args: readonly string[], inputs: readonly Shape[]): string;
}

/** The network's inputs (forward's arguments) and outputs (what forward returns). */
export interface OpAsInterface {
  readonly form: 'input' | 'output';
}

/** An op no PyTorch code can stand for; `why` says so in one sentence about these settings. */
export interface OpWithoutTorch<P> {
  readonly form: 'none';
  why(params: P): string;
}

/** How one primitive op is written in PyTorch. */
export type OpTorch<P> = OpAsModule<P> | OpAsCall<P> | OpAsInterface | OpWithoutTorch<P>;

/** How one block kind is written in PyTorch: a class of its own, its settings as constructor arguments. */
export interface BlockTorch<P> {
  readonly className: string;
  /** The class definition (docstring, `__init__`, `forward`), written as a person would. */
  readonly source: string;
  readonly helpers: readonly HelperName[];
  /** The constructor call for one block with these settings, on inputs of these shapes. */
  construct(params: P, inputs: readonly Shape[]): string;
  /**
   * Where one of the block's primitives lives inside the class: its label in the block's
   * expansion ("depthwise_bn", "se.fc1") → its module path ("depthwise.1", "se.fc1"). The block's
   * input shapes are given for classes whose layout depends on them (MBConv's optional expand layer
   * shifts the indices of torchvision's `block` Sequential).
   */
  modulePath(inner: string, params: P, inputs: readonly Shape[]): string;
  /** What a reader should know about how it is written; the header says it. */
  readonly note?: string;
  /** Other block kinds whose classes its code builds on (a stage: its unit's). */
  uses?(params: P): readonly string[];
}
