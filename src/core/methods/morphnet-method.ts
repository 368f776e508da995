import { analyze } from '../analysis/analyze';
import { isMessage, msg, refusal, problemMessage, type Refusal, type ProblemMessage } from '../message';
import { fitWidth, type Budgets, type FitResult } from '../analysis/budget';
import { widthFields } from '../analysis/scale';
import type { Analysis } from '../analysis/analysis-types';
import type { Design, DesignNode } from '../design/design-types';
import { pruneChannels } from './prune-channels';

/**
 * MorphNet (Gordon et al. 2018, survey ref. 144): shrink, then expand. Its regulariser weighs each
 * layer's channels by what one more of them costs (the resource weights); the shrinking phase
 * drops the channels whose batch-norm γ the regulariser drove to zero; the expanding phase is the
 * uniform width multiplier (fitWidth) that fills the budget again.
 */

export interface MarginalCost {
  readonly nodeId: string;
  readonly label: string;
  /** The width param that counts the layer's output channels ("outChannels", "expandedChannels"). */
  readonly field: string;
  readonly width: number;
  /** What one more output channel costs, all knock-on effects included; undefined when it cannot grow alone. */
  readonly multiplyAdds?: number;
  readonly params?: number;
  readonly memoryAccess?: number;
  /** Why the layer cannot take one more channel on its own (a residual add ties it to another). */
  readonly tied?: ProblemMessage;
}

/** Linear layers that produce a network output: their width is the class count, not a width. */
function classifiers(design: Design): Set<string> {
  const heads = new Set(
    design.nodes.filter((n) => n.kind === 'Output' || n.kind === 'Softmax').map((n) => n.id),
  );
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return new Set(
    design.edges
      .filter((e) => heads.has(e.to.node) && byId.get(e.from.node)?.kind === 'Linear')
      .map((e) => e.from.node),
  );
}

/** The design with one width param of one node set; depthwise convs downstream follow their input. */
export function withWidth(design: Design, nodeId: string, field: string, value: number): Design {
  let d: Design = {
    ...design,
    nodes: design.nodes.map((n) =>
      n.id === nodeId
        ? ({ ...n, params: { ...(n.params as Record<string, unknown>), [field]: value } } as DesignNode)
        : n,
    ),
  };
  // A depthwise conv has as many channels as its input: let it follow, as far as the change reaches.
  for (let pass = 0; pass < 64; pass++) {
    const a = analyze(d);
    const stale = d.nodes.find((n) => {
      if (n.kind !== 'Conv2d' || n.params.groups <= 1 || n.params.groups !== n.params.outChannels)
        return false;
      const cin = a.nodes.get(n.id)?.inputShapes[0]?.[1];
      return cin !== undefined && cin !== n.params.groups;
    });
    if (stale === undefined) return d;
    const cin = a.nodes.get(stale.id)?.inputShapes[0]?.[1] ?? 0;
    d = {
      ...d,
      nodes: d.nodes.map((n) =>
        n.id === stale.id
          ? ({
              ...n,
              params: { ...(n.params as Record<string, unknown>), outChannels: cin, groups: cin },
            } as DesignNode)
          : n,
      ),
    };
  }
  return d;
}

const firstError = (a: Analysis): ProblemMessage | undefined =>
  a.diagnostics.find((d) => d.severity === 'error');

/** The resource weights: for every width of every layer, the cost of one more output channel. */
export function marginalCosts(design: Design): MarginalCost[] {
  const base = analyze(design);
  const keep = classifiers(design);
  const rows: MarginalCost[] = [];
  for (const node of design.nodes) {
    if (keep.has(node.id)) continue;
    if (node.kind === 'Conv2d' && node.params.groups > 1 && node.params.groups === node.params.outChannels)
      continue;
    for (const field of widthFields(node.kind)) {
      const width = (node.params as Record<string, unknown>)[field];
      if (typeof width !== 'number') continue;
      const row = { nodeId: node.id, label: node.label, field, width };
      const a = analyze(withWidth(design, node.id, field, width + 1));
      const err = firstError(a);
      if (err !== undefined) {
        rows.push({ ...row, tied: err });
        continue;
      }
      rows.push({
        ...row,
        multiplyAdds: a.totals.multiplyAdds - base.totals.multiplyAdds,
        params: a.totals.params - base.totals.params,
        memoryAccess: a.totals.memoryAccess - base.totals.memoryAccess,
      });
    }
  }
  return rows;
}

