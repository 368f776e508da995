import { useState } from 'react';
import { fitWidth } from '../../core/analysis/budget';
import { formatCount } from '../../ui/figures';
import { studio, useStudio } from '../../state/store';
import { inputResolution, rememberScaled, rescale, scaleStateOf } from './scaling';

const RESOLUTIONS = [96, 128, 160, 192, 224, 256, 320];

/** MorphNet's uniform expansion: a width multiplier, the input resolution, and fit to budget. */
export function Scale() {
  const design = useStudio((s) => s.design);
  const budgets = useStudio((s) => s.budgets);
  const { width } = scaleStateOf(design);
  const resolution = inputResolution(design);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const hasBudget = Object.keys(budgets).length > 0;
  const apply = (w: number, r: number | undefined, control: string): void => {
    studio.getState().applyScaledDesign(rescale(studio.getState().design, w, r), control);
  };
  const fit = (): void => {
    const { origin } = scaleStateOf(design);
    const found = fitWidth(origin, budgets, 4, resolution);
    if (found === undefined) {
      setMessage('Even a width of 0.05× is over budget: raise a limit or lower the resolution.');
      return;
    }
    rememberScaled(found.design, origin, found.width);
    studio.getState().applyScaledDesign(found.design, 'fit');
    setMessage(
      `Largest width within the budgets: ${found.width.toFixed(2)}× (${formatCount(found.analysis.totals.multiplyAdds)} multiply-adds, ${formatCount(found.analysis.totals.params)} params).`,
    );
  };
  return (
    <details className="cost-section" open>
      <summary>
        <h3>Scale</h3>
        <span className="muted cost-convention">MorphNet uniform expansion</span>
      </summary>
      <div className="cost-scale">
        <label htmlFor="cost-width">Width multiplier</label>
        <input
          id="cost-width"
          type="range"
          min={0.25}
          max={2}
          step={0.05}
          value={width}
          aria-valuetext={`${width.toFixed(2)} times`}
          onChange={(e) => {
            setMessage(undefined);
            apply(Number(e.target.value), resolution, 'width');
          }}
        />
        <output htmlFor="cost-width" className="cost-scale-value">
          {width.toFixed(2)}×
        </output>
        <label htmlFor="cost-resolution">Input resolution</label>
        <select
          id="cost-resolution"
          value={resolution ?? ''}
          disabled={resolution === undefined}
          onChange={(e) => {
            setMessage(undefined);
            apply(width, Number(e.target.value), 'resolution');
          }}
        >
          {resolution !== undefined && !RESOLUTIONS.includes(resolution) && (
            <option value={resolution}>{resolution}</option>
          )}
          {RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              {r}×{r}
            </option>
          ))}
        </select>
        <span className="muted cost-scale-value">
          {resolution === undefined ? 'no square input' : `ρ = ${(resolution / 224).toFixed(3)}`}
        </span>
      </div>
      <p className="muted cost-note">
        Every channel count × the multiplier (kept divisible as before; the classifier’s outputs stay), from
        the design as it was when scaling began.
      </p>
      <div className="cost-actions">
        <button
          type="button"
          className="button primary"
          disabled={!hasBudget}
          onClick={fit}
          title={hasBudget ? undefined : 'Set a budget first'}
        >
          Fit to budget
        </button>
        {width !== 1 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              apply(1, resolution, 'width');
            }}
          >
            Reset width
          </button>
        )}
      </div>
      {message !== undefined && (
        <p className="cost-result" role="status">
          {message}
        </p>
      )}
    </details>
  );
}
