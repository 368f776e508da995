import { useMemo } from 'react';
import { deployView } from '../../core/analysis/deploy';
import type { Analysis } from '../../core/analysis/types';
import type { OpCost } from '../../core/layers/types';
import { formatCount, formatExact } from '../../state/figures';
import { useStudio } from '../../state/store';
import { Delta } from './Delta';

const rows: readonly { key: keyof OpCost; label: string }[] = [
  { key: 'params', label: 'Params' },
  { key: 'buffers', label: 'Buffers' },
  { key: 'multiplyAdds', label: 'Multiply-adds' },
  { key: 'memoryAccess', label: 'Memory access (all ops)' },
  { key: 'memoryAccessConvFc', label: 'Memory access (conv/FC)' },
];

/** DeepRebirth's deploy view: batch norm and activations folded into the conv before them. */
export function Deploy({ analysis }: { analysis: Analysis }) {
  const flops = useStudio((s) => s.showFlops);
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
      <table className="cost-compare" aria-label="Deploy view: before and after folding">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label }) => {
            const k = key === 'multiplyAdds' && flops ? 2 : 1;
            return (
              <tr key={key}>
                <th scope="row">{k === 2 ? 'FLOPs' : label}</th>
                <td title={formatExact(view.before[key] * k)}>{formatCount(view.before[key] * k)}</td>
                <td title={formatExact(view.after[key] * k)}>{formatCount(view.after[key] * k)}</td>
                <td>
                  <Delta
                    before={view.before[key]}
                    after={view.after[key]}
                    factor={k}
                    against="after folding"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
