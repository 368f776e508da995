import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expanderConnections, groupConnections, layersToConnectAll } from './expander-graph';

describe('expander graph', () => {
  it('is D-regular on outputs, no repeated input, deterministic per seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.nat(1000),
        (cin, cout, dRaw, seed) => {
          const d = 1 + (dRaw % cin);
          const g = expanderConnections(cin, cout, d, seed);
          expect(g).toHaveLength(cout * d);
          for (let o = 0; o < cout; o++) {
            const row = g.slice(o * d, (o + 1) * d);
            expect(new Set(row).size).toBe(d);
            expect(row.every((i) => i >= 0 && i < cin)).toBe(true);
          }
          expect(expanderConnections(cin, cout, d, seed)).toEqual(g);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('samples as the paper: each output’s D inputs uniform, independent of the other outputs', () => {
    // Prabhu et al. 2018 (and the authors' randperm(Cin)[:D] per output): P(output reads input i) =
    // D/Cin for every i. Over 64 seeds × 64 outputs (4,096 draws of D = 8 of 64) each input is read
    // 512 times on average, sd √(4096·(1/8)(7/8)) ≈ 21; 6 sd either side bounds every input.
    const cin = 64;
    const d = 8;
    const reads = new Array<number>(cin).fill(0);
    for (let seed = 0; seed < 64; seed++)
      for (const i of expanderConnections(cin, 64, d, seed)) reads[i] = (reads[i] ?? 0) + 1;
    const mean = (64 * 64 * d) / cin;
    const sd = Math.sqrt(64 * 64 * (d / cin) * (1 - d / cin));
    for (const r of reads) expect(Math.abs(r - mean)).toBeLessThan(6 * sd);
    // Not balanced by construction: some seed reads an input more often than ⌈Cout·D/Cin⌉ = 8.
    const unbalanced = [...Array(16).keys()].some((seed) => {
      const count = new Array<number>(cin).fill(0);
      for (const i of expanderConnections(cin, 64, d, seed)) count[i] = (count[i] ?? 0) + 1;
      return count.some((c) => c > 8);
    });
    expect(unbalanced).toBe(true);
    // Outputs are drawn independently: two outputs share inputs about D²/Cin = 1 time on average.
    let shared = 0;
    for (let seed = 0; seed < 64; seed++) {
      const g = expanderConnections(cin, 2, d, seed);
      const a = new Set(g.slice(0, d));
      shared += g.slice(d).filter((i) => a.has(i)).length;
    }
    expect(shared / 64).toBeGreaterThan(0.5);
    expect(shared / 64).toBeLessThan(1.6);
  });

  it('refuses a fan-in above the input channels', () => {
    expect(() => expanderConnections(4, 4, 5, 0)).toThrow(/fan-in 5/);
  });

  it('a group conv with the same fan-in never connects everything; the expander does in a few layers', () => {
    // 64 channels, D = 8: a group conv (g = 8) stays block-diagonal at any depth. An expander's reach
    // grows about D-fold a layer, so log_8(64) = 2 layers is the floor. With outputs drawn
    // independently, three layers give each output 8³ = 512 draws over 64 inputs; one input missed
    // has probability about (63/64)^512 ≈ e^−8, times 64·64 output-input pairs ≈ 1.4 misses, so a
    // fourth layer is needed (as for every one of 50 seeds tried).
    expect(layersToConnectAll(groupConnections(64, 64, 8), 64)).toBeUndefined();
    const layers = layersToConnectAll(expanderConnections(64, 64, 8, 1), 64);
    expect(layers).toBeGreaterThanOrEqual(2);
    expect(layers).toBeLessThanOrEqual(4);
    // Dense (D = Cin) connects in one layer.
    expect(layersToConnectAll(groupConnections(16, 16, 1), 16)).toBe(1);
  });
});
