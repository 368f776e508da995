import { useMemo } from 'react';
import { deployView } from '../../core/analysis/deploy';
import { loweringView } from '../../core/analysis/lowering';
import type { Analysis } from '../../core/analysis/analysis-types';
import { anyOpDef } from '../../core/kinds';
import type { OpCost } from '../../core/ops/op-types';
import { CompareTable } from './CompareTable';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact } from '../../i18n/numbers';

const rows: readonly (keyof OpCost)[] = [
  'params',
  'buffers',
  'multiplyAdds',
  'memoryAccess',
  'memoryAccessConvFc',
];

/** DeepRebirth's deploy view: batch norm and activations folded into the conv before them. */
export function Deploy({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const view = useMemo(() => deployView(analysis), [analysis]);
  const lowering = useMemo(() => loweringView(analysis), [analysis]);
  const at = (i: number) => analysis.layers[i]?.name ?? '—';
  return (
    <details className="cost-section">
      <summary>
        <h3>{t('deploy.title')}</h3>
        <span className="muted cost-convention">{t('deploy.source')}</span>
      </summary>
      <p className="muted cost-note">
        {t('deploy.note', {
          folded: view.foldedCount,
          layers: analysis.layers.length,
          left: view.layers.length,
        })}
      </p>
      <CompareTable
        label={t('deploy.tableLabel')}
        sides={[t('deploy.before'), t('deploy.after')]}
        against={t('deploy.against')}
        rows={rows.map((key) => ({
          key,
          label: t(`deploy.${key}`),
          before: view.before[key],
          after: view.after[key],
        }))}
      />
      <h4>{t('deploy.lowering')}</h4>
      <p className="muted cost-note">
        {t('deploy.loweringNote', {
          need: lowering.convs.length,
          convs: analysis.layers.filter((l) => anyOpDef(l.op).workspace !== undefined).length,
        })}
      </p>
      <table className="cost-compare" aria-label={t('deploy.loweringLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('deploy.loweringCol')}</th>
            <th scope="col">{t('deploy.largest')}</th>
            <th scope="col">{t('deploy.peak')}</th>
            <th scope="col">{t('deploy.at')}</th>
          </tr>
        </thead>
        <tbody>
          <tr data-lowering="im2col">
            <th scope="row">{t('deploy.im2col')}</th>
            <td title={formatExact(lowering.maxWorkspace)}>{formatCount(lowering.maxWorkspace)}</td>
            <td title={formatExact(lowering.peak.im2col.elements)}>
              {formatCount(lowering.peak.im2col.elements)}
            </td>
            <td>{at(lowering.peak.im2col.layer)}</td>
          </tr>
          <tr data-lowering="direct">
            <th scope="row">{t('deploy.direct')}</th>
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
