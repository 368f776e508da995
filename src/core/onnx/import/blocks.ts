import type { Unit } from './design';
import type { Prim } from './prim';

export function recogniseBlocks(prims: readonly Prim[]): Unit[] {
  return prims.map((prim) => ({ kind: 'prim', prim }));
}
