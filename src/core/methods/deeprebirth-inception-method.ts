import { analyze } from '../analysis/analyze';
import { anyOpDef } from '../kinds';
import { isOpKindName } from '../kind-table';
import { msg, refusal, type Refusal } from '../message';
import type { Design, DesignNode, PortRef } from '../design/design-types';
import {
  inputsOf,
  readersOf,
  totalsIfValid,
  without,
  type ConvParams,
  type MergeResult,
} from './deeprebirth-method';

/**
 * DeepRebirth's branch slimming of GoogLeNet's inception modules (Li et al., AAAI 2018, survey
 * ref. 139), as two design edits on the module's Concat:
 *
 * - The inception merge: the branches without a spatial kernel, the 1×1 conv branch and the
 *   non-tensor pool branch (pool → 1×1 projection), are merged into the branches with a larger
 *   kernel (reduction 1×1 → 3×3, reduction 1×1 → 5×5), whose convs take their output channels, so
 *   the module's output width stays. Each merged branch joins the first larger-kernel branch after
 *   it in the Concat's order, else the last before it: GoogLeNet's [1×1 | 3×3 | 5×5 | pool] becomes
 *   [3×3 of #1×1 + #3×3 | 5×5 of #5×5 + #pool proj], every channel where it was.
 * - Slimming the reductions: the 1×1 reduction convs before the larger kernels are narrowed to a
 *   fraction of their width, which the merge's growth of the 3×3 and 5×5 convs calls for.
 *
 * Neither edit keeps the function: a grown conv computes new filters (the paper initialises the new
 * layers afresh and fine-tunes them), so the edited convs lose any imported or trained weights and
 * start from the seeded initialisation; every other layer keeps its weights.
 */

/** One branch of an inception-like module, read from the tensor all branches share to the Concat. */
export interface InceptionBranch {
  /** 'pointwise': one 1×1 conv; 'kernel': a larger conv (after a 1×1 reduction or not); 'pool': pool → 1×1. */
  readonly role: 'pointwise' | 'kernel' | 'pool';
  /** Every node of the branch in order, batch norms and activations included. */
  readonly nodes: readonly DesignNode[];
  /** The branch's last conv: its width is the branch's share of the module's output. */
  readonly top: DesignNode;
  /** A kernel branch's 1×1 reduction conv, where it has one. */
  readonly reduce?: DesignNode;
  /** The Concat port the branch feeds. */
  readonly port: number;
}

export type InceptionRead =
  | { readonly ok: true; readonly concat: DesignNode; readonly branches: readonly InceptionBranch[] }
  | ({ readonly ok: false } & Refusal);

/** A conv whose output width an edit changed. */
export interface Resized {
  readonly label: string;
  readonly before: number;
  readonly after: number;
}

/** A merge's result, with the convs whose width changed (they, and the conv after a slimmed one, start from fresh weights). */
export type InceptionResult =
  | (Extract<MergeResult, { readonly ok: true }> & { readonly resized: readonly Resized[] })
  | Extract<MergeResult, { readonly ok: false }>;

const convOf = (n: DesignNode): ConvParams => n.params as unknown as ConvParams;
const same = (a: readonly number[] | undefined, b: readonly number[]): boolean =>
  a === undefined || (a[0] === b[0] && a[1] === b[1]);
/** A conv every inception branch may hold: dense, ungrouped, stride 1, no dilation. */
const plainConv = (n: DesignNode): boolean => {
  const p = convOf(n);
  const density = (n.params as { readonly density?: number }).density;
  return (
    n.kind === 'Conv2d' &&
    (p.groups ?? 1) === 1 &&
    same(p.stride, [1, 1]) &&
    same(p.dilation, [1, 1]) &&
    (density ?? 1) === 1
  );
};
const pointwise = (n: DesignNode): boolean => plainConv(n) && same(convOf(n).kernel, [1, 1]);
const larger = (n: DesignNode): boolean => plainConv(n) && !same(convOf(n).kernel, [1, 1]);
const samePool = (n: DesignNode): boolean =>
  (n.kind === 'MaxPool' || n.kind === 'AvgPool') &&
  same((n.params as { readonly stride?: readonly number[] }).stride, [1, 1]);
/** Batch norm and activations: the layers a deploy build folds into the conv before them. */
const tail = (n: DesignNode): boolean => isOpKindName(n.kind) && anyOpDef(n.kind).traits.deploy !== undefined;

