import { anyOpDef } from '../kinds';
import type { OpCost } from '../ops/op-types';
import { addCost, sumCosts } from './cost-sum';
import type { Analysis, LayerInfo } from './analysis-types';

/**
 * DeepRebirth's deploy view (Li et al. 2017): batch norm folds into the weights and bias of the
 * conv or linear layer before it, and an activation right after a conv runs inside it, so neither
 * reads nor writes memory of its own. Returns the layers that remain with their deploy costs.
 */
export interface DeployLayer {
  readonly layer: LayerInfo;
  /** Layers folded into this one (batch norm, activation). */
  readonly folded: readonly LayerInfo[];
  readonly cost: OpCost;
}

export interface DeployView {
  readonly layers: readonly DeployLayer[];
  readonly before: OpCost;
  readonly after: OpCost;
  readonly foldedCount: number;
}

export function deployView(analysis: Analysis): DeployView {
  const readers = new Map<number, number>();
  for (const l of analysis.layers) for (const t of l.inputTensors) readers.set(t, (readers.get(t) ?? 0) + 1);
  const producer = new Map<number, number>();
  const kept: { layer: LayerInfo; folded: LayerInfo[]; cost: OpCost }[] = [];
  const keptAt = new Map<number, number>();
  let foldedCount = 0;
  for (const l of analysis.layers) {
    const src = l.inputTensors.length === 1 ? producer.get(l.inputTensors[0] ?? -1) : undefined;
    const host = src === undefined ? undefined : kept[keptAt.get(src) ?? -1];
    const onlyReader = readers.get(l.inputTensors[0] ?? -1) === 1;
    const hostIsWeighted = host !== undefined && (host.layer.op === 'Conv2d' || host.layer.op === 'Linear');
    const lastFolded = host?.folded[host.folded.length - 1];
    // The op's traits say what a deploy build does with it after a conv or linear layer.
    const deploy = anyOpDef(l.op).traits.deploy;
    const canFoldBn = deploy === 'fold' && hostIsWeighted && host.folded.length === 0;
    const canFuseAct =
      deploy === 'fuse' &&
      hostIsWeighted &&
      (host.folded.length === 0 ||
        (lastFolded !== undefined && anyOpDef(lastFolded.op).traits.deploy === 'fold'));
    if (host !== undefined && onlyReader && (canFoldBn || canFuseAct)) {
      const out = l.outputShapes[0] ?? [];
      const c = out[1] ?? 0;
      // The host now writes this layer's output; folding BN adds a bias if the host had none.
      const hadBias =
        host.cost.memoryAccess - host.cost.memoryAccessConvFc > 0 ||
        host.folded.some((f) => anyOpDef(f.op).traits.deploy === 'fold');
      const bias = canFoldBn && !hadBias ? c : 0;
      host.cost = {
        ...host.cost,
        params: host.cost.params + bias,
        memoryAccess: host.cost.memoryAccess + bias,
      };
      host.folded.push(l);
      foldedCount++;
      for (const t of l.outputTensors) producer.set(t, host.layer.index);
      continue;
    }
    keptAt.set(l.index, kept.length);
    kept.push({ layer: l, folded: [], cost: l.cost });
    for (const t of l.outputTensors) producer.set(t, l.index);
  }
  const before = analysis.totals;
  const after = sumCosts(kept.map((k) => k.cost));
  return {
    layers: kept,
    before,
    after: addCost(after, {
      params: 0,
      buffers: -after.buffers,
      multiplyAdds: 0,
      memoryAccess: 0,
      memoryAccessConvFc: 0,
    }),
    foldedCount,
  };
}
