import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { effectiveTotals } from '../analysis/effective-totals';
import { findExample } from '../examples/example-registry';
import { exportDesign } from './export/onnx-export';
import { importModel } from './import/import';

/** Each survey method's example, the node that carries the method, and the kind it must come back as. */
const cases = [
  { example: 'igcv2_vs_conv3x3', label: 'igcv2', kind: 'InterleavedStructuredSparseConv' },
  { example: 'direct_sparse_vs_dense', label: 'sparse_conv3', kind: 'Conv2d' },
  { example: 'basis_filters_vs_conv3x3', label: 'basis', kind: 'BasisFilters' },
  { example: 'lcnn_vs_conv3x3', label: 'lcnn', kind: 'LookupConv' },
  { example: 'flgc_vs_group_conv', label: 'flgc', kind: 'FullyLearnableGroupConv' },
  { example: 'versatile_vs_conv3x3', label: 'versatile', kind: 'VersatileConv' },
];

describe('import of our own export gives each method’s kind back', () => {
  it.each(cases)('$example: $label is a $kind again, with the same figures', ({ example, label, kind }) => {
    const design = findExample(example)?.build();
    if (design === undefined) throw new Error(`no example ${example}`);
    const r = exportDesign(design);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const back = importModel(r.bytes);
    if (!back.ok) throw new Error(back.error);
    const node = back.design.nodes.find((n) => n.label === label);
    expect(node?.kind).toBe(kind);
    const original = design.nodes.find((n) => n.label === label);
    expect(node?.params).toEqual(expect.objectContaining(original?.params));
    const a = analyze(design);
    const b = analyze(back.design);
    expect(b.totals).toEqual(a.totals);
    const pick = (x: typeof a) => ({ ...effectiveTotals(x.layers) });
    expect(pick(b)).toEqual(pick(a));
  });
});
