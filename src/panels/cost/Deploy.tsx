import { useMemo } from 'react';
import { deployView } from '../../core/analysis/deploy';
import { loweringView } from '../../core/analysis/lowering';
import { formatCount, formatExact } from '../../ui/figures';
import type { Analysis } from '../../core/analysis/types';
import { anyOpDef } from '../../core/layers/registry';
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
  const lowering = useMemo(() => loweringView(analysis), [analysis]);
  const at = (i: number) => analysis.layers[i]?.name ?? '—';
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
      <h4>Conv lowering</h4>
      <p className="muted cost-note">
        Lowered to im2col + GEMM, each conv first copies its input patches into a (Cin/g)·kh·kw × H′W′ buffer;
        a direct conv (Zhang et al. 2018) needs none, nor does a 1×1 stride-1 conv. {lowering.convs.length} of{' '}
        {analysis.layers.filter((l) => anyOpDef(l.op).workspace !== undefined).length} convs need one.
      </p>
      <table className="cost-compare" aria-label="Peak memory under each conv lowering">
        <thead>
          <tr>
            <th scope="col">Lowering</th>
            <th scope="col">Largest buffer</th>
            <th scope="col">Peak memory</th>
            <th scope="col">At</th>
          </tr>
        </thead>
        <tbody>
          <tr data-lowering="im2col">
            <th scope="row">im2col + GEMM</th>
            <td title={formatExact(lowering.maxWorkspace)}>{formatCount(lowering.maxWorkspace)}</td>
            <td title={formatExact(lowering.peak.im2col.elements)}>
              {formatCount(lowering.peak.im2col.elements)}
            </td>
            <td>{at(lowering.peak.im2col.layer)}</td>
          </tr>
          <tr data-lowering="direct">
            <th scope="row">direct</th>
            <td>0</td>
            <td title={formatExact(lowering.peak.direct.elements)}>
              {formatCount(lowering.peak.direct.elements)}
            </td>
            <td>{at(lowering.peak.direct.layer)}</td>
          </tr>
        </tbody>
      </table>
    </details>
  );
}
