import { useState } from 'react';
import type { Analysis } from '../../../core/analysis/types';
import {
  marginalCosts,
  shrinkProposal,
  type MarginalCost,
  type ShrinkProposal,
} from '../../../core/methods/morphnet';
import { formatCount } from '../../../ui/figures';
import { studio } from '../../../state/store';

/** MorphNet: the cost of one more channel per layer, widths editable; shrink by batch-norm γ. */
export function MorphNet({ analysis }: { analysis: Analysis }) {
  const [rows, setRows] = useState<readonly MarginalCost[] | undefined>(undefined);
  const [threshold, setThreshold] = useState(0.01);
  const [proposal, setProposal] = useState<ShrinkProposal | string | undefined>(undefined);
  const design = analysis.design;
  const refresh = (): void => {
    setRows(marginalCosts(studio.getState().design));
  };
  return (
    <details className="cost-section">
      <summary>
        <h3>Per-layer widths</h3>
        <span className="muted cost-convention">MorphNet, Gordon et al. 2018</span>
      </summary>
      <p className="muted cost-note">
        The cost of one more output channel in each layer (MorphNet’s resource weights), all knock-on effects
        counted: the next layer’s inputs, batch norms, depthwise convs that follow.
      </p>
      <div className="cost-actions">
        <button type="button" onClick={refresh}>
          Cost of one more channel
        </button>
      </div>
      {rows !== undefined && (
        <table className="cost-compare" aria-label="MorphNet: cost of one more output channel per layer">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Width</th>
              <th scope="col">+ multiply-adds</th>
              <th scope="col">+ params</th>
              <th scope="col">+ memory access</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.nodeId}.${r.field}`}>
                <th scope="row">
                  {r.label} <span className="muted">{r.field}</span>
                </th>
                <td>
                  <input
                    type="number"
                    min={1}
                    aria-label={`${r.label} ${r.field}`}
                    defaultValue={r.width}
                    onBlur={(e) => {
                      const v = Math.round(Number(e.target.value));
                      if (Number.isFinite(v) && v >= 1 && v !== r.width) {
                        studio.getState().setParams(r.nodeId, { [r.field]: v });
                        refresh();
                      }
                    }}
                  />
                </td>
                {r.tied === undefined ? (
                  <>
                    <td>{formatCount(r.multiplyAdds ?? 0)}</td>
                    <td>{formatCount(r.params ?? 0)}</td>
                    <td>{formatCount(r.memoryAccess ?? 0)}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">
                    tied: {r.tied}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {design.weights !== undefined && (
        <>
          <div className="cost-scale">
            <label htmlFor="morph-threshold">Shrink channels with |γ| below</label>
            <input
              id="morph-threshold"
              type="number"
              min={0}
              step={0.005}
              value={threshold}
              onChange={(e) => {
                setThreshold(Math.max(0, Number(e.target.value) || 0));
              }}
            />
          </div>
          <div className="cost-actions">
            <button
              type="button"
              onClick={() => {
                setProposal(shrinkProposal(studio.getState().design, threshold));
              }}
            >
              Propose shrink
            </button>
          </div>
        </>
      )}
      {typeof proposal === 'string' && <p className="cost-error">{proposal}</p>}
      {typeof proposal === 'object' && (
        <>
          <ul className="cost-checks" aria-label="Channels the shrink removes">
            {proposal.items.map((i) => (
              <li key={i.batchNorm}>
                {i.label}.{i.field}: {i.width} →{' '}
                {i.kept === undefined ? i.width - i.channels.length : i.width}{' '}
                <span className="muted">
                  ({i.channels.length} with |γ| below {threshold} in {i.batchNorm}
                  {i.kept === undefined ? '' : `; kept: ${i.kept}`})
                </span>
              </li>
            ))}
          </ul>
          <p className="muted cost-note">
            Saves {formatCount(proposal.before.params - proposal.after.params)} params and{' '}
            {formatCount(proposal.before.multiplyAdds - proposal.after.multiplyAdds)} multiply-adds. Then
            Scale → Fit to budget widens the shrunk network uniformly: MorphNet’s loop.
          </p>
          <div className="cost-actions">
            <button
              type="button"
              disabled={proposal.items.every((i) => i.kept !== undefined)}
              onClick={() => {
                studio.getState().replaceDesign(proposal.design);
                setProposal(undefined);
              }}
            >
              Apply shrink
            </button>
          </div>
        </>
      )}
    </details>
  );
}
