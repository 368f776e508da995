import { useMemo } from 'react';
import { effectiveTotals } from '../../core/analysis/effective-totals';
import type { Analysis } from '../../core/analysis/analysis-types';
import { useStudio } from '../../state/store';
import { useTranslation } from 'react-i18next';
import { formatCount, formatExact } from '../../i18n/numbers';

/**
 * What the methods' own kernels would do (direct sparse conv, lookup conv, versatile filters),
 * shown under its own name beside the totals, which stay as exported. Nothing when no layer has
 * such a kernel: then the two are the same numbers.
 */
export function EffectiveTotals({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation('cost');
  const flops = useStudio((s) => s.showFlops);
  const e = useMemo(() => effectiveTotals(analysis.layers), [analysis]);
  if (e.kernels.length === 0) return null;
  const rows: readonly { id: string; label: string; value: number; note: string }[] = [
    {
      id: 'effectiveMultiplyAdds',
      label: flops ? t('effective.flops') : t('effective.madds'),
      value: e.multiplyAdds * (flops ? 2 : 1),
      note: t('effective.asExported', { n: formatCount(analysis.totals.multiplyAdds * (flops ? 2 : 1)) }),
    },
    {
      id: 'effectiveParams',
      label: t('effective.params'),
      value: e.params,
      note: t('effective.asExported', { n: formatCount(analysis.totals.params) }),
    },
    {
      id: 'effectiveIndices',
      label: t('effective.indices'),
      value: e.indices,
      note: t('effective.indicesNote'),
    },
  ];
  return (
    <section className="cost-section" aria-labelledby="cost-effective-title">
      <div className="cost-section-head">
        <h3 id="cost-effective-title">{t('effective.title')}</h3>
        <span className="muted cost-convention">{e.kernels.join(', ')}</span>
      </div>
      <p className="muted cost-note">{t('effective.note')}</p>
      <dl className="cost-totals" aria-label={t('effective.label')}>
        {rows.map((r) => (
          <div key={r.id} className="cost-total" data-figure={r.id}>
            <dt>
              {r.label}
              <span className="muted cost-convention">{r.note}</span>
            </dt>
            <dd title={formatExact(r.value)}>
              <span className="figure">{formatCount(r.value)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
