import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import * as edit from '../design/edit';
import type { Design } from '../design/design-types';
import { currentTrainedHash, designHash, fnv1a64, nodeHashes, trainedHash } from './design-hash';
import { parseDesign, serializeDesign } from './format';
import type { TrainingResult } from './results';
import { defaultRecipe } from '../train/train-recipe';

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
    const w1 = {
      ...d,
      weights: { source: 'a.onnx', layers: { [stem]: { weight: Float32Array.from([0]) } } },
    };
    const w2 = {
      ...d,
      weights: { source: 'a.onnx', layers: { [stem]: { weight: Float32Array.from([1]) } } },
    };
    expect(designHash(w1)).not.toBe(h);
    expect(designHash(w2)).not.toBe(designHash(w1));
    // The file the weights came from is not their content.
    expect(designHash({ ...w1, weights: { ...w1.weights, source: 'b.onnx' } })).toBe(designHash(w1));
  });

  it('hashes large weights by content, and a rename does not change it', () => {
    const d = net();
    const big = {
      ...d,
      weights: { source: 'big', layers: { [idOf(d, 'stem')]: { weight: new Float32Array(2_000_000) } } },
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

/** FNV-1a 32 as Fowler, Noll and Vo define it, on UTF-16 units: what the browser's trainer recorded before. */
function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const weighted = (d: Design): Design => ({
  ...d,
  weights: { source: 'trained', layers: { [idOf(d, 'stem')]: { weight: Float32Array.from([0]) } } },
});

describe('trainedHash, the hash a training result records', () => {
  it('leaves the weights out: training changes them, not the design it trained', () => {
    const d = net();
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(trainedHash(weighted(d))).toBe(trainedHash(d));
    expect(trainedHash(d)).toBe(designHash(d));
    expect(designHash(weighted(d))).not.toBe(designHash(d));
  });

  it("makes current a result's hash from earlier builds that names this design, and keeps one that does not", () => {
    const d = weighted(net());
    const legacy = fnv1a32(
      JSON.stringify({
        nodes: d.nodes.map((n) => [n.id, n.kind, n.params]),
        edges: d.edges.map((e) => [e.from.node, e.from.port, e.to.node, e.to.port]),
      }),
    );
    expect(currentTrainedHash(legacy, d)).toBe(trainedHash(d));
    expect(currentTrainedHash(designHash(d), d)).toBe(trainedHash(d));
    expect(currentTrainedHash('0123abcd', d)).toBe('0123abcd');
    expect(currentTrainedHash('0123456789abcdef', d)).toBe('0123456789abcdef');
    expect(currentTrainedHash(trainedHash(d), d)).toBe(trainedHash(d));
  });

  it('upgrades the hashes of saved results when a document is loaded', () => {
    const d = weighted(net());
    const result = (designHash: string): TrainingResult => ({
      id: designHash,
      engine: 'pytorch',
      dataset: { name: 'fashion-mnist', split: 'test', classes: 10, trainImages: 60000, evalImages: 10000 },
      top1: 0.9,
      loss: 0.3,
      epochs: 1,
      steps: 100,
      recipe: defaultRecipe('fashion-mnist'),
      date: '2026-12-07T12:00:00Z',
      seconds: 1,
      designHash,
      costs: { params: 1, multiplyAdds: 1, memoryAccess: 1 },
    });
    const loaded = parseDesign(
      serializeDesign({ ...d, results: [result(designHash(d)), result('0123abcd')] }),
    );
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    expect(loaded.design.results?.map((r) => r.designHash)).toEqual([trainedHash(d), '0123abcd']);
  });
});
