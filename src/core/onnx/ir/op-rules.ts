import { AttrType } from '../proto';
import { attrInt, attrInts, type Const, type IrNode } from './graph';

type Shape = readonly number[];

/** An attribute the node sets with a type other than ONNX's for it, said as the problem. */
function wrongType(
  node: IrNode,
  name: string,
  type: (typeof AttrType)[keyof typeof AttrType],
  words: string,
): string | undefined {
  const a = node.attrs.get(name);
  return a === undefined || a.type === type ? undefined : `its attribute ${name} is not ${words}`;
}

/** Concat: the axis is required, an integer. */
function concatProblem(node: IrNode, opset: number): string | undefined {
  const axis = node.attrs.get('axis');
  if (axis === undefined) return opset >= 4 ? 'it sets no axis, which ONNX requires' : undefined;
  // Decoded, a field the file does not hold is the prototype's default (0), not an own property.
  if (axis.type !== AttrType.INT || !Object.hasOwn(axis, 'i') || axis.i === undefined || axis.i === null)
    return 'its axis has no integer value';
  return undefined;
}

/** Split: whole sizes of at least 1, one per output, that add up to the axis's size. */
function splitProblem(
  node: IrNode,
  x: Shape | undefined,
  c: (i: number) => Const | undefined,
): string | undefined {
  const sizes = (node.inputs[1] ? c(1)?.ints : undefined) ?? attrInts(node, 'split');
  if (sizes === undefined) return undefined;
  if (sizes.length !== node.outputs.length)
    return `it splits into ${sizes.length} parts but has ${node.outputs.length} outputs`;
  if (sizes.some((v) => !Number.isSafeInteger(v) || v < 1))
    return `its split sizes [${sizes.join(', ')}] are not all whole numbers of at least 1`;
  if (x === undefined) return undefined;
  const rank = x.length;
  const raw = attrInt(node, 'axis', 0);
  const axis = raw < 0 ? raw + rank : raw;
  const total = sizes.reduce((a, b) => a + b, 0);
  const size = x[axis];
  return size === undefined || total === size
    ? undefined
    : `its split sizes [${sizes.join(', ')}] add up to ${total}, not to the ${size} of axis ${raw}`;
}

/** Gemm: transA and transB are 0 or 1, alpha and beta floats. */
function gemmProblem(node: IrNode): string | undefined {
  for (const flag of ['transA', 'transB']) {
    const a = node.attrs.get(flag);
    if (a === undefined) continue;
    const v = attrInt(node, flag, 0);
    if (a.type !== AttrType.INT || (v !== 0 && v !== 1)) return `its ${flag} is ${v}; ONNX allows 0 or 1`;
  }
  return (
    wrongType(node, 'alpha', AttrType.FLOAT, 'a float') ?? wrongType(node, 'beta', AttrType.FLOAT, 'a float')
  );
}

/** Two shapes broadcast as ONNX's multidirectional rule allows: each axis equal, or one of them 1. */
function broadcasts(a: Shape, b: Shape): boolean {
  const n = Math.max(a.length, b.length);
  for (let i = 1; i <= n; i++) {
    const p = a[a.length - i] ?? 1;
    const q = b[b.length - i] ?? 1;
    if (p !== q && p !== 1 && q !== 1) return false;
  }
  return true;
}

/** Elementwise ops (Add, Mul, …): the inputs broadcast together. */
function broadcastProblem(node: IrNode, shape: (i: number) => Shape | undefined): string | undefined {
  const shapes = node.inputs.map((_, i) => shape(i));
  for (let i = 1; i < shapes.length; i++) {
    const a = shapes[0];
    const b = shapes[i];
    if (a !== undefined && b !== undefined && !broadcasts(a, b))
      return `its inputs ${dimsText(a)} and ${dimsText(b)} do not broadcast together`;
  }
  return undefined;
}

