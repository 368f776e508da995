import { serializeDesign } from '../../core/document/format';
import {
  inceptionMerge,
  slimReductions,
  type InceptionResult,
} from '../../core/methods/deeprebirth-inception-method';
import { branchMerge, streamlineMerge, type MergeResult } from '../../core/methods/deeprebirth-method';
import { UsageError, numberFlag, parseArgs, type Command } from '../command';
import { findNode } from '../node-ref';
import { loadSource, sourceFlags } from '../source';
import { int, table } from '../text';

const MODES = ['pool', 'branches', 'inception', 'slim'] as const;

/**
 * DeepRebirth (Li et al. 2018): streamline slimming merges a pool into the conv before it (--pool);
 * branch slimming merges parallel convs of one geometry and their Concat into one wider conv
 * (--branches), or an inception module's 1×1 and pool branches into its larger-kernel branches
 * (--inception), and narrows the module's 1×1 reductions (--slim, keeping --keep of each, ½ by
 * default). The design is written and its totals before and after printed.
 */
export const mergeCommand: Command = {
  name: 'merge',
  usage:
    "merge <design.json | preset:NAME | example:NAME> (--pool NODE | --branches CONCAT | --inception CONCAT | --slim CONCAT [--keep 0.5]) -o merged.json      DeepRebirth: a pool into its conv, conv branches into one, an inception module's branches into its 3×3 and 5×5, or its reductions slimmed",
  run(args, io) {
    const { positional, flags } = parseArgs(args, [...sourceFlags, ...MODES, 'keep', 'o']);
    const given = MODES.filter((m) => flags.has(m));
    const [mode] = given;
    if (mode === undefined || given.length > 1)
      throw new UsageError(
        'give one of --pool NODE (a pool after a conv), --branches NODE (a Concat of convs), --inception NODE or --slim NODE (the Concat of an inception module)',
      );
    const keep = numberFlag(flags, 'keep');
    if (keep !== undefined && mode !== 'slim') throw new UsageError('--keep goes with --slim only');
    const target = flags.get('o');
    if (target === undefined)
      throw new UsageError('missing -o merged.json: where to write the merged design');
    const design = loadSource(positional[0], flags, io);
    const node = findNode(design, flags.get(mode) ?? '');
    const inception: InceptionResult | undefined =
      mode === 'inception'
        ? inceptionMerge(design, node.id)
        : mode === 'slim'
          ? slimReductions(design, node.id, keep ?? 0.5)
          : undefined;
    const r: MergeResult | InceptionResult =
      inception ?? (mode === 'pool' ? streamlineMerge(design, node.id) : branchMerge(design, node.id));
    if (!r.ok) throw new UsageError(r.error);
    io.writeFile(target, serializeDesign(r.design));
    if (r.removed.length > 0) io.out(`wrote ${target}: merged away ${r.removed.join(', ')}`);
    else io.out(`wrote ${target}`);
    if (inception?.ok === true) {
      for (const c of inception.resized)
        io.out(`${c.label}: ${int(c.before)} → ${int(c.after)} output channels`);
      io.out(
        'the resized convs (and a conv reading a slimmed one) are new layers that start from fresh weights: the paper retrains them (`train` or the Train tab does)',
      );
    }
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
