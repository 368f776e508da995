import { useMemo } from 'react';
import { sayRefusal } from '../../../i18n/say';
import { Trans, useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import { DEFAULT_NESTED_WIDTHS, nestedLevels, nestedView } from '../../../core/methods/nested';
import { studio } from '../../../state/store';
import { formatCount } from '../../../i18n/numbers';

/** NestedNet: a cost row per level; the params are stored once, as the widest level's. */
export function Nested({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const nested = analysis.design.nested;
  const result = useMemo(
    () => (nested === undefined ? undefined : nestedLevels(analysis.design, nested.widths)),
    [analysis.design, nested],
  );
  const toggle = (on: boolean): void => {
    const { nested: _old, ...rest } = studio.getState().design;
    studio.getState().replaceDesign(on ? { ...rest, nested: { widths: DEFAULT_NESTED_WIDTHS } } : rest);
  };
  const view = result?.ok === true ? nestedView(result.value) : undefined;
  return (
    <details className="cost-section">
      <summary>
        <h3>{t('methods.nested.title')}</h3>
        <span className="muted cost-convention">{t('methods.nested.source')}</span>
      </summary>
      <label className="cost-inline-check">
        <input
          type="checkbox"
          checked={nested !== undefined}
          onChange={(e) => {
            toggle(e.target.checked);
          }}
        />
        {t('methods.nested.levels', { widths: (nested?.widths ?? DEFAULT_NESTED_WIDTHS).join(', ') })}
      </label>
      {result?.ok === false && <p className="cost-error">{sayRefusal(result)}</p>}
      {view !== undefined && (
        <>
          <table className="cost-compare" aria-label={t('methods.nested.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('methods.nested.level')}</th>
                <th scope="col">{t('methods.nested.params')}</th>
                <th scope="col">{t('methods.nested.multiplyAdds')}</th>
                <th scope="col">{t('methods.nested.memoryAccess')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.width}>
                  <th scope="row">{r.width}×</th>
                  <td>{formatCount(r.params)}</td>
                  <td>{formatCount(r.multiplyAdds)}</td>
                  <td>{formatCount(r.memoryAccess)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted cost-note">
            <Trans
              t={t}
              i18nKey="methods.nested.stored"
              values={{ stored: formatCount(view.storedParams), separate: formatCount(view.separateParams) }}
              components={{ code: <code /> }}
            />
          </p>
        </>
      )}
    </details>
  );
}
