import { describe, expect, it } from 'vitest';
import { lookupWeight, lookupsPerPosition } from './export/lookup-weight';

// An LCNN lookup weight [Cout, k, kh, kw]: s non-zeros among the k channels at each (o, y, x).
const dims = [2, 5, 1, 2] as const;
const at = (o: number, j: number, p: number): number => (o * 5 + j) * 2 + p;
const dense = Float32Array.from({ length: 20 }, (_, i) => (i % 7) - 3 + 0.5);

describe('the lookup weight as the file holds it', () => {
  it('seeded: s distinct lookups at every position, the He values as coefficients; the seed picks them', () => {
    const a = lookupWeight(dense, dims, 2, true, 1, 'n1.lookup.weight');
    expect(lookupsPerPosition(a, dims)).toBe(2);
    expect([...a].every((v, i) => v === 0 || v === dense[i])).toBe(true);
    expect(lookupWeight(dense, dims, 2, true, 1, 'n1.lookup.weight')).toEqual(a);
    const patterns = [1, 2, 3, 4, 5].map((seed) =>
      Array.from(lookupWeight(dense, dims, 2, true, seed, 'n1.lookup.weight'), (v) => (v === 0 ? 0 : 1)).join(
        '',
      ),
    );
    expect(new Set(patterns).size).toBeGreaterThan(1);
  });

  it('stored weights with another count keep their s largest magnitudes per position, ties to the lower index', () => {
    const w = new Float32Array(20);
    // Position (0, p = 0): magnitudes 1, 4, 4, 2, 3 over j = 0..4: keep j = 1, 2 (the tie at 4 both kept).
    [1, -4, 4, 2, 3].forEach((v, j) => (w[at(0, j, 0)] = v));
    // Position (0, 1): 5, 5, 5, 0, 0: the tie keeps j = 0, 1.
    [5, 5, 5, 0, 0].forEach((v, j) => (w[at(0, j, 1)] = v));
    // Position (1, 0) has one non-zero: it is kept with the next index, its 0 nudged to the smallest float.
    w[at(1, 3, 0)] = -7;
    const out = lookupWeight(w, dims, 2, false, 0, 'x');
    expect(lookupsPerPosition(out, dims)).toBe(2);
    expect([0, 1, 2, 3, 4].map((j) => out[at(0, j, 0)])).toEqual([0, -4, 4, 0, 0]);
    expect([0, 1, 2, 3, 4].map((j) => out[at(0, j, 1)])).toEqual([5, 5, 0, 0, 0]);
    expect(out[at(1, 3, 0)]).toBe(-7);
    expect(out[at(1, 0, 0)]).toBeGreaterThan(0);
    expect(out[at(1, 0, 0)]).toBeLessThan(1e-37);
  });

  it('a weight that already has s lookups everywhere is kept as it is (an imported LCNN layer)', () => {
    const once = lookupWeight(dense, dims, 3, true, 9, 'y');
    expect(lookupWeight(once, dims, 3, false, 0, 'y')).toBe(once);
  });

  it('counts per position, and says when positions differ', () => {
    expect(lookupsPerPosition(dense, dims)).toBe(5);
    const w = new Float32Array(20);
    w[at(0, 0, 0)] = 1;
    expect(lookupsPerPosition(w, dims)).toBeUndefined();
    expect(lookupsPerPosition(new Float32Array(3), dims)).toBeUndefined();
  });
});
