import { useMemo } from 'react';
import { effectiveTotals } from '../../core/analysis/effective';
import type { Analysis } from '../../core/analysis/types';
import { formatCount, formatExact } from '../../ui/figures';
import { useStudio } from '../../state/store';

/**
 * What the methods' own kernels would do (direct sparse conv, lookup conv, versatile filters),
 * shown under its own name beside the totals, which stay as exported. Nothing when no layer has
 * such a kernel: then the two are the same numbers.
 */
export function EffectiveTotals({ analysis }: { analysis: Analysis }) {
  const flops = useStudio((s) => s.showFlops);
  const e = useMemo(() => effectiveTotals(analysis.layers), [analysis]);
  if (e.kernels.length === 0) return null;
  const rows: readonly { id: string; label: string; value: number; note: string }[] = [
    {
      id: 'effectiveMultiplyAdds',
      label: flops ? 'FLOPs, effective' : 'Multiply-adds, effective',
      value: e.multiplyAdds * (flops ? 2 : 1),
      note: `as exported: ${formatCount(analysis.totals.multiplyAdds * (flops ? 2 : 1))}`,
    },
    {
      id: 'effectiveParams',
      label: 'Params, effective',
      value: e.params,
      note: `as exported: ${formatCount(analysis.totals.params)}`,
    },
    { id: 'effectiveIndices', label: 'Indices stored', value: e.indices, note: 'CSR and lookup indices' },
  ];
  return (
    <section className="cost-section" aria-labelledby="cost-effective-title">
      <div className="cost-section-head">
        <h3 id="cost-effective-title">Effective</h3>
        <span className="muted cost-convention">{e.kernels.join(', ')}</span>
      </div>
      <p className="muted cost-note">
        The file holds dense weights and onnxruntime computes the totals above; these are what the method’s
        own kernel would do.
      </p>
      <dl className="cost-totals" aria-label="Effective totals">
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
