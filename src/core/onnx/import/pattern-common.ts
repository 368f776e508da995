import { attrFloat, attrInts, attrString, type IrNode } from '../ir/graph';
import type { MapContext } from './import-context';

/** The node's first input. */
export const x0 = (n: IrNode): string => n.inputs[0] ?? '';

export const is4d = (ctx: MapContext, t: string): boolean => ctx.shape(t)?.length === 4;

export const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-4;

export const sameDims = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((d, i) => d === b[i]);

export const pairOf = (v: readonly number[] | undefined, d: number): [number, number] => [
  v?.[0] ?? d,
  v?.[1] ?? d,
];

/** Symmetric 2-D pads as [h, w], or undefined when the node pads unevenly or automatically. */
export function symmetricPads(
  n: IrNode,
  kernel: readonly number[],
  dilation: readonly number[],
  stride: readonly number[],
): [number, number] | undefined {
  const auto = attrString(n, 'auto_pad') ?? 'NOTSET';
  if (auto === 'VALID') return [0, 0];
  if (auto.startsWith('SAME')) {
    if (stride.some((s) => s !== 1)) return undefined;
    const total = kernel.map((k, i) => (k - 1) * (dilation[i] ?? 1));
    if (total.some((t) => t % 2 !== 0)) return undefined;
    return [(total[0] ?? 0) / 2, (total[1] ?? 0) / 2];
  }
  const p = attrInts(n, 'pads') ?? [0, 0, 0, 0];
  if (p.length !== 4 || p[0] !== p[2] || p[1] !== p[3]) return undefined;
  return [p[0] ?? 0, p[1] ?? 0];
}

/** The node as one primitive of `kind` reading its first input: activations and the like. */
export function unary(
  kind: string,
  params: Record<string, unknown> = {},
): (n: IrNode, ctx: MapContext) => boolean {
  return (n, ctx) => {
    ctx.add(n, { kind, params, inputs: [x0(n)], outputs: n.outputs.slice(0, 1), weights: {} });
    return true;
  };
}

/** Clip's bounds, from its inputs (opset 11+) or attributes; open ends are ±Infinity. */
export function clipBounds(n: IrNode, ctx: MapContext): readonly [number, number] {
  const lo = ctx.floats(n.inputs[1])?.[0] ?? (n.attrs.has('min') ? attrFloat(n, 'min', 0) : -Infinity);
  const hi = ctx.floats(n.inputs[2])?.[0] ?? (n.attrs.has('max') ? attrFloat(n, 'max', 0) : Infinity);
  return [lo, hi];
}
