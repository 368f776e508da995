import { z } from 'zod';
import { fmt } from './op-common';
import type { EffectiveCost, FormulaLine } from '../op-cost';

/**
 * Weight density d of a conv or linear layer: the share of its weights that are non-zero, for
 * Park et al. 2017's direct sparse convolution (1 = dense). The layer is still exported as a dense
 * op (onnxruntime has no sparse conv) whose weight holds exactly nnz non-zeros.
 */
export const densityParam = z
  .number()
  .gt(0, 'The density must be above 0 (the share of weights kept).')
  .max(1, 'The density is a share of the weights: at most 1 (dense).')
  .default(1)
  .meta({
    label: 'Weight density',
    help: 'Share of the weights that are non-zero, for a direct sparse conv (Park et al. 2017); 1 is dense.',
  });

/** nnz = round(d · weights), at least one: the non-zeros the exported weight holds. */
export const nonZeros = (weights: number, density: number): number =>
  Math.min(weights, Math.max(1, Math.round(density * weights)));

export const SPARSE_KERNEL = 'direct sparse conv (CSR)';

/** A weight seen as the CSR matrix Park et al. store: one row per output, the rest as columns. */
export interface SparseWeight {
  readonly density: number;
  /** Rows of the CSR matrix: Cout (conv) or out features (linear). */
  readonly rows: number;
  /** Columns: (Cin/g)·kh·kw (conv) or in features (linear). */
  readonly columns: number;
  readonly bias: number;
  /** Output positions each non-zero is used at: H'·W' (conv), 1 (linear). */
  readonly positions: number;
}

/**
 * The sparse kernel's figures: each non-zero is one multiply-add per output position (nnz·H'W');
 * storage is CSR, nnz values + nnz column indices + rows + 1 row pointers. Undefined when dense.
 */
export function sparseEffective(w: SparseWeight): EffectiveCost | undefined {
  if (w.density >= 1) return undefined;
  const nnz = nonZeros(w.rows * w.columns, w.density);
  return {
    params: nnz + w.bias,
    multiplyAdds: nnz * w.positions,
    indices: nnz + w.rows + 1,
    kernel: SPARSE_KERNEL,
  };
}

/** The formula lines of the effective figures, with the layer's numbers. */
export function sparseFormulas(w: SparseWeight): readonly FormulaLine[] {
  const e = sparseEffective(w);
  if (e === undefined) return [];
  const total = w.rows * w.columns;
  const nnz = nonZeros(total, w.density);
  const nnzLine = `nnz = round(${w.density}·${fmt(total)}) = ${fmt(nnz)}`;
  return [
    {
      figure: 'effectiveParams',
      symbolic: `nnz${w.bias > 0 ? ' + bias' : ''} (CSR values)`,
      substituted: `${nnzLine}${w.bias > 0 ? ` + ${fmt(w.bias)}` : ''} → ${fmt(e.params)}`,
    },
    {
      figure: 'effectiveMultiplyAdds',
      symbolic: w.positions === 1 ? 'nnz' : "nnz·H'·W'",
      substituted:
        w.positions === 1 ? fmt(e.multiplyAdds) : `${fmt(nnz)}·${fmt(w.positions)} = ${fmt(e.multiplyAdds)}`,
    },
    {
      figure: 'effectiveIndices',
      symbolic: 'CSR column indices nnz + row pointers (rows + 1)',
      substituted: `${fmt(nnz)} + ${fmt(w.rows + 1)} = ${fmt(e.indices)}`,
    },
  ];
}
