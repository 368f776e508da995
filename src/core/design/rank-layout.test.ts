import { describe, expect, it } from 'vitest';
import { rankLayout } from './rank-layout';

const box = (id: string) => ({ id, width: 100, height: 40 });
const edge = (id: string, a: string, b: string) => ({
  id,
  from: { node: a, port: 0 },
  to: { node: b, port: 0 },
});

describe('rankLayout', () => {
  it('puts a chain in one column, one row per node', () => {
    const r = rankLayout([box('a'), box('b'), box('c')], [edge('e1', 'a', 'b'), edge('e2', 'b', 'c')]);
    expect(r.positions.get('a')).toEqual({ x: 0, y: 0 });
    expect(r.positions.get('b')).toEqual({ x: 0, y: 84 });
    expect(r.positions.get('c')).toEqual({ x: 0, y: 168 });
    expect(r.width).toBe(100);
    expect(r.height).toBe(208);
  });

  it('puts parallel branches side by side and joins below the deepest', () => {
    const boxes = [box('s'), box('l'), box('r'), box('r2'), box('j')];
    const edges = [
      edge('1', 's', 'l'),
      edge('2', 's', 'r'),
      edge('3', 'r', 'r2'),
      edge('4', 'l', 'j'),
      edge('5', 'r2', 'j'),
    ];
    const r = rankLayout(boxes, edges);
    expect(r.positions.get('l')?.y).toBe(r.positions.get('r')?.y);
    expect(r.positions.get('l')?.x).toBeLessThan(r.positions.get('r')?.x ?? 0);
    expect(r.positions.get('j')?.y).toBeGreaterThan(r.positions.get('r2')?.y ?? 0);
    expect(r.width).toBe(224);
  });

  it('ignores edges that point backwards or nowhere', () => {
    const r = rankLayout([box('a'), box('b')], [edge('1', 'b', 'a'), edge('2', 'a', 'zz')]);
    expect(r.positions.get('a')?.y).toBe(0);
    expect(r.positions.get('b')?.y).toBe(0);
  });
});
