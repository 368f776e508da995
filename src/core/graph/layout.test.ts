import { describe, expect, it } from 'vitest';
import { layeredLayout } from './layout';

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
