import { analyze } from '../../core/analysis/analyze';
import { serializeDesign } from '../../core/document/format';
import { splitDepthChart, splitNetwork } from '../../core/methods/splitnet-method';
import { UsageError, parseArgs, type Command } from '../command';
import { findNode } from '../node-ref';
import { loadSource, sourceFlags } from '../source';
import { int, table } from '../text';

/** --groups G: an integer 2 to 16 (SplitNet's tree has at most 16 branches here). */
function groupsFlag(flags: Map<string, string>): number {
  const v = flags.get('groups');
  if (v === undefined) throw new UsageError('missing --groups G: how many disjoint groups (2 to 16)');
  const g = Number(v);
  if (!Number.isInteger(g) || g < 2 || g > 16)
    throw new UsageError(`--groups must be an integer from 2 to 16, not "${v}"`);
  return g;
}

/**
 * SplitNet (Kim et al. 2017): from a node on, the network becomes G disjoint branches and the
 * classifier G linear layers over disjoint class subsets. --at writes the split design; --chart
 * prints params and multiply-adds against the split depth.
 */
export const splitCommand: Command = {
  name: 'split',
  usage:
    'split <design.json | preset:NAME | example:NAME> --groups G (--at NODE -o split.json | --chart)      SplitNet: G disjoint branches from NODE (label or id) on',
  run(args, io) {
    // The preset's own --groups (ShuffleNet) is not taken here: --groups is the split's.
    const { positional, flags, switches } = parseArgs(
      args,
      [...sourceFlags.filter((f) => f !== 'groups'), 'groups', 'at', 'o'],
      ['chart'],
    );
    const groups = groupsFlag(flags);
    const source = new Map([...flags].filter(([k]) => k !== 'groups'));
    const design = loadSource(positional[0], source, io);
    const before = analyze(design);
    if (switches.has('chart')) {
      if (flags.has('at') || flags.has('o'))
        throw new UsageError('--chart prints every split depth; leave out --at and -o');
      const points = splitDepthChart(design, groups);
      if (points.length === 0) throw new UsageError(`${design.name}: no node splits into ${groups} groups`);
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
    if (at === undefined) throw new UsageError('missing --at NODE (a label or id), or --chart');
    const target = flags.get('o');
    if (target === undefined) throw new UsageError('missing -o split.json: where to write the split design');
    const node = findNode(design, at);
    const r = splitNetwork(design, node.id, groups);
    if (!r.ok) throw new UsageError(r.error);
    const after = analyze(r.design);
    io.writeFile(target, serializeDesign(r.design));
    io.out(`wrote ${target}: ${groups} groups after ${node.label}, ${r.design.nodes.length} nodes`);
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
