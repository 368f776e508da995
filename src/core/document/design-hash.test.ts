import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import * as edit from '../design/edit';
import type { Design } from '../design/types';
import { designHash, fnv1a64, nodeHashes } from './design-hash';

function net(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const stem = g.add('Conv2d', { outChannels: 16 }, [x], 'stem');
  const act = g.add('ReLU', {}, [stem], 'act');
  g.output(act, 'out');
  return g.design('net');
}

const idOf = (d: Design, label: string): string => d.nodes.find((n) => n.label === label)?.id ?? '';

describe('designHash', () => {
  it('is FNV-1a 64 (the published test vectors of Fowler, Noll and Vo)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    // An empty design hashes no text: the 64-bit offset basis.
    expect(designHash({ name: 'x', nodes: [], edges: [] })).toBe('cbf29ce484222325');
  });

  it('is stable: the same content gives the same 16 hex digits, in any order of keys, nodes or wires', () => {
    const d = net();
    const h = designHash(d);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    const shuffled: Design = {
      ...d,
      nodes: [...d.nodes]
        .reverse()
        .map((n) => ({ ...n, params: Object.fromEntries(Object.entries(n.params).reverse()) }) as typeof n),
      edges: [...d.edges].reverse(),
    };
    expect(designHash(shuffled)).toBe(h);
    expect(designHash(JSON.parse(JSON.stringify(d)) as Design)).toBe(h);
  });

  it('ignores positions, the design name and node labels', () => {
    const d = net();
    const stem = idOf(d, 'stem');
    const moved = edit.moveNodes(d, new Map([[stem, { x: 500, y: 900 }]]));
    const renamed = edit.renameDesign(moved, 'another name');
    const relabelled = edit.renameNode(renamed, stem, 'first');
    if (!relabelled.ok) throw new Error('rename refused');
    expect(designHash(relabelled.value)).toBe(designHash(d));
  });

  it('changes with a param, a wire or the weights', () => {
    const d = net();
    const h = designHash(d);
    const stem = idOf(d, 'stem');
    expect(designHash(edit.updateParams(d, stem, { outChannels: 24 }))).not.toBe(h);
    const rewired = edit.removeEdges(d, [d.edges[0]?.id ?? '']);
    expect(designHash(rewired)).not.toBe(h);
    const w1 = { ...d, weights: { source: 'a.onnx', layers: { [stem]: { weight: 'AAAA' } } } };
    const w2 = { ...d, weights: { source: 'a.onnx', layers: { [stem]: { weight: 'AAAB' } } } };
    expect(designHash(w1)).not.toBe(h);
    expect(designHash(w2)).not.toBe(designHash(w1));
    // The file the weights came from is not their content.
    expect(designHash({ ...w1, weights: { ...w1.weights, source: 'b.onnx' } })).toBe(designHash(w1));
  });

  it('hashes large weights by content, and a rename does not change it', () => {
    const d = net();
    const big = {
      ...d,
      weights: { source: 'big', layers: { [idOf(d, 'stem')]: { weight: 'A'.repeat(2_000_000) } } },
    };
    const first = designHash(big);
    const again = designHash({ ...big, name: 'edited' });
    expect(again).toBe(first);
  });
});

describe('nodeHashes', () => {
  it('changes only for the node whose params or inputs changed', () => {
    const d = net();
    const stem = idOf(d, 'stem');
    const act = idOf(d, 'act');
    const before = nodeHashes(d);
    const after = nodeHashes(edit.updateParams(d, stem, { outChannels: 24 }));
    expect(after.get(stem)).not.toBe(before.get(stem));
    expect(after.get(act)).toBe(before.get(act));
    expect(after.get(idOf(d, 'input'))).toBe(before.get(idOf(d, 'input')));
  });
});
