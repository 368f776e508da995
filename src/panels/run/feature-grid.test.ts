import { describe, expect, it } from 'vitest';
import { featureGrid, GAP } from './feature-grid';

describe('featureGrid', () => {
  it('tiles channels in a near-square grid, each stretched to its own range', () => {
    // 3 channels of 2×1: [0, 1], [5, 5], [-2, 2].
    const g = featureGrid(Float32Array.from([0, 1, 5, 5, -2, 2]), 3, 1, 2);
    expect(g.columns).toBe(2);
    expect(g.width).toBe(2 * (2 + GAP) - GAP);
    expect(g.height).toBe(2 * (1 + GAP) - GAP);
    const grey = (x: number, y: number) => g.rgba[(y * g.width + x) * 4];
    expect([grey(0, 0), grey(1, 0)]).toEqual([0, 255]);
    expect([grey(3, 0), grey(4, 0)]).toEqual([0, 0]); // a constant channel is black
    expect([grey(0, 2), grey(1, 2)]).toEqual([0, 255]);
    expect(grey(2, 0)).toBe(128); // the gap
  });
});