/** MatMul: the last axis of A is the second last of B (or B's only axis). */
function matMulProblem(shape: (i: number) => Shape | undefined): string | undefined {
  const a = shape(0);
  const b = shape(1);
  if (a === undefined || b === undefined || a.length === 0 || b.length === 0) return undefined;
  const k = a[a.length - 1];
  const kb = b.length === 1 ? b[0] : b[b.length - 2];
  return k === kb
    ? undefined
    : `its inputs ${dimsText(a)} and ${dimsText(b)} do not multiply (${k} against ${kb})`;
}

/** Gemm: A and B of rank 2 whose inner sizes agree, and a bias C that broadcasts to M×N. */
function gemmShapeProblem(node: IrNode, shape: (i: number) => Shape | undefined): string | undefined {
  const a = shape(0);
  const b = shape(1);
  if (a === undefined || b === undefined) return undefined;
  if (a.length !== 2 || b.length !== 2)
    return `its inputs ${dimsText(a)} and ${dimsText(b)} are not both matrices`;
  const transA = attrInt(node, 'transA', 0) === 1;
  const transB = attrInt(node, 'transB', 0) === 1;
  const [m, k] = transA ? [a[1], a[0]] : [a[0], a[1]];
  const [kb, n] = transB ? [b[1], b[0]] : [b[0], b[1]];
  if (k !== kb) return `its inputs ${dimsText(a)} and ${dimsText(b)} do not multiply (${k} against ${kb})`;
  const bias = node.inputs[2] ? shape(2) : undefined;
  if (bias === undefined) return undefined;
  const fits =
    bias.length <= 2 &&
    broadcasts([m ?? 1, n ?? 1], bias) &&
    bias.every((d, i) => d === 1 || d === [m, n][i + 2 - bias.length]);
  return fits ? undefined : `its bias ${dimsText(bias)} does not broadcast to its ${m}×${n} output`;
}

/** Transpose: perm is a permutation of the input's axes. */
function transposeProblem(node: IrNode, x: Shape | undefined): string | undefined {
  const perm = attrInts(node, 'perm');
  if (perm === undefined || x === undefined) return undefined;
  const sorted = [...perm].sort((a, b) => a - b);
  return perm.length === x.length && sorted.every((p, i) => p === i)
    ? undefined
    : `its perm [${perm.slice(0, 8).join(', ')}${perm.length > 8 ? ', …' : ''}] is not an order of the ${x.length} axes of its input`;
}

const dimsText = (d: readonly number[]): string => d.join('×');

/**
 * Conv: a weight of the input's rank whose input channels times the groups are the input's
 * channels, a kernel_shape that matches it, a bias of one value per output channel.
 */
function convProblem(
  node: IrNode,
  x: Shape | undefined,
  c: (i: number) => Const | undefined,
  shape: (i: number) => Shape | undefined,
): string | undefined {
  // The weight as a constant, or as a tensor computed in the graph (its shape binds it alike).
  const w = c(1)?.dims ?? shape(1);
  if (w === undefined || x === undefined) return undefined;
  if (w.length !== x.length) return `its weight ${dimsText(w)} is not of its input's rank (${x.length})`;
  const group = attrInt(node, 'group', 1);
  const cin = x[1] ?? 0;
  if ((w[1] ?? 0) * group !== cin)
    return `its weight ${dimsText(w)} with ${group} groups reads ${(w[1] ?? 0) * group} channels, but its input has ${cin}`;
  const kernel = attrInts(node, 'kernel_shape');
  if (kernel !== undefined && dimsText(kernel) !== dimsText(w.slice(2)))
    return `its kernel_shape ${dimsText(kernel)} is not its weight's ${dimsText(w.slice(2))}`;
  const b = node.inputs[2] ? (c(2)?.dims ?? shape(2)) : undefined;
  if (b !== undefined && dimsText(b) !== String(w[0] ?? 0))
    return `its bias ${dimsText(b)} is not one value per output channel (${w[0] ?? 0})`;
  return undefined;
}

/** BatchNormalization: scale, bias, mean and variance of one value per channel. */
function batchNormProblem(
  node: IrNode,
  x: Shape | undefined,
  c: (i: number) => Const | undefined,
): string | undefined {
  const channels = x?.[1];
  if (channels === undefined) return undefined;
  const names = ['scale', 'bias', 'mean', 'variance'];
  for (const [k, name] of names.entries()) {
    const d = c(k + 1)?.dims;
    if (d !== undefined && dimsText(d) !== String(channels))
      return `its ${name} ${dimsText(d)} is not one value per channel (${channels})`;
  }
  return undefined;
}

