import type { z } from 'zod';
import type { Result } from '../diagnostics';
import type { Subgraph } from '../graph/subgraph';
import type { Shape } from '../shape';

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
  readonly paper: string;
  readonly schema: S;
  inputCount(params: z.infer<S>): number;
  outputCount(params: z.infer<S>): number;
  /** The primitives this block stands for, given the shapes arriving at its inputs. */
  expand(params: z.infer<S>, inputs: readonly Shape[]): Result<Subgraph>;
  /** Key settings in one short line for the node card ("t=6 c=24 s2"). */
  summary(params: z.infer<S>): string;
}

export type AnyBlockDef = BlockDef<string, z.ZodType<object>>;
