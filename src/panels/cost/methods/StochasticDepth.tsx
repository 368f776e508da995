import { useMemo } from 'react';
import type { Analysis } from '../../../core/analysis/types';
import {
  DEFAULT_LAST_SURVIVAL,
  STOCHASTIC_DEPTH_CONVENTION,
  stochasticDepthView,
} from '../../../core/methods/stochastic-depth';
import { formatCount } from '../../../ui/figures';
import { studio } from '../../../state/store';

const clampSurvival = (v: number): number | undefined =>
  Number.isFinite(v) && v > 0 && v <= 1 ? v : undefined;

/** Stochastic depth: survival per residual block, expected training multiply-adds beside inference. */
export function StochasticDepth({ analysis }: { analysis: Analysis }) {
  const settings = analysis.design.stochasticDepth;
  const view = useMemo(
    () => stochasticDepthView(analysis, settings ?? { lastSurvival: DEFAULT_LAST_SURVIVAL }),
    [analysis, settings],
  );
  if (view.blocks.length === 0) return null;
  const set = (next: typeof settings): void => {
    const d = studio.getState().design;
    const { stochasticDepth: _old, ...rest } = d;
    studio.getState().replaceDesign(next === undefined ? rest : { ...rest, stochasticDepth: next });
  };
  const on = settings !== undefined;
  return (
    <details className="cost-section">
      <summary>
        <h3>Stochastic depth</h3>
        <span className="muted cost-convention">Huang et al. 2016</span>
      </summary>
      <label className="cost-inline-check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            set(e.target.checked ? { lastSurvival: DEFAULT_LAST_SURVIVAL } : undefined);
          }}
        />
        Train with stochastic depth ({view.blocks.length} blocks with an identity residual)
      </label>
      {on && (
        <>
          <div className="cost-scale">
            <label htmlFor="sd-last">Survival of the last block p_L</label>
            <input
              id="sd-last"
              type="number"
              min={0.05}
              max={1}
              step={0.05}
              value={settings.lastSurvival}
              onChange={(e) => {
                const v = clampSurvival(Number(e.target.value));
                if (v !== undefined) set({ ...settings, lastSurvival: v });
              }}
            />
          </div>
          <table
            className="cost-compare"
            aria-label="Stochastic depth: expected training and inference multiply-adds"
          >
            <tbody>
              <tr>
                <th scope="row">Expected training multiply-adds (effective)</th>
                <td>{formatCount(view.expectedTrainingMultiplyAdds)}</td>
              </tr>
              <tr>
                <th scope="row">Inference multiply-adds (as exported)</th>
                <td>{formatCount(view.inferenceMultiplyAdds)}</td>
              </tr>
              <tr>
                <th scope="row">Expected blocks run in training, Σ p_l</th>
                <td>{view.expectedBlocks.toFixed(2)}</td>
              </tr>
            </tbody>
          </table>
          <ul className="cost-formulas">
            {view.formulas.map((f) => (
              <li key={f.symbolic}>
                <code>{f.symbolic}</code> = <code>{f.substituted}</code>
              </li>
            ))}
          </ul>
          <table className="cost-compare" aria-label="Survival probability of each residual block">
            <thead>
              <tr>
                <th scope="col">Block</th>
                <th scope="col">p_l</th>
                <th scope="col">Branch multiply-adds</th>
              </tr>
            </thead>
            <tbody>
              {view.blocks.map((b) => (
                <tr key={b.nodeId}>
                  <th scope="row">{b.label}</th>
                  <td>
                    <input
                      type="number"
                      aria-label={`Survival probability of ${b.label}${b.rule === 'linear' ? ' (linear decay)' : ''}`}
                      min={0.05}
                      max={1}
                      step={0.05}
                      value={Math.round(b.survival * 1000) / 1000}
                      onChange={(e) => {
                        const v = clampSurvival(Number(e.target.value));
                        if (v !== undefined)
                          set({ ...settings, survival: { ...settings.survival, [b.nodeId]: v } });
                      }}
                    />
                  </td>
                  <td>{formatCount(b.branchMultiplyAdds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted cost-note">Inference convention: {STOCHASTIC_DEPTH_CONVENTION}.</p>
        </>
      )}
    </details>
  );
}
