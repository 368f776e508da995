import { useMemo } from 'react';
import type { DesignNode } from '../../core/design/design-types';
import { readInception } from '../../core/methods/deeprebirth-inception-method';
import { branchMerge, streamlineMerge } from '../../core/methods/deeprebirth-method';
import { useStudio } from '../../state/store';
import { RebirthInception } from './RebirthInception';
import { RebirthSection } from './RebirthSection';

/**
 * DeepRebirth's edits for the selected node, with the design's totals before and after: a pool
 * merged into the conv before it (streamline), a Concat's conv branches of one geometry into one
 * conv (branch), or, on the Concat of an inception module, its branches merged and its reductions
 * slimmed (RebirthInception). Applying is one edit, so one Undo takes it back.
 */
export function RebirthMerge({ node }: { node: DesignNode }) {
  const design = useStudio((s) => s.design);
  const kind =
    node.kind === 'MaxPool' || node.kind === 'AvgPool'
      ? 'streamline'
      : node.kind === 'Concat'
        ? 'branch'
        : undefined;
  const inception = useMemo(() => {
    if (kind !== 'branch') return false;
    const read = readInception(design, node.id);
    return read.ok && read.branches.some((b) => b.role === 'kernel');
  }, [design, node.id, kind]);
  const result = useMemo(() => {
    if (kind === undefined || inception) return undefined;
    return kind === 'streamline' ? streamlineMerge(design, node.id) : branchMerge(design, node.id);
  }, [design, node.id, kind, inception]);
  if (inception) return <RebirthInception node={node} />;
  if (kind === undefined || result === undefined) return null;
  return <RebirthSection kind={kind} node={node} design={design} result={result} />;
}
