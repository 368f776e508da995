import { nonZeros } from '../../layers/sparse';
import { META } from '../version';
import type { MapContext } from './context';

/** The density our own export declared for a layer (the metadata), if any and readable. */
function declaredDensity(ctx: MapContext, layer: string): number | undefined {
  const text = ctx.graph.metadata.get(META.density);
  if (text === undefined) return undefined;
  try {
    const v = (JSON.parse(text) as Record<string, unknown>)[layer];
    return typeof v === 'number' && v > 0 && v < 1 ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A weight with exact zeros is a sparse layer (Park et al. 2017). Its density is the one the file
 * declares when that gives exactly the weight's non-zeros (round(d·size) = nnz), else nnz / size.
 * An all-zero weight stays dense (computing nothing is not a sparse kernel's saving). Empty params
 * when the weight is dense.
 */
export function densityParams(w: Float32Array, ctx: MapContext, layer: string): { density?: number } {
  let nnz = 0;
  for (const v of w) if (v !== 0) nnz++;
  if (nnz === 0 || nnz === w.length) return {};
  const declared = declaredDensity(ctx, layer);
  return {
    density: declared !== undefined && nonZeros(w.length, declared) === nnz ? declared : nnz / w.length,
  };
}
