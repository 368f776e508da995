import { nonZeros } from '../../ops/sparse';
import { seededMask } from '../init';

const countNonZeros = (w: Float32Array): number => w.reduce((n, v) => (v !== 0 ? n + 1 : n), 0);

/**
 * The weight of a sparse layer (density d < 1) as the file holds it: exactly nnz = round(d·size)
 * non-zeros. Weights that already have nnz non-zeros (an imported sparse model) are kept as they
 * are; seeded weights keep a seeded random choice of nnz positions; other stored weights keep their
 * nnz largest magnitudes (magnitude pruning, ties to the lower index). A kept value that happens to
 * be exactly 0 is nudged to the smallest normal float so the count holds.
 */
export function sparsifyWeight(
  weight: Float32Array,
  density: number,
  seeded: boolean,
  seed: number,
  name: string,
): Float32Array {
  if (density >= 1) return weight;
  const nnz = nonZeros(weight.length, density);
  if (countNonZeros(weight) === nnz) return weight;
  let mask: Uint8Array;
  if (seeded) mask = seededMask(seed, name, weight.length, nnz);
  else {
    const order = Array.from(weight.keys()).sort(
      (a, b) => Math.abs(weight[b] ?? 0) - Math.abs(weight[a] ?? 0) || a - b,
    );
    mask = new Uint8Array(weight.length);
    for (const i of order.slice(0, nnz)) mask[i] = 1;
  }
  const out = new Float32Array(weight.length);
  for (let i = 0; i < weight.length; i++)
    if (mask[i] === 1) out[i] = weight[i] === 0 ? 1.1754943508222875e-38 : (weight[i] ?? 0);
  return out;
}