/** The branch that ends at `end`, back to the first tensor another branch reads too. */
function walkBack(design: Design, end: PortRef): { nodes: DesignNode[]; from: PortRef } | undefined {
  const nodes: DesignNode[] = [];
  let from = end;
  for (;;) {
    const n = design.nodes.find((x) => x.id === from.node);
    if (n === undefined) return undefined;
    if (n.kind === 'Input' || readersOf(design, n.id).length !== 1) return { nodes, from };
    const ins = inputsOf(design, n.id);
    const first = ins[0];
    if (ins.length !== 1 || first === undefined) return undefined;
    nodes.unshift(n);
    from = first.from;
  }
}

/** Which of the three inception branch forms `nodes` is, or undefined. */
function classify(nodes: readonly DesignNode[], port: number): InceptionBranch | undefined {
  const core = nodes.filter((n) => !tail(n));
  const [a, b] = core;
  if (a === undefined || core.length > 2) return undefined;
  if (b === undefined) {
    if (pointwise(a)) return { role: 'pointwise', nodes, top: a, port };
    return larger(a) ? { role: 'kernel', nodes, top: a, port } : undefined;
  }
  if (pointwise(a) && larger(b)) return { role: 'kernel', nodes, top: b, reduce: a, port };
  if (samePool(a) && pointwise(b)) return { role: 'pool', nodes, top: b, port };
  return undefined;
}

/**
 * The branches of the inception-like module the Concat `concatId` closes: every branch reads one
 * shared tensor through layers each read only by the next, and is a 1×1 conv, a larger conv (after a
 * 1×1 reduction or not) or a stride-1 pool then a 1×1 conv, with batch norms and activations anywhere.
 */
export function readInception(design: Design, concatId: string): InceptionRead {
  const concat = design.nodes.find((n) => n.id === concatId);
  if (concat?.kind !== 'Concat') return { ok: false, ...refusal(msg('rebirthNoConcat', { node: concatId })) };
  const edges = inputsOf(design, concat.id);
  if (edges.length !== (concat.params as { readonly inputs: number }).inputs)
    return { ok: false, ...refusal(msg('rebirthConcatUnwired', { label: concat.label })) };
  const branches: InceptionBranch[] = [];
  let shared: PortRef | undefined;
  for (const e of edges) {
    const walked = walkBack(design, e.from);
    const endLabel = design.nodes.find((n) => n.id === e.from.node)?.label ?? e.from.node;
    const branch = walked === undefined ? undefined : classify(walked.nodes, e.to.port);
    shared ??= walked?.from;
    if (
      walked === undefined ||
      branch === undefined ||
      walked.from.node !== shared?.node ||
      walked.from.port !== shared.port
    )
      return { ok: false, ...refusal(msg('rebirthNotInception', { label: concat.label, branch: endLabel })) };
    branches.push(branch);
  }
  return { ok: true, concat, branches };
}

/** The design without the weights of the layers of `ids` (their keys start with the node id). */
function freshWeights(design: Design, ids: ReadonlySet<string>): Design {
  if (design.weights === undefined) return design;
  const layers = Object.entries(design.weights.layers).filter(([key]) => !ids.has(key.split('/')[0] ?? key));
  return { ...design, weights: { ...design.weights, layers: Object.fromEntries(layers) } };
}

/** The design with the convs of `widths` (node id → output channels) at their new width. */
const withWidths = (design: Design, widths: ReadonlyMap<string, number>): Design => ({
  ...design,
  nodes: design.nodes.map((n) => {
    const c = widths.get(n.id);
    return c === undefined ? n : ({ ...n, params: { ...n.params, outChannels: c } } as unknown as DesignNode);
  }),
});

/** The nodes of a branch from `node` on (a conv and the batch norm and activations after it). */
const fromNode = (b: InceptionBranch, node: DesignNode): readonly DesignNode[] =>
  b.nodes.slice(b.nodes.indexOf(node));

/**
 * The inception merge: the Concat's 1×1 and pool branches merged into its larger-kernel branches,
 * whose convs grow by their widths (the module's output is as wide as before; the Concat goes where
 * one branch is left).
 */
