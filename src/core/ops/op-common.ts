import { msg } from '../message';
import { z } from 'zod';
import { limits } from '../limits';
import { fail, ok, type Result } from '../diagnostics';
import { elements, formatShape, windowOutput, type Shape } from '../shape';
import type { FormulaLine, OpCost } from '../op-cost';

export const positiveInt = z.number().int().min(1);

/**
 * The smallest plausible expansion ratio: one channel in the largest channel count. Below it no
 * channel is left (an expansion of 5e-324 is a number, but no width).
 */
export const minExpansion = 1 / limits.maxChannels;

/**
 * The smallest plausible batch-norm epsilon, far below any framework's (1e-5, 1e-3) and far above
 * what float32 rounds to 0 (an epsilon of 1e-50 is 0 once exported, and divides by zero).
 */
export const minEpsilon = 1e-12;
export const nonNegativeInt = z.number().int().min(0);
/** [height, width] */
export const pair = (min: number) =>
  z.tuple([z.number().int().min(min), z.number().int().min(min)]).readonly();

export const fmt = (n: number): string => n.toLocaleString('en-US');

/** The op takes one feature map [N, C, H, W]. */
export function featureMap(inputs: readonly Shape[], index = 0): Result<Shape> {
  const s = inputs[index];
  if (s === undefined)
    return fail('unconnectedInput', msg('inputNotConnected', { n: index + 1 }), `input ${index + 1}`);
  if (s.length !== 4)
    return fail('wrongRank', msg('expectsFeatureMap', { shape: formatShape(s) }), `input ${index + 1}`);
  return ok(s);
}

/** A feature map N×C×H×W or a vector N×C (a classifier's features): ops along channels take both. */
export function channelTensor(inputs: readonly Shape[], index = 0): Result<Shape> {
  const s = inputs[index];
  if (s === undefined)
    return fail('unconnectedInput', msg('inputNotConnected', { n: index + 1 }), `input ${index + 1}`);
  if (s.length !== 4 && s.length !== 2)
    return fail('wrongRank', msg('expectsChannels', { shape: formatShape(s) }), `input ${index + 1}`);
  return ok(s);
}

export function anyTensor(inputs: readonly Shape[], index = 0): Result<Shape> {
  const s = inputs[index];
  if (s === undefined)
    return fail('unconnectedInput', msg('inputNotConnected', { n: index + 1 }), `input ${index + 1}`);
  return ok(s);
}

/** Ops that read every input once and write every output once, with no weights. */
export function movementCost(inputs: readonly Shape[], outputs: readonly Shape[], extraWeights = 0): OpCost {
  const reads = inputs.reduce((a, s) => a + elements(s), 0);
  const writes = outputs.reduce((a, s) => a + elements(s), 0);
  return {
    params: 0,
    buffers: 0,
    multiplyAdds: 0,
    memoryAccess: reads + writes + extraWeights,
    memoryAccessConvFc: 0,
  };
}

export function movementFormula(inputs: readonly Shape[], outputs: readonly Shape[]): FormulaLine {
  const parts = [...inputs, ...outputs].map((s) => fmt(elements(s)));
  return {
    figure: 'memoryAccess',
    symbolic: 'inputs + outputs',
    substituted: `${parts.join(' + ')} = ${fmt(movementCost(inputs, outputs).memoryAccess)}`,
  };
}

/** A single-input op whose output has the input's shape (activations, batch norm, dropout). */
export function sameShape(inputs: readonly Shape[]): Result<readonly Shape[]> {
  const s = anyTensor(inputs);
  return s.ok ? ok([s.value]) : s;
}

export const one = (): number => 1;
export const none = (): number => 0;

/** The window of a 2-D conv: kernel, stride, symmetric padding and dilation as (height, width) pairs. */
export interface ConvWindow {
  readonly outChannels: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly dilation: readonly [number, number];
}

/** The N×Cout×H′×W′ a 2-D conv writes from N×C×H×W, or the reason its kernel does not fit. */
export function convOutputShape(input: Shape, p: ConvWindow): Result<readonly Shape[]> {
  const [n = 1, , h = 0, w = 0] = input;
  const oh = windowOutput(h, p.kernel[0], p.stride[0], p.padding[0], p.padding[0], p.dilation[0]);
  const ow = windowOutput(w, p.kernel[1], p.stride[1], p.padding[1], p.padding[1], p.dilation[1]);
  if (oh < 1 || ow < 1)
    return fail(
      'spatialCollapse',
      msg('kernelTooBig', {
        kernel: `${p.kernel[0]}×${p.kernel[1]}`,
        input: `${h}×${w}`,
        padding: `${p.padding[0]}×${p.padding[1]}`,
      }),
      'kernel',
    );
  return ok([[n, p.outChannels, oh, ow]]);
}
