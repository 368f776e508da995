import { serializeDesign } from '../../core/document/format';
import { branchMerge, streamlineMerge } from '../../core/methods/deeprebirth-method';
import { UsageError, parseArgs, type Command } from '../command';
import { findNode } from '../node-ref';
import { loadSource, sourceFlags } from '../source';
import { int, table } from '../text';

/**
 * DeepRebirth (Li et al. 2018): streamline slimming merges a pool into the conv before it (--pool),
 * branch slimming merges parallel convs and their Concat into one wider conv (--branches); the
 * design is written and its totals before and after printed.
 */
export const mergeCommand: Command = {
  name: 'merge',
  usage:
    'merge <design.json | preset:NAME | example:NAME> (--pool NODE | --branches CONCAT) -o merged.json      DeepRebirth: a pool into its conv, or conv branches into one',
  run(args, io) {
    const { positional, flags } = parseArgs(args, [...sourceFlags, 'pool', 'branches', 'o']);
    const pool = flags.get('pool');
    const branches = flags.get('branches');
    if ((pool === undefined) === (branches === undefined))
      throw new UsageError(
        'give one of --pool NODE (a pool after a conv) or --branches NODE (a Concat of convs)',
      );
    const target = flags.get('o');
    if (target === undefined)
      throw new UsageError('missing -o merged.json: where to write the merged design');
    const design = loadSource(positional[0], flags, io);
    const node = findNode(design, pool ?? branches ?? '');
    const r = pool !== undefined ? streamlineMerge(design, node.id) : branchMerge(design, node.id);
    if (!r.ok) throw new UsageError(r.error);
    io.writeFile(target, serializeDesign(r.design));
    io.out(`wrote ${target}: merged away ${r.removed.join(', ')}`);
    io.out(
      table([
        ['', 'before', 'after'],
        ...(['params', 'multiplyAdds', 'memoryAccess'] as const).map((f) => [
          f === 'multiplyAdds' ? 'multiply-adds' : f === 'memoryAccess' ? 'memory access' : 'params',
          int(r.before[f]),
          int(r.after[f]),
        ]),
      ]),
    );
  },
};
