import { useMemo } from 'react';
import { formulaText } from '../../../i18n/say';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../core/analysis/analysis-types';
import { lcclView } from '../../../core/methods/lccl-method';
import { designKey } from '../../../runtime/targets';
import { useLcclZeros } from './lccl-zeros';
import { formatCount } from '../../../i18n/numbers';

/** LCCL: effective multiply-adds (hand-set or measured z) beside what the exported graph computes. */
export function Lccl({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const measured = useLcclZeros();
  const key = useMemo(() => designKey(analysis.design), [analysis.design]);
  const usable = measured.designKey === key && measured.use ? measured.zeros : undefined;
  const view = useMemo(() => lcclView(analysis, usable), [analysis, usable]);
  if (view.rows.length === 0) return null;
  const hasMeasured = measured.designKey === key && measured.zeros.size > 0;
  const sourceOf = (nodeId: string): string => {
    const m = usable?.get(nodeId);
    return m === undefined ? t('methods.lccl.setByHand') : t('methods.lccl.measuredOn', { image: m.image });
  };
  return (
    <details className="cost-section">
      <summary>
        <h3>LCCL</h3>
        <span className="muted cost-convention">{t('methods.lccl.source')}</span>
      </summary>
      <p className="muted cost-note">{t('methods.lccl.note')}</p>
      {hasMeasured && (
        <label className="cost-inline-check">
          <input
            type="checkbox"
            checked={measured.use}
            onChange={(e) => {
              useLcclZeros.setState({ use: e.target.checked });
            }}
          />
          {t('methods.lccl.useMeasured')}
        </label>
      )}
      <table className="cost-compare" aria-label={t('methods.lccl.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('methods.lccl.layer')}</th>
            <th scope="col">z</th>
            <th scope="col">{t('methods.lccl.asExported')}</th>
            <th scope="col">{t('methods.lccl.effective')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.nodeId} title={`${formulaText(r.formula.symbolic)}: ${r.formula.substituted}`}>
              <th scope="row">{r.label}</th>
              <td>
                {r.zeroRatio.toFixed(3)} <span className="muted">({sourceOf(r.nodeId)})</span>
              </td>
              <td>{formatCount(r.asExported)}</td>
              <td>{formatCount(r.effective)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('methods.lccl.network')}</th>
            <td />
            <td>{formatCount(view.asExportedMultiplyAdds)}</td>
            <td>{formatCount(view.effectiveMultiplyAdds)}</td>
          </tr>
        </tbody>
      </table>
      <ul className="cost-formulas">
        {view.rows.map((r) => (
          <li key={r.nodeId}>
            {r.label}: <code>{formulaText(r.formula.symbolic)}</code> = <code>{r.formula.substituted}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
