import type { DesignWeights } from './design-types';

/**
 * The distinct buffers under a design's weights: the transfer list that hands them to another
 * thread without a copy (views that share a buffer list it once, as postMessage requires).
 */
export function weightBuffers(weights: DesignWeights | undefined): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const roles of Object.values(weights?.layers ?? {}))
    for (const values of Object.values(roles))
      if (values.buffer instanceof ArrayBuffer) out.add(values.buffer);
  return [...out];
}
