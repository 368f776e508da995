import { nonZeros } from '../../ops/sparse';
import { META } from '../version';
import type { MapContext } from './import-context';

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
 * A sparse layer (Park et al. 2017) of our own export: the metadata declares its density, and the
 * weight holds exactly round(d·size) non-zeros. Only then: other files' zeros say nothing about a
 * sparse kernel (pruned, quantised or zero-initialised weights), so their layers stay dense.
 * Empty params when the layer is dense.
 */
export function densityParams(w: Float32Array, ctx: MapContext, layer: string): { density?: number } {
  const declared = declaredDensity(ctx, layer);
  if (declared === undefined) return {};
  let nnz = 0;
  for (const v of w) if (v !== 0) nnz++;
  return nonZeros(w.length, declared) === nnz ? { density: declared } : {};
}
