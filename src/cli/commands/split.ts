import { analyze } from '../../core/analysis/analyze';
import { serializeDesign } from '../../core/document/format';
import type { Design } from '../../core/design/design-types';
import { affinityAssignment } from '../../core/methods/splitnet-affinity';
import { splitDepthChart, splitTree, type SplitLevel } from '../../core/methods/splitnet-method';
import type { ClassGroups } from '../../core/ops/splitnet-class-order';
import { UsageError, parseArgs, type Command } from '../command';
import { findNode } from '../node-ref';
import { loadSource, sourceFlags } from '../source';
import { int, table } from '../text';
import { learnFlags, splitLearned } from './split-learn';

/** --groups G or G1,G2,…: integers 2 to 16, one per level of the tree. */
function groupsFlag(flags: Map<string, string>): number[] {
  const v = flags.get('groups');
  if (v === undefined)
    throw new UsageError('missing --groups G: how many disjoint groups (2 to 16) per level');
  return v.split(',').map((x) => {
    const g = Number(x);
    if (x.trim() === '' || !Number.isInteger(g) || g < 2 || g > 16)
      throw new UsageError(
        `--groups must be integers from 2 to 16 (one per level, comma-separated), not "${v}"`,
      );
    return g;
  });
}

/** --assign 0,8/1,9/2,4,6/3,5,7: the classes of each leaf, leaves separated by "/". */
function assignFlag(v: string): number[][] {
  return v.split('/').map((group) =>
    group.split(',').map((x) => {
      const c = Number(x);
      if (x.trim() === '' || !Number.isInteger(c) || c < 0)
        throw new UsageError(
          `--assign lists each leaf's classes as integers, leaves separated by "/" (0,8/1,9/…), not "${v}"`,
        );
      return c;
    }),
  );
}

const groupsText = (a: ClassGroups): string => a.map((g) => g.join(' ')).join(' | ');

/** The class assignment the command was asked for: given, derived from trained weights, or none (consecutive). */
function assignment(
  design: Design,
  flags: Map<string, string>,
  fromWeights: boolean,
  groups: readonly number[],
): { classes?: ClassGroups; note?: string } {
  const given = flags.get('assign');
  if (given !== undefined && fromWeights)
    throw new UsageError(
      'give the classes with --assign or derive them with --assign-from-weights, not both',
    );
  if (given !== undefined) return { classes: assignFlag(given) };
  if (!fromWeights) return {};
  const r = affinityAssignment(design, groups);
  if (!r.ok) throw new UsageError(r.error);
  return {
    classes: r.assignment,
    note: `classes derived from ${r.classifier}'s trained weight rows (classes whose rows point alike share a group; balanced): ${groupsText(r.assignment)}`,
  };
}

/**
 * SplitNet (Kim et al. 2017): a tree of splits. `--at A --groups G` splits into G disjoint branches
 * after A; `--at A,B --groups 2,2` splits after A into 2 and each branch again after B into 2
 * (4 leaves). The classifier becomes one linear layer per leaf over the classes `--assign` gives it
 * (consecutive runs without it), that `--assign-from-weights` derives from a trained classifier, or
 * that `--learn` learns with the weights (split-learn.ts).
 * --chart prints params and multiply-adds against the depth of a one-level split.
 */
export const splitCommand: Command = {
  name: 'split',
  usage:
    'split <design.json | preset:NAME | example:NAME> --groups G[,G2…] (--at NODE[,NODE2…] [--assign 0,8/1,9/… | --assign-from-weights | --learn --dataset D [--steps S] [--finetune-steps M]] -o split.json | --chart)      SplitNet: a tree of disjoint groups, one level per NODE, classes assigned to the leaves (given, derived from trained weights, or learned with the weights)',
  async run(args, io) {
    // The preset's own --groups (ShuffleNet) is not taken here: --groups is the split's.
    const { positional, flags, switches } = parseArgs(
      args,
      [...sourceFlags.filter((f) => f !== 'groups'), 'groups', 'at', 'o', 'assign', ...learnFlags],
      ['chart', 'assign-from-weights', 'learn'],
    );
    const groups = groupsFlag(flags);
    const source = new Map([...flags].filter(([k]) => k !== 'groups'));
    const design = loadSource(positional[0], source, io);
    const before = analyze(design);
    if (switches.has('chart')) {
      if (flags.has('at') || flags.has('o') || flags.has('assign') || switches.has('assign-from-weights'))
        throw new UsageError(
          '--chart prints every split depth of one level; leave out --at, --assign and -o',
        );
      const [g = 2, ...more] = groups;
      if (more.length > 0) throw new UsageError('--chart splits at one level: give one --groups G');
      const points = splitDepthChart(design, g);
      if (points.length === 0) throw new UsageError(`${design.name}: no node splits into ${g} groups`);
      io.out(
        table([
          ['split after', 'depth', 'params', 'multiply-adds'],
          ['(unsplit)', '', int(before.totals.params), int(before.totals.multiplyAdds)],
          ...points.map((p) => [p.label, String(p.depth), int(p.params), int(p.multiplyAdds)]),
        ]),
      );
      return;
    }
    const at = flags.get('at');
    if (at === undefined)
      throw new UsageError('missing --at NODE (a label or id; NODE,NODE2 for a tree), or --chart');
    const target = flags.get('o');
    if (target === undefined) throw new UsageError('missing -o split.json: where to write the split design');
    const nodes = at.split(',').map((ref) => findNode(design, ref));
    if (nodes.length !== groups.length)
      throw new UsageError(
        `--at names ${nodes.length} node(s) but --groups gives ${groups.length} count(s): one per level of the tree`,
      );
    const levels: SplitLevel[] = nodes.map((n, j) => ({ at: n.id, groups: groups[j] ?? 2 }));
    if (switches.has('learn')) {
      if (flags.has('assign') || switches.has('assign-from-weights'))
        throw new UsageError('--learn learns the assignment: leave out --assign and --assign-from-weights');
      await splitLearned(design, levels, flags, target, io);
      return;
    }
    const learnOnly = learnFlags.find((f) => flags.has(f));
    if (learnOnly !== undefined) throw new UsageError(`--${learnOnly} is for --learn (training the split)`);
    const { classes, note } = assignment(design, flags, switches.has('assign-from-weights'), groups);
    const r = splitTree(design, levels, classes);
    if (!r.ok) throw new UsageError(r.error);
    const after = analyze(r.design);
    const merged = r.design.nodes.find((n) => n.kind === 'ClassMerge');
    io.writeFile(target, serializeDesign(r.design));
    const leaves = groups.reduce((a, g) => a * g, 1);
    io.out(
      `wrote ${target}: ${groups.length === 1 ? `${leaves} groups` : `a ${groups.join(' × ')} = ${leaves}-leaf tree`} after ${nodes.map((n) => n.label).join(', ')}, ${r.design.nodes.length} nodes`,
    );
    if (note !== undefined) io.out(note);
    else if (merged?.kind === 'ClassMerge') io.out(`classes per leaf: ${groupsText(merged.params.classes)}`);
    io.out(
      table([
        ['', 'before', 'after', 'ratio'],
        ...(['params', 'multiplyAdds'] as const).map((f) => [
          f === 'params' ? 'params' : 'multiply-adds',
          int(before.totals[f]),
          int(after.totals[f]),
          (after.totals[f] / before.totals[f]).toFixed(3),
        ]),
      ]),
    );
  },
};
