import type { Design } from '../design/design-types';
import { msg, refusal } from '../message';
import type { ClassGroups } from '../ops/splitnet-class-order';
import { splitTree, type SplitLevel, type SplitResult } from './splitnet-method';
import { groupsAtLevel, splitSpaces } from './splitnet-spaces';

/**
 * What SplitNet learned (Kim et al. 2017, §3.4): for each space of the tree (splitSpaces' order)
 * the indices of each of its groups at its finest level, and the classes of each leaf.
 */
export interface LearnedSplit {
  readonly spaces: readonly (readonly (readonly number[])[])[];
  readonly classes: ClassGroups;
}

/** Indices 0…size−1 in `groups` equal consecutive runs: the tree's entry space. */
export const consecutiveLists = (size: number, groups: number): number[][] =>
  Array.from({ length: groups }, (_, g) =>
    Array.from({ length: size / groups }, (_, i) => (g * size) / groups + i),
  );

/** Rows `rows` of a row-major [n, per] array, in order. */
function takeRows(values: Float32Array, per: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * per);
  rows.forEach((r, i) => {
    out.set(values.subarray(r * per, (r + 1) * per), i * per);
  });
  return out;
}

/** The [outs, ins, …] block of a row-major [O, I, kk] weight. */
function takeBlock(
  values: Float32Array,
  inputs: number,
  kk: number,
  outs: readonly number[],
  ins: readonly number[],
): Float32Array {
  const out = new Float32Array(outs.length * ins.length * kk);
  outs.forEach((o, a) => {
    ins.forEach((i, b) => {
      out.set(values.subarray((o * inputs + i) * kk, (o * inputs + i + 1) * kk), (a * ins.length + b) * kk);
    });
  });
  return out;
}

/**
 * The SplitNet tree of a design trained with the split's terms: the tree splitTree builds, with the
 * learned class assignment, and every copy starting from its block of the trained weights (the
 * paper's split step, as its authors' code does it): copy c of a layer at level j keeps the rows of
 * its output space's group c and the columns of its input space's group c, so the split network
 * computes what the trained one computes with the off-block weights set to zero.
 */
export function splitFromLearned(
  design: Design,
  levels: readonly SplitLevel[],
  learned: LearnedSplit,
): SplitResult {
  const spaces = splitSpaces(design, levels);
  if (!spaces.ok) return spaces;
  const tree = splitTree(design, levels, learned.classes);
  if (!tree.ok) return tree;
  const trained = design.weights?.layers ?? {};
  const layers: Record<string, Record<string, Float32Array>> = { ...tree.design.weights?.layers };
  const label = (id: string): string => design.nodes.find((n) => n.id === id)?.label ?? id;
  const lists = (space: number, level: number): number[][] =>
    space === spaces.classSpace
      ? learned.classes.map((g) => [...g])
      : groupsAtLevel(learned.spaces[space] ?? [], spaces.copies[level - 1] ?? 1);
  const copyKeys = (key: string, nodeId: string): string[] =>
    (tree.copies.get(nodeId) ?? []).map((id) => `${id}${key.slice(nodeId.length)}`);
  for (const w of spaces.weighted) {
    const roles = trained[w.key];
    const weight = roles?.['weight'];
    if (roles === undefined || weight === undefined)
      return { ok: false, ...refusal(msg('splitLearnUntrained', { label: label(w.nodeId) })) };
    const [O, I] = [spaces.spaces[w.outSpace]?.size ?? 1, spaces.spaces[w.inSpace]?.size ?? 1];
    const outs = lists(w.outSpace, w.level);
    const ins = lists(w.inSpace, w.level);
    copyKeys(w.key, w.nodeId).forEach((key, c) => {
      const held: Record<string, Float32Array> = {
        weight: takeBlock(weight, I, weight.length / (O * I), outs[c] ?? [], ins[c] ?? []),
      };
      const bias = roles['bias'];
      if (bias !== undefined) held['bias'] = takeRows(bias, 1, outs[c] ?? []);
      layers[key] = held;
    });
  }
  for (const p of spaces.perChannel) {
    const roles = trained[p.key];
    if (roles === undefined) continue;
    const size = spaces.spaces[p.space]?.size ?? 1;
    const groups = lists(p.space, p.level);
    copyKeys(p.key, p.nodeId).forEach((key, c) => {
      layers[key] = Object.fromEntries(
        Object.entries(roles).map(([role, v]) => [role, takeRows(v, v.length / size, groups[c] ?? [])]),
      );
    });
  }
  return {
    ...tree,
    design: {
      ...tree.design,
      weights: { source: `${design.weights?.source ?? 'trained'} (SplitNet blocks)`, layers },
    },
  };
}
