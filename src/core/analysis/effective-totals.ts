import type { LayerInfo } from './analysis-types';

/**
 * The effective figures of a set of layers (a node, a block, the design): each layer's effective
 * figure where its method has one, its as-exported figure where it has none. `kernels` names the
 * methods that make the two differ; empty means the effective figures equal the exported ones.
 */
export interface EffectiveTotals {
  readonly params: number;
  readonly multiplyAdds: number;
  readonly indices: number;
  readonly kernels: readonly string[];
}

export function effectiveTotals(layers: Iterable<LayerInfo>): EffectiveTotals {
  let params = 0;
  let multiplyAdds = 0;
  let indices = 0;
  const kernels = new Set<string>();
  for (const l of layers) {
    const e = l.effective;
    if (e === undefined) {
      params += l.cost.params;
      multiplyAdds += l.cost.multiplyAdds;
      continue;
    }
    params += e.params;
    multiplyAdds += e.multiplyAdds;
    indices += e.indices;
    kernels.add(e.kernel);
  }
  return { params, multiplyAdds, indices, kernels: [...kernels] };
}
