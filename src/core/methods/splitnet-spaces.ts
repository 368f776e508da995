import { analyze } from '../analysis/analyze';
import type { LayerInfo } from '../analysis/analysis-types';
import type { Design } from '../design/design-types';
import { msg, refusal, type Refusal } from '../message';
import { splitPart, splitTail, splitTree, type SplitLevel } from './splitnet-method';

/**
 * The feature spaces of a SplitNet tree (Kim et al. 2017, §3): what the paper's assignment
 * matrices range over. Every tensor of the split part belongs to one space; layers that act on
 * each channel alone (batch norm, activations, pooling, a depthwise conv, a residual Add) keep
 * their input's space, and a plain conv or a Linear layer maps one space to another through its
 * weight W, the layer the group weight regulariser R_W(W, P_in, P_out) acts on. The space read
 * where the tree starts (`entry`) is shared by layers below the split and keeps equal consecutive
 * groups (the shared layers below can order their outputs to any assignment); the classifier's
 * outputs are the classes (the paper's Q); every other space has a learned assignment (its P).
 */
export interface SplitSpace {
  readonly size: number;
  /** Groups of its finest user: g₁···g_j for the deepest level j that reads or writes it. */
  readonly groups: number;
  readonly role: 'entry' | 'features' | 'classes';
}

/** A layer of the split part whose weight mixes channels: a plain conv or a Linear layer. */
export interface SplitWeightLayer {
  readonly key: string;
  readonly nodeId: string;
  readonly level: number;
  readonly inSpace: number;
  readonly outSpace: number;
}

/** A layer of the split part whose weights (if any) are one slice per channel. */
export interface SplitChannelLayer {
  readonly key: string;
  readonly nodeId: string;
  readonly level: number;
  readonly space: number;
}

export interface SplitSpaces {
  readonly spaces: readonly SplitSpace[];
  /** In execution order. */
  readonly weighted: readonly SplitWeightLayer[];
  readonly perChannel: readonly SplitChannelLayer[];
  /** Copies at each level: G_1 = g₁, G_2 = g₁g₂, … */
  readonly copies: readonly number[];
  readonly classSpace: number;
}

export type SpacesResult = ({ readonly ok: true } & SplitSpaces) | ({ readonly ok: false } & Refusal);

/** Ops that act on each channel alone: their outputs are in their inputs' space. */
const PER_CHANNEL: ReadonlySet<string> = new Set([
  'BatchNorm',
  'ReLU',
  'ReLU6',
  'HardSwish',
  'HardSigmoid',
  'Sigmoid',
  'SiLU',
  'MaxPool',
  'AvgPool',
  'GlobalAvgPool',
  'Flatten',
  'Dropout',
  'Add',
  'Multiply',
  'Shift',
]);

const isDepthwise = (l: LayerInfo): boolean => {
  if (l.op !== 'Conv2d') return false;
  const p = l.params as { groups: number; outChannels: number };
  const cin = l.inputShapes[0]?.[1];
  return p.groups > 1 && p.groups === cin && p.outChannels === cin;
};

