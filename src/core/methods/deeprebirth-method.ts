import { analyze } from '../analysis/analyze';
import type { Analysis } from '../analysis/analysis-types';
import type { OpCost } from '../ops/op-types';
import { anyOpDef } from '../kinds';
import { isOpKindName } from '../kind-table';
import { msg, refusal, type Refusal } from '../message';
import type { Design, DesignNode, DesignWeights, Edge } from '../design/design-types';

/**
 * DeepRebirth (Li et al., AAAI 2018, survey ref. 139): "slimming" merges non-tensor layers into
 * the tensor (weight) layers beside them, and the merged layers are then fine-tuned.
 *
 * - Streamline slimming (vertical): a pooling layer after a conv (through its batch norm and
 *   activation) is merged into the conv, whose stride becomes the product of the two strides; the
 *   pooling layer goes, and everything after the conv runs at the pooled size. The merged conv is a
 *   new function (it is retrained in the paper): only its stride changes here.
 * - Branch slimming (horizontal): parallel conv branches that read one tensor with one geometry and
 *   are concatenated become one conv with the sum of their widths; the Concat goes. This merge is
 *   exact: the merged conv's filters are the branches' filters in concatenation order (imported
 *   weights are concatenated so).
 *
 * Batch norm folding and activation fusing, the third merge, is the deploy view (analysis/deploy.ts).
 * Each merge returns the design's totals before and after.
 */

export type MergeResult =
  | {
      readonly ok: true;
      readonly design: Design;
      readonly before: OpCost;
      readonly after: OpCost;
      /** Labels of the layers removed by the merge. */
      readonly removed: readonly string[];
    }
  | ({ readonly ok: false } & Refusal);

export type ConvParams = {
  readonly outChannels: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly dilation?: readonly [number, number];
  readonly groups?: number;
  readonly bias?: boolean;
};

export const inputsOf = (design: Design, id: string): readonly Edge[] =>
  design.edges.filter((e) => e.to.node === id).sort((a, b) => a.to.port - b.to.port);
export const readersOf = (design: Design, id: string): readonly Edge[] =>
  design.edges.filter((e) => e.from.node === id);

/** The design without `removed`, each edge out of a removed node's output re-sourced as `rewire` says. */
export function without(
  design: Design,
  removed: ReadonlySet<string>,
  rewire: ReadonlyMap<string, Edge['from']>,
): Design {
  const edges: Edge[] = [];
  for (const e of design.edges) {
    if (removed.has(e.to.node)) continue;
    const from = removed.has(e.from.node) ? rewire.get(e.from.node) : e.from;
    if (from !== undefined) edges.push({ ...e, from });
  }
  return { ...design, nodes: design.nodes.filter((n) => !removed.has(n.id)), edges };
}

export function totalsIfValid(a: Analysis): OpCost | undefined {
  return a.diagnostics.some((d) => d.severity === 'error') ? undefined : a.totals;
}

/** The first output shape of a node, as text to compare ('null' when unknown). */
const shapeOf = (a: Analysis, node: string): string =>
  JSON.stringify(a.layers.find((l) => l.key === node)?.outputShapes[0] ?? null);

/** Streamline slimming: the pooling node `poolId` merged into the conv before it (stride × pool stride). */
export function streamlineMerge(design: Design, poolId: string): MergeResult {
  const pool = design.nodes.find((n) => n.id === poolId);
  if (pool === undefined || (pool.kind !== 'MaxPool' && pool.kind !== 'AvgPool'))
    return { ok: false, ...refusal(msg('rebirthNoPool', { node: poolId })) };
  const analysis = analyze(design);
  const before = totalsIfValid(analysis);
  if (before === undefined) return { ok: false, ...refusal(msg('rebirthFixFirst')) };
  // Back through batch norm and activations (each read by the next only) to the conv.
  let at: DesignNode | undefined = pool;
  let feed: Edge | undefined = inputsOf(design, pool.id)[0];
  for (;;) {
    const prev: DesignNode | undefined = design.nodes.find((n) => n.id === feed?.from.node);
    if (prev === undefined || readersOf(design, prev.id).length !== 1) break;
    at = prev;
    if (prev.kind === 'Conv2d' || !isOpKindName(prev.kind) || anyOpDef(prev.kind).traits.deploy === undefined)
      break;
    feed = inputsOf(design, prev.id)[0];
  }
  if (at.kind !== 'Conv2d' || feed === undefined)
    return { ok: false, ...refusal(msg('rebirthNotAfterConv', { label: pool.label })) };
  const conv = at;
  const p = conv.params as unknown as ConvParams;
  const q = pool.params as unknown as { readonly stride: readonly [number, number] };
  const stride: [number, number] = [p.stride[0] * q.stride[0], p.stride[1] * q.stride[1]];
  const poolInput = inputsOf(design, pool.id)[0]?.from;
  if (poolInput === undefined)
    return { ok: false, ...refusal(msg('rebirthNotAfterConv', { label: pool.label })) };
  const merged = without(
    {
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === conv.id ? ({ ...n, params: { ...p, stride } } as unknown as DesignNode) : n,
      ),
    },
    new Set([pool.id]),
    new Map([[pool.id, poolInput]]),
  );
  const mergedAnalysis = analyze(merged);
  const after = totalsIfValid(mergedAnalysis);
  if (after === undefined || shapeOf(mergedAnalysis, poolInput.node) !== shapeOf(analysis, pool.id))
    return {
      ok: false,
      ...refusal(msg('rebirthShape', { label: pool.label, conv: conv.label, stride: stride.join('×') })),
    };
  return { ok: true, design: merged, before, after, removed: [pool.label] };
}

