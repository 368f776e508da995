import { describe, expect, it } from 'vitest';
import { chainLayout, elkLayout, layeredLayout } from './design-layout';

const box = (id: string, inputs = 1, outputs = 1) => ({ id, width: 200, height: 70, inputs, outputs });
const edge = (id: string, a: string, b: string, toPort = 0) => ({
  id,
  from: { node: a, port: 0 },
  to: { node: b, port: toPort },
});

describe('layeredLayout', () => {
  it('places every node below its predecessors, without overlaps', async () => {
    const boxes = [box('in', 0, 1), box('a'), box('b'), box('add', 2, 1), box('out', 1, 0)];
    const edges = [
      edge('1', 'in', 'a'),
      edge('2', 'a', 'b'),
      edge('3', 'a', 'add', 1),
      edge('4', 'b', 'add'),
      edge('5', 'add', 'out'),
    ];
    const pos = await layeredLayout(boxes, edges);
    expect(pos.size).toBe(5);
    const y = (id: string) => pos.get(id)?.y ?? NaN;
    expect(y('a')).toBeGreaterThan(y('in'));
    expect(y('b')).toBeGreaterThan(y('a'));
    expect(y('add')).toBeGreaterThan(y('b'));
    expect(y('out')).toBeGreaterThan(y('add'));
    const list = [...pos.entries()];
    for (const [i, p] of list)
      for (const [j, q] of list)
        if (i < j) expect(Math.abs(p.x - q.x) >= 200 || Math.abs(p.y - q.y) >= 70).toBe(true);
  });

  it('ignores edges to missing nodes or ports', async () => {
    const pos = await layeredLayout([box('a'), box('b')], [edge('1', 'a', 'zz'), edge('2', 'a', 'b', 5)]);
    expect(pos.size).toBe(2);
  });
});

describe('a chain without ELK', () => {
  /** A seeded chain of n boxes of assorted sizes. */
  const chain = (n: number, seed: number) => {
    let s = seed;
    const rand = (lo: number, hi: number): number => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return lo + Math.round((s / 2 ** 32) * (hi - lo));
    };
    const boxes = Array.from({ length: n }, (_, i) => ({
      id: `n${String(i)}`,
      width: rand(120, 320),
      height: rand(40, 140),
      inputs: i === 0 ? 0 : 1,
      outputs: i === n - 1 ? 0 : 1,
    }));
    // Listed out of order, as a design's nodes can be.
    const edges = boxes.slice(1).map((b, i) => ({
      id: `e${String(i)}`,
      from: { node: `n${String(i)}`, port: 0 },
      to: { node: b.id, port: 0 },
    }));
    return { boxes: [...boxes].reverse(), edges };
  };

  it.each([
    [1, 1],
    [2, 2],
    [7, 3],
    [25, 4],
  ])('%i boxes: exactly where ELK puts them', async (n, seed) => {
    const { boxes, edges } = chain(n, seed);
    for (const options of [{}, { layerGap: 30 }, { layerGap: 100 }]) {
      const fast = chainLayout(boxes, edges, options);
      expect(fast).toBeDefined();
      expect(fast).toEqual(await elkLayout(boxes, edges, options));
    }
  });

  it('leaves anything but a chain to ELK', () => {
    const { boxes, edges } = chain(4, 5);
    const [first, second] = edges;
    if (first === undefined || second === undefined) throw new Error('no edges');
    // A fork: one box feeds two.
    expect(chainLayout(boxes, [first, { ...second, from: first.from }, ...edges.slice(2)])).toBeUndefined();
    // A second port.
    expect(
      chainLayout(boxes, [{ ...first, to: { ...first.to, port: 1 } }, ...edges.slice(1)]),
    ).toBeUndefined();
    // An edge to a box that is not there.
    expect(
      chainLayout(boxes, [{ ...first, to: { node: 'gone', port: 0 } }, ...edges.slice(1)]),
    ).toBeUndefined();
  });
});