/**
 * Reshape: a shape of whole numbers, −1 at most once, each 0 (copied from the input) within the
 * input's rank, that keeps the input's number of values (ONNX's rule; onnxruntime refuses the rest).
 */
function reshapeProblem(
  node: IrNode,
  x: Shape | undefined,
  c: (i: number) => Const | undefined,
): string | undefined {
  const target = c(1)?.ints;
  if (target === undefined || x === undefined) return undefined;
  const said = `its shape [${target.slice(0, 8).join(', ')}${target.length > 8 ? ', …' : ''}]`;
  if (target.some((d) => !Number.isSafeInteger(d) || d < -1))
    return `${said} is not all whole numbers of −1 or more`;
  if (target.filter((d) => d === -1).length > 1) return `${said} has −1 more than once`;
  const allowZero = attrInt(node, 'allowzero', 0) === 1;
  if (!allowZero && target.some((d, i) => d === 0 && i >= x.length))
    return `${said} copies with 0 an axis its ${x.length}-axis input lacks`;
  const dims = target.map((d, i) => (d === 0 && !allowZero ? (x[i] ?? 0) : d));
  const values = x.reduce((a, b) => a * b, 1);
  const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const fits = dims.includes(-1) ? known > 0 && values % known === 0 : known === values;
  return fits
    ? undefined
    : `${said} does not hold the ${values.toLocaleString('en-US')} values of its input ${dimsText(x)}`;
}

/** ONNX's integer tensor types (INT32, INT64): Slice's starts, ends, axes and steps, Reshape's shape. */
const INTEGER_TYPES: ReadonlySet<number> = new Set([6, 7]);

/** Inputs that ONNX types as integer tensors: a constant one of another type is refused by name. */
function integerInputsProblem(
  node: IrNode,
  inputs: readonly number[],
  names: readonly string[],
  c: (i: number) => Const | undefined,
): string | undefined {
  for (const [k, i] of inputs.entries()) {
    const value = node.inputs[i] ? c(i) : undefined;
    if (value !== undefined && !INTEGER_TYPES.has(value.dataType))
      return `its ${names[k] ?? 'input'} input is not an integer tensor`;
  }
  return undefined;
}

/**
 * Settings of a standard ONNX op outside what the op's definition allows (a Split into [0, 0], a
 * Concat with no axis, Gemm's transB = 2, a perm that is no permutation), said as the problem;
 * undefined when the node keeps to them or is not one of these ops.
 */
export function opRuleProblem(
  node: IrNode,
  opset: number,
  x: Shape | undefined,
  c: (i: number) => Const | undefined,
  shape: (i: number) => Shape | undefined = (i) => c(i)?.dims,
): string | undefined {
  if (node.domain !== '' && node.domain !== 'ai.onnx') return undefined;
  switch (node.opType) {
    case 'Add':
    case 'Sub':
    case 'Mul':
    case 'Div':
    case 'Pow':
    case 'Max':
    case 'Min':
    case 'Sum':
      return broadcastProblem(node, shape);
    case 'MatMul':
      return matMulProblem(shape);
    case 'Concat':
      return concatProblem(node, opset);
    case 'Split':
      return splitProblem(node, x, c);
    case 'Gemm':
      return gemmProblem(node) ?? gemmShapeProblem(node, shape);
    case 'Transpose':
      return transposeProblem(node, x);
    case 'Conv':
      return convProblem(node, x, c, shape);
    case 'BatchNormalization':
      return batchNormProblem(node, x, c);
    case 'Slice':
      return integerInputsProblem(node, [1, 2, 3, 4], ['starts', 'ends', 'axes', 'steps'], c);
    case 'Reshape':
      return integerInputsProblem(node, [1], ['shape'], c) ?? reshapeProblem(node, x, c);
    default:
      return undefined;
  }
}
