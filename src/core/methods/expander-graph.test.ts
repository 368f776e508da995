import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expanderConnections, groupConnections, layersToConnectAll } from './expander-graph';

describe('expander graph', () => {
  it('is D-regular on outputs, balanced on inputs, no repeated input, deterministic per seed', () => {
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
          const reads = new Array<number>(cin).fill(0);
          for (let o = 0; o < cout; o++) {
            const row = g.slice(o * d, (o + 1) * d);
            expect(new Set(row).size).toBe(d);
            for (const i of row) reads[i] = (reads[i] ?? 0) + 1;
          }
          const lo = Math.floor((cout * d) / cin);
          for (const r of reads) expect(r === lo || r === lo + 1).toBe(true);
          expect(expanderConnections(cin, cout, d, seed)).toEqual(g);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses a fan-in above the input channels', () => {
    expect(() => expanderConnections(4, 4, 5, 0)).toThrow(/fan-in 5/);
  });

  it('a group conv with the same fan-in never connects everything; the expander does in a few layers', () => {
    // 64 channels, D = 8: a group conv (g = 8) stays block-diagonal at any depth. An expander's reach
    // grows about D-fold a layer, so log_8(64) = 2 layers is the floor; random graphs reach it or 3.
    expect(layersToConnectAll(groupConnections(64, 64, 8), 64)).toBeUndefined();
    const layers = layersToConnectAll(expanderConnections(64, 64, 8, 1), 64);
    expect(layers).toBeGreaterThanOrEqual(2);
    expect(layers).toBeLessThanOrEqual(3);
    // Dense (D = Cin) connects in one layer.
    expect(layersToConnectAll(groupConnections(16, 16, 1), 16)).toBe(1);
  });
});
