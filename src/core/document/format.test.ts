import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/builder';
import { loadDesign, parseDesign, serializeDesign } from './format';

function doc(): Record<string, unknown> {
  const g = new GraphBuilder();
  const x = g.add('Input', {}, [], 'image');
  const c = g.add('Conv2d', { outChannels: 8 }, [x], 'conv1');
  g.output(c);
  return JSON.parse(serializeDesign(g.design('tiny'))) as Record<string, unknown>;
}

const withNode = (i: number, patch: Record<string, unknown>) => {
  const d = doc();
  const nodes = d.nodes as Record<string, unknown>[];
  nodes[i] = { ...nodes[i], ...patch };
  return d;
};

describe('design documents', () => {
  it('round-trips', () => {
    const text = JSON.stringify(doc());
    const r = parseDesign(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.parse(serializeDesign(r.design))).toEqual(JSON.parse(text));
  });

  it('fills in params that are left out with defaults', () => {
    const r = loadDesign(withNode(1, { params: { outChannels: 8 } }));
    expect(r.ok && r.design.nodes[1]?.params).toMatchObject({ kernel: [3, 3], groups: 1 });
  });

  const bad: [string, unknown, RegExp][] = [
    ['not JSON', '{nope', /not valid JSON/],
    ['not an object', [], /expected a JSON object/],
    ['another format', { format: 'x' }, /not a Compact Studio design/],
    ['a future version', { ...doc(), version: 99 }, /newer than this app/],
    ['a bad version', { ...doc(), version: 'one' }, /version/],
    ['an unknown kind', withNode(1, { kind: 'Conv3d' }), /node 2 "n2" \(conv1\): unknown kind "Conv3d"/],
    ['a bad field', withNode(1, { params: { outChannels: -4 } }), /node 2 "n2" \(conv1\), field outChannels/],
    ['a bad kernel', withNode(1, { params: { kernel: [3] } }), /field kernel/],
    ['a missing position', withNode(0, { position: undefined }), /node 1 "n1" \(image\), field position/],
    ['a duplicate id', withNode(1, { id: 'n1' }), /the id is used twice/],
    [
      'an edge to nowhere',
      { ...doc(), edges: [{ id: 'e9', from: { node: 'n1', port: 0 }, to: { node: 'zz', port: 0 } }] },
      /edge 1 "e9": goes to node "zz"/,
    ],
  ];

  it.each(bad)('refuses %s with a message that says where', (_name, input, message) => {
    const r = typeof input === 'string' ? parseDesign(input) : loadDesign(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });
});
