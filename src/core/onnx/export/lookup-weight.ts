import { seededMask } from '../init';

/** The smallest normal float: a kept coefficient that happens to be exactly 0 becomes this. */
const TINY = 1.1754943508222875e-38;

/**
 * The lookup weight of an LCNN layer (Bagherinezhad et al. 2017) as the file holds it: a kh×kw conv
 * weight of dims [Cout, k, kh, kw] with exactly `lookups` = s non-zeros among the k dictionary
 * channels at every filter position (o, y, x): the non-zero at (o, j, y, x) is the coefficient
 * c[o, y, x, t] of the lookup i[o, y, x, t] = j. Weights that already have s non-zeros at every
 * position (an imported LCNN layer) are kept; seeded weights keep a seeded choice of s distinct
 * indices per position (their He values are the coefficients); other stored weights keep their s
 * largest magnitudes per position (ties to the lower index).
 */
export function lookupWeight(
  weight: Float32Array,
  dims: readonly number[],
  lookups: number,
  seeded: boolean,
  seed: number,
  name: string,
): Float32Array {
  const [cout = 0, k = 0, kh = 1, kw = 1] = dims;
  const taps = kh * kw;
  const s = Math.min(k, Math.max(1, lookups));
  if (lookupsPerPosition(weight, dims) === s) return weight;
  const out = new Float32Array(weight.length);
  for (let o = 0; o < cout; o++)
    for (let p = 0; p < taps; p++) {
      const at = (j: number): number => (o * k + j) * taps + p;
      let chosen: number[];
      if (seeded) {
        const mask = seededMask(seed, `${name}@${o * taps + p}`, k, s);
        chosen = [...mask.keys()].filter((j) => mask[j] === 1);
      } else
        chosen = Array.from({ length: k }, (_, j) => j)
          .sort((a, b) => Math.abs(weight[at(b)] ?? 0) - Math.abs(weight[at(a)] ?? 0) || a - b)
          .slice(0, s);
      for (const j of chosen) out[at(j)] = weight[at(j)] === 0 ? TINY : (weight[at(j)] ?? 0);
    }
  return out;
}

/**
 * The number of non-zeros every filter position (o, y, x) of a [Cout, k, kh, kw] weight holds
 * among its k channels, or undefined when positions differ (the weight is no lookup pattern).
 */
export function lookupsPerPosition(weight: Float32Array, dims: readonly number[]): number | undefined {
  const [cout = 0, k = 0, kh = 1, kw = 1] = dims;
  const taps = kh * kw;
  if (weight.length !== cout * k * taps) return undefined;
  let count: number | undefined;
  for (let o = 0; o < cout; o++)
    for (let p = 0; p < taps; p++) {
      let n = 0;
      for (let j = 0; j < k; j++) if ((weight[(o * k + j) * taps + p] ?? 0) !== 0) n++;
      if (count === undefined) count = n;
      else if (count !== n) return undefined;
    }
  return count;
}
