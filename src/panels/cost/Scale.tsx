import { useState } from 'react';
import { fitWidth } from '../../core/analysis/budget';
import type { WidthRounding } from '../../core/analysis/scale';
import { studio, useStudio } from '../../state/store';
import { inputResolution, rememberScaled, rescale, scaleStateOf } from './scaling';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../i18n/numbers';

const RESOLUTIONS = [96, 128, 160, 192, 224, 256, 320];

/** MorphNet's uniform expansion: a width multiplier, the input resolution, and fit to budget. */
export function Scale() {
  const { t } = useTranslation('cost');
  const design = useStudio((s) => s.design);
  const budgets = useStudio((s) => s.budgets);
  const { width, rounding: applied } = scaleStateOf(design);
  const resolution = inputResolution(design);
  const [message, setMessage] = useState<string | undefined>(undefined);
  // The rounding asked for: the design's own once scaled, else the switch's last setting.
  const [asked, setAsked] = useState<WidthRounding>(applied);
  const rounding = width === 1 ? asked : applied;
  const hasBudget = Object.keys(budgets).length > 0;
  const apply = (w: number, r: number | undefined, control: string, round = rounding): void => {
    studio.getState().applyScaledDesign(rescale(studio.getState().design, w, r, round), control);
  };
  const fit = (): void => {
    const { origin } = scaleStateOf(design);
    const found = fitWidth(origin, budgets, 4, resolution, rounding);
    if (found === undefined) {
      setMessage(t('scale.tooBig'));
      return;
    }
    rememberScaled(found.design, origin, found.width, rounding);
    studio.getState().applyScaledDesign(found.design, 'fit');
    setMessage(
      t(rounding === 8 ? 'scale.foundRound8' : 'scale.found', {
        width: found.width.toFixed(2),
        madds: formatCount(found.analysis.totals.multiplyAdds),
        params: formatCount(found.analysis.totals.params),
      }),
    );
  };
  return (
    <details className="cost-section" open>
      <summary>
        <h3>{t('scale.title')}</h3>
        <span className="muted cost-convention">{t('scale.source')}</span>
      </summary>
      <div className="cost-scale">
        <label htmlFor="cost-width">{t('scale.width')}</label>
        <input
          id="cost-width"
          type="range"
          min={0.25}
          max={2}
          step={0.05}
          value={width}
          aria-valuetext={t('scale.times', { n: width.toFixed(2) })}
          onChange={(e) => {
            setMessage(undefined);
            apply(Number(e.target.value), resolution, 'width');
          }}
        />
        <output htmlFor="cost-width" className="cost-scale-value">
          {width.toFixed(2)}×
        </output>
        <label htmlFor="cost-resolution">{t('scale.resolution')}</label>
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
          {resolution === undefined ? t('scale.noSquare') : `ρ = ${(resolution / 224).toFixed(3)}`}
        </span>
      </div>
      <div className="cost-scale">
        <label>
          <input
            type="checkbox"
            checked={rounding === 8}
            onChange={(e) => {
              const next: WidthRounding = e.target.checked ? 8 : 'channel';
              setAsked(next);
              setMessage(undefined);
              if (width !== 1) apply(width, resolution, 'rounding', next);
            }}
          />{' '}
          {t('scale.round8')}
        </label>
      </div>
      <p className="muted cost-note">{t(rounding === 8 ? 'scale.noteRound8' : 'scale.note')}</p>
      <div className="cost-actions">
        <button
          type="button"
          className="button primary"
          disabled={!hasBudget}
          onClick={fit}
          title={hasBudget ? undefined : t('scale.needBudget')}
        >
          {t('scale.fit')}
        </button>
        {width !== 1 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              apply(1, resolution, 'width');
            }}
          >
            {t('scale.reset')}
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