/** Branch slimming: the conv branches concatenated by `concatId` merged into one wider conv. */
export function branchMerge(design: Design, concatId: string): MergeResult {
  const concat = design.nodes.find((n) => n.id === concatId);
  if (concat?.kind !== 'Concat') return { ok: false, ...refusal(msg('rebirthNoConcat', { node: concatId })) };
  const before = totalsIfValid(analyze(design));
  if (before === undefined) return { ok: false, ...refusal(msg('rebirthFixFirst')) };
  const branches = inputsOf(design, concat.id).map((e) => design.nodes.find((n) => n.id === e.from.node));
  const sources = branches.map((b) => (b === undefined ? undefined : inputsOf(design, b.id)[0]?.from));
  const geometry = (b: DesignNode): string => {
    const p = b.params as unknown as ConvParams;
    return JSON.stringify([p.kernel, p.stride, p.padding, p.dilation, p.groups ?? 1, p.bias ?? false]);
  };
  const first = branches[0];
  const source = sources[0];
  const fits =
    first !== undefined &&
    source !== undefined &&
    // Every port of the Concat wired, and only those: a stray wire would be merged in silently.
    branches.length === (concat.params as { readonly inputs: number }).inputs &&
    branches.every(
      (b, i) =>
        b?.kind === 'Conv2d' &&
        (b.params as unknown as ConvParams).groups === 1 &&
        readersOf(design, b.id).length === 1 &&
        sources[i]?.node === source.node &&
        sources[i].port === source.port &&
        geometry(b) === geometry(first),
    );
  if (!fits) return { ok: false, ...refusal(msg('rebirthBranches', { label: concat.label })) };
  const convs = branches as readonly DesignNode[];
  const width = convs.reduce((s, b) => s + (b.params as unknown as ConvParams).outChannels, 0);
  const removed = new Set([concat.id, ...convs.slice(1).map((b) => b.id)]);
  const merged = without(
    {
      ...design,
      nodes: design.nodes.map((n) =>
        n.id === first.id
          ? ({ ...n, params: { ...n.params, outChannels: width } } as unknown as DesignNode)
          : n,
      ),
      ...(design.weights === undefined ? {} : { weights: concatWeights(design.weights, convs) }),
    },
    removed,
    new Map([[concat.id, { node: first.id, port: 0 }]]),
  );
  const after = totalsIfValid(analyze(merged));
  if (after === undefined) return { ok: false, ...refusal(msg('rebirthBranches', { label: concat.label })) };
  const labels = design.nodes.filter((n) => removed.has(n.id)).map((n) => n.label);
  return { ok: true, design: merged, before, after, removed: labels };
}

/** The branches' weights and biases, concatenated along the filters, as the first branch's. */
function concatWeights(weights: DesignWeights, convs: readonly DesignNode[]): DesignWeights {
  const layers = { ...weights.layers };
  for (const role of ['weight', 'bias']) {
    const parts = convs.map((c) => weights.layers[c.id]?.[role]);
    const [head] = convs;
    if (head === undefined) continue;
    if (parts.every((x) => x !== undefined)) {
      const all = new Float32Array(parts.reduce((s, x) => s + x.length, 0));
      let at = 0;
      for (const x of parts) {
        all.set(x, at);
        at += x.length;
      }
      layers[head.id] = { ...layers[head.id], [role]: all };
    } else if (layers[head.id]?.[role] !== undefined) {
      // Some branch has no imported values: the merged conv starts from the seeded initialisation.
      const { [role]: _drop, ...rest } = layers[head.id] ?? {};
      layers[head.id] = rest;
    }
  }
  const gone = new Set(convs.slice(1).map((c) => c.id));
  return { ...weights, layers: Object.fromEntries(Object.entries(layers).filter(([k]) => !gone.has(k))) };
}