export function inceptionMerge(design: Design, concatId: string): InceptionResult {
  const read = readInception(design, concatId);
  if (!read.ok) return read;
  const { concat, branches } = read;
  const kernels = branches.filter((b) => b.role === 'kernel');
  const folded = branches.filter((b) => b.role !== 'kernel');
  if (kernels.length === 0)
    return { ok: false, ...refusal(msg('rebirthNoLargerKernel', { label: concat.label })) };
  if (folded.length === 0)
    return { ok: false, ...refusal(msg('rebirthNothingToFold', { label: concat.label })) };
  const before = totalsIfValid(analyze(design));
  if (before === undefined) return { ok: false, ...refusal(msg('rebirthFixFirst')) };
  const growth = new Map<InceptionBranch, number>();
  for (const f of folded) {
    const host = kernels.find((k) => k.port > f.port) ?? kernels.findLast((k) => k.port < f.port);
    if (host !== undefined) growth.set(host, (growth.get(host) ?? 0) + convOf(f.top).outChannels);
  }
  const widths = new Map<string, number>();
  const resized: Resized[] = [];
  for (const [k, extra] of growth) {
    const was = convOf(k.top).outChannels;
    widths.set(k.top.id, was + extra);
    resized.push({ label: k.top.label, before: was, after: was + extra });
  }
  const removed = new Set(folded.flatMap((b) => b.nodes.map((n) => n.id)));
  const lone = kernels.length === 1 ? kernels[0] : undefined;
  const end = (b: InceptionBranch): PortRef => ({ node: b.nodes[b.nodes.length - 1]?.id ?? '', port: 0 });
  if (lone !== undefined) removed.add(concat.id);
  const rewire = new Map(lone === undefined ? [] : [[concat.id, end(lone)]]);
  const cut = without(withWidths(design, widths), removed, rewire);
  const ports = new Map(kernels.map((k, i) => [k.port, i]));
  const merged: Design = {
    ...cut,
    nodes: cut.nodes.map((n) =>
      n.id === concat.id
        ? ({ ...n, params: { ...n.params, inputs: kernels.length } } as unknown as DesignNode)
        : n,
    ),
    edges: cut.edges.map((e) =>
      e.to.node === concat.id ? { ...e, to: { ...e.to, port: ports.get(e.to.port) ?? e.to.port } } : e,
    ),
  };
  const grown = new Set([...growth.keys()].flatMap((k) => fromNode(k, k.top).map((n) => n.id)));
  const result = freshWeights(merged, new Set([...removed, ...grown]));
  const after = totalsIfValid(analyze(result));
  if (after === undefined)
    return {
      ok: false,
      ...refusal(msg('rebirthNotInception', { label: concat.label, branch: concat.label })),
    };
  const labels = design.nodes.filter((n) => removed.has(n.id)).map((n) => n.label);
  return { ok: true, design: result, before, after, removed: labels, resized };
}

/** The width a reduction keeps: `keep` of it, rounded, at least one channel. */
export const slimmedWidth = (width: number, keep: number): number => Math.max(1, Math.round(width * keep));

/**
 * Slimming the reductions: each 1×1 reduction conv before a larger kernel in the module the Concat
 * closes keeps `keep` (0 < keep < 1) of its output channels; the larger conv after it reads fewer.
 */
export function slimReductions(design: Design, concatId: string, keep: number): InceptionResult {
  if (!Number.isFinite(keep) || keep <= 0 || keep >= 1)
    return { ok: false, ...refusal(msg('rebirthSlimKeep', { keep: String(keep) })) };
  const read = readInception(design, concatId);
  if (!read.ok) return read;
  const { concat, branches } = read;
  const reduced = branches.filter((b) => b.reduce !== undefined);
  if (reduced.length === 0)
    return { ok: false, ...refusal(msg('rebirthNoReduction', { label: concat.label })) };
  const before = totalsIfValid(analyze(design));
  if (before === undefined) return { ok: false, ...refusal(msg('rebirthFixFirst')) };
  const widths = new Map<string, number>();
  const resized: Resized[] = [];
  const fresh = new Set<string>();
  for (const b of reduced) {
    const r = b.reduce;
    if (r === undefined) continue;
    const was = convOf(r).outChannels;
    const now = slimmedWidth(was, keep);
    if (now === was) continue;
    widths.set(r.id, now);
    resized.push({ label: r.label, before: was, after: now });
    // The reduction, its batch norm and activations, and the larger conv that reads it are new.
    for (const n of b.nodes.slice(b.nodes.indexOf(r), b.nodes.indexOf(b.top) + 1)) fresh.add(n.id);
  }
  if (resized.length === 0)
    return {
      ok: false,
      ...refusal(msg('rebirthSlimNarrowest', { label: concat.label, keep: String(keep) })),
    };
  const result = freshWeights(withWidths(design, widths), fresh);
  const after = totalsIfValid(analyze(result));
  if (after === undefined)
    return {
      ok: false,
      ...refusal(msg('rebirthNotInception', { label: concat.label, branch: concat.label })),
    };
  return { ok: true, design: result, before, after, removed: [], resized };
}
