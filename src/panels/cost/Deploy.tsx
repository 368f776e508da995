import { useMemo } from 'react';
import { deployView } from '../../core/analysis/deploy';
import type { Analysis } from '../../core/analysis/types';
import type { OpCost } from '../../core/layers/types';
import { CompareTable } from './CompareTable';

const rows: readonly { key: keyof OpCost; label: string }[] = [
  { key: 'params', label: 'Params' },
  { key: 'buffers', label: 'Buffers' },
  { key: 'multiplyAdds', label: 'Multiply-adds' },
  { key: 'memoryAccess', label: 'Memory access (all ops)' },
  { key: 'memoryAccessConvFc', label: 'Memory access (conv/FC)' },
];

/** DeepRebirth's deploy view: batch norm and activations folded into the conv before them. */
export function Deploy({ analysis }: { analysis: Analysis }) {
  const view = useMemo(() => deployView(analysis), [analysis]);
  return (
    <details className="cost-section">
      <summary>
        <h3>Deploy view</h3>
        <span className="muted cost-convention">DeepRebirth, Li et al. 2017</span>
      </summary>
      <p className="muted cost-note">
        Batch norm folds into the weights and bias of the conv or linear layer before it; an activation right
        after runs inside it. {view.foldedCount} of {analysis.layers.length} layers fold away, leaving{' '}
        {view.layers.length}.
      </p>
      <CompareTable
        label="Deploy view: before and after folding"
        sides={['Before', 'After']}
        against="after folding"
        rows={rows.map(({ key, label }) => ({
          key,
          label,
          before: view.before[key],
          after: view.after[key],
        }))}
      />
    </details>
  );
}
