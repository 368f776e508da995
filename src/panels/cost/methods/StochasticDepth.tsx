import { useMemo } from 'react';
import { formulaText } from '../../../i18n/say';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import { DEFAULT_LAST_SURVIVAL, stochasticDepthView } from '../../../core/methods/stochastic-depth-method';
import { studio } from '../../../state/store';
import { formatCount } from '../../../i18n/numbers';

const clampSurvival = (v: number): number | undefined =>
  Number.isFinite(v) && v > 0 && v <= 1 ? v : undefined;

/** Stochastic depth: survival per residual block, expected training multiply-adds beside inference. */
export function StochasticDepth({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
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
        <h3>{t('methods.stochasticDepth.title')}</h3>
        <span className="muted cost-convention">{t('methods.stochasticDepth.source')}</span>
      </summary>
      <label className="cost-inline-check">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            set(e.target.checked ? { lastSurvival: DEFAULT_LAST_SURVIVAL } : undefined);
          }}
        />
        {t('methods.stochasticDepth.train', { n: view.blocks.length })}
      </label>
      {on && (
        <>
          <div className="cost-scale">
            <label htmlFor="sd-last">{t('methods.stochasticDepth.lastSurvival')}</label>
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
          <table className="cost-compare" aria-label={t('methods.stochasticDepth.tableLabel')}>
            <tbody>
              <tr>
                <th scope="row">{t('methods.stochasticDepth.training')}</th>
                <td>{formatCount(view.expectedTrainingMultiplyAdds)}</td>
              </tr>
              <tr>
                <th scope="row">{t('methods.stochasticDepth.inference')}</th>
                <td>{formatCount(view.inferenceMultiplyAdds)}</td>
              </tr>
              <tr>
                <th scope="row">{t('methods.stochasticDepth.expectedBlocks')}</th>
                <td>{view.expectedBlocks.toFixed(2)}</td>
              </tr>
            </tbody>
          </table>
          <ul className="cost-formulas">
            {view.formulas.map((f) => (
              <li key={f.symbolic}>
                <code>{formulaText(f.symbolic)}</code> = <code>{f.substituted}</code>
              </li>
            ))}
          </ul>
          <table className="cost-compare" aria-label={t('methods.stochasticDepth.blocksLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('methods.stochasticDepth.block')}</th>
                <th scope="col">p_l</th>
                <th scope="col">{t('methods.stochasticDepth.branch')}</th>
              </tr>
            </thead>
            <tbody>
              {view.blocks.map((b) => (
                <tr key={b.nodeId}>
                  <th scope="row">{b.label}</th>
                  <td>
                    <input
                      type="number"
                      aria-label={t(
                        b.rule === 'linear'
                          ? 'methods.stochasticDepth.survivalOfLinear'
                          : 'methods.stochasticDepth.survivalOf',
                        { label: b.label },
                      )}
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
          <p className="muted cost-note">{t('methods.stochasticDepth.convention')}</p>
        </>
      )}
    </details>
  );
}