/** The spaces of `design` split as `levels`; a refusal (one sentence) where a layer cannot be followed. */
export function splitSpaces(design: Design, levels: readonly SplitLevel[]): SpacesResult {
  const tree = splitTree(design, levels);
  if (!tree.ok) return tree;
  const { branch } = splitTail(design, levels[0]?.at ?? '');
  const after = levels.map((l) => splitPart(design, l.at, branch));
  const levelOf = (id: string): number => after.reduce((lv, part, j) => (part.has(id) ? j + 1 : lv), 0);
  const copies: number[] = [];
  for (const l of levels) copies.push((copies.at(-1) ?? 1) * l.groups);
  const analysis = analyze(design);
  const layers = analysis.layers.filter((l) => branch.has(l.nodeId));
  // Union-find over tensor ids, each root with its channel count.
  const parent = new Map<number, number>();
  const find = (t: number): number => {
    let r = t;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(t, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  const sizeOf = new Map<number, number>();
  const produced = new Set<number>();
  const weightedRaw: { layer: LayerInfo; level: number; input: number; output: number }[] = [];
  const channelRaw: { layer: LayerInfo; level: number; tensor: number }[] = [];
  const label = (l: LayerInfo): string => l.name;
  for (const l of layers) {
    const level = levelOf(l.nodeId);
    l.inputTensors.forEach((t, i) => {
      if (!sizeOf.has(t)) sizeOf.set(t, l.inputShapes[i]?.[1] ?? 0);
    });
    l.outputTensors.forEach((t, i) => {
      produced.add(t);
      if (!sizeOf.has(t)) sizeOf.set(t, l.outputShapes[i]?.[1] ?? 0);
    });
    const input = l.inputTensors[0] ?? -1;
    const output = l.outputTensors[0] ?? -1;
    if (l.op === 'Linear' || (l.op === 'Conv2d' && (l.params as { groups: number }).groups === 1)) {
      const features = l.inputShapes[0]?.[1] ?? 0;
      if (l.op === 'Linear' && sizeOf.get(find(input)) !== features)
        return { ok: false, ...refusal(msg('splitLearnFlatten', { label: label(l) })) };
      weightedRaw.push({ layer: l, level, input, output });
    } else if (PER_CHANNEL.has(l.op) || isDepthwise(l)) {
      for (const t of [...l.inputTensors, ...l.outputTensors]) union(input, t);
      channelRaw.push({ layer: l, level, tensor: input });
    } else return { ok: false, ...refusal(msg('splitLearnOp', { label: label(l), op: l.op })) };
  }
  // Spaces in order of first use; groups from their finest user.
  const index = new Map<number, number>();
  const spaces: { size: number; groups: number; role: SplitSpace['role'] }[] = [];
  const spaceOf = (t: number, level: number): number => {
    const r = find(t);
    let i = index.get(r);
    if (i === undefined) {
      i = spaces.length;
      index.set(r, i);
      spaces.push({ size: sizeOf.get(t) ?? 0, groups: 1, role: 'features' });
    }
    const s = spaces[i] as (typeof spaces)[number];
    s.groups = Math.max(s.groups, copies[level - 1] ?? 1);
    return i;
  };
  const weighted = weightedRaw.map((w) => ({
    key: w.layer.key,
    nodeId: w.layer.nodeId,
    level: w.level,
    inSpace: spaceOf(w.input, w.level),
    outSpace: spaceOf(w.output, w.level),
  }));
  const perChannel = channelRaw.map((c) => ({
    key: c.layer.key,
    nodeId: c.layer.nodeId,
    level: c.level,
    space: spaceOf(c.tensor, c.level),
  }));
  for (const l of layers)
    for (const t of l.inputTensors)
      if (!produced.has(t)) {
        const s = spaces[spaceOf(t, 1)];
        if (s !== undefined) s.role = 'entry';
      }
  // The classifier: the Linear layer whose output leaves the split part (splitTree has checked it).
  const read = new Set(layers.flatMap((l) => l.inputTensors.map(find)));
  const merge = tree.design.nodes.find((n) => n.kind === 'ClassMerge');
  const leaving =
    merge === undefined ? undefined : weighted.find((w, i) => !read.has(find(weightedRaw[i]?.output ?? -1)));
  const classes = leaving === undefined ? undefined : spaces[leaving.outSpace];
  if (leaving === undefined || classes === undefined || classes.role === 'entry')
    return { ok: false, ...refusal(msg('splitAffinityNoLinear')) };
  classes.role = 'classes';
  return { ok: true, spaces, weighted, perChannel, copies, classSpace: leaving.outSpace };
}

/**
 * A space's groups as the copies of level `level` read it: with `finest` (one index list per
 * group of the space, in tree order), group h of G_j joins the finest groups below it, in order.
 */
export function groupsAtLevel(finest: readonly (readonly number[])[], copies: number): number[][] {
  const per = finest.length / copies;
  return Array.from({ length: copies }, (_, h) => finest.slice(h * per, (h + 1) * per).flat());
}