export interface ShrinkItem {
  readonly nodeId: string;
  readonly label: string;
  readonly field: string;
  /** The batch norm whose γ decides. */
  readonly batchNorm: string;
  readonly width: number;
  /** Channel indices with |γ| below the threshold. */
  readonly channels: readonly number[];
  /** Why these channels stay (a residual ties the width, or nothing would be left). */
  readonly kept?: ProblemMessage;
}

export interface ShrinkProposal {
  readonly items: readonly ShrinkItem[];
  readonly design: Design;
  readonly before: Analysis['totals'];
  readonly after: Analysis['totals'];
}

/**
 * MorphNet's shrinking step on a design with trained weights: every batch norm's channels with
 * |γ| < threshold go, with the conv before it and the inputs of the layer after it. Widths tied by a
 * residual add (or that would drop to zero) are kept, and the proposal says why.
 */
export function shrinkProposal(design: Design, threshold: number): ShrinkProposal | Refusal {
  if (design.weights === undefined) return refusal(msg('morphNoWeights'));
  const a = analyze(design);
  const items: ShrinkItem[] = [];
  let d = design;
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  for (const l of a.layers) {
    if (l.op !== 'BatchNorm') continue;
    const gamma = design.weights.layers[l.key]?.['weight'];
    if (gamma === undefined) continue;
    const channels = [...gamma.keys()].filter((i) => Math.abs(gamma[i] ?? 0) < threshold);
    if (channels.length === 0) continue;
    // The width param that counts this batch norm's channels: on its own node (a block) or on the
    // node of the conv before it; the one whose change moves the batch norm's width.
    const producer = a.layers.find((x) => x.outputTensors.includes(l.inputTensors[0] ?? -1));
    let found: { node: DesignNode; field: string } | undefined;
    for (const id of new Set([l.nodeId, producer?.nodeId ?? l.nodeId])) {
      const node = byId.get(id);
      if (node === undefined || found !== undefined) continue;
      const field = widthFields(node.kind).find((f) => {
        const v = (node.params as Record<string, unknown>)[f];
        if (typeof v !== 'number' || v < 2) return false;
        const b = analyze(withWidth(design, node.id, f, v - 1));
        return (
          b.layers.find((x) => x.name === l.name)?.outputShapes[0]?.[1] === (l.outputShapes[0]?.[1] ?? 0) - 1
        );
      });
      if (field !== undefined) found = { node, field };
    }
    if (found === undefined) continue;
    const { node, field } = found;
    const width = (node.params as Record<string, number>)[field] ?? 0;
    const item = { nodeId: node.id, label: node.label, field, batchNorm: l.name, width, channels };
    if (channels.length >= width) {
      items.push({ ...item, kept: problemMessage(msg('morphKeepOne')) });
      continue;
    }
    const pruned = pruneChannels(withWidth(d, node.id, field, width - channels.length), a, l.name, channels);
    if (isMessage(pruned)) {
      items.push({ ...item, kept: problemMessage(pruned) });
      continue;
    }
    const err = firstError(analyze(pruned));
    if (err !== undefined) {
      items.push({ ...item, kept: err });
      continue;
    }
    d = pruned;
    items.push(item);
  }
  return { items, design: d, before: a.totals, after: analyze(d).totals };
}

/** MorphNet's loop in one place: shrink by γ, then the uniform width multiplier that fits the budget. */
export function shrinkThenExpand(
  design: Design,
  threshold: number,
  budgets: Budgets,
): { shrink: ShrinkProposal; fit: FitResult | undefined } | string {
  const shrink = shrinkProposal(design, threshold);
  if ('error' in shrink) return shrink.error;
  return { shrink, fit: fitWidth(shrink.design, budgets) };
}
