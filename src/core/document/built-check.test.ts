import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { presets } from '../presets/preset-registry';
import { surelyLoads } from './built-check';
import { checkDesign, CURRENT_VERSION, FORMAT, loadDesign } from './format';

function tiny(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', {}, [], 'image');
  const c = g.add('Conv2d', { outChannels: 8 }, [x], 'conv1');
  g.output(c);
  const d = g.design('tiny');
  const conv = d.nodes[1]?.id ?? '';
  return { ...d, weights: { source: 'file', layers: { [conv]: { weight: new Float32Array(8 * 3 * 9) } } } };
}

const loads = (d: Design): boolean => loadDesign({ format: FORMAT, version: CURRENT_VERSION, ...d }).ok;

/** The design with node i changed: a field replaced, or the node given a key of its own. */
const withNode = (d: Design, i: number, patch: Record<string, unknown>): Design => ({
  ...d,
  nodes: d.nodes.map((n, k) => (k === i ? { ...n, ...patch } : n)),
});

/** Designs loadDesign refuses, one defect each. */
const refused: [string, (d: Design) => Design][] = [
  ['a node id used twice', (d) => withNode(d, 1, { id: d.nodes[0]?.id })],
  ['an empty node id', (d) => withNode(d, 2, { id: '' })],
  ['an unknown kind', (d) => withNode(d, 1, { kind: 'Conv9d' })],
  ['an unknown setting', (d) => withNode(d, 1, { params: { outChannels: 8, kernal: 3 } })],
  ['a setting over the limit', (d) => withNode(d, 1, { params: { outChannels: 1e12 } })],
  ['a setting the schema refuses', (d) => withNode(d, 1, { params: { outChannels: -1 } })],
  ['a position that is not a number', (d) => withNode(d, 0, { position: { x: Number.NaN, y: 0 } })],
  ['a label over the longest name', (d) => withNode(d, 0, { label: 'x'.repeat(5_000) })],
  ['params nested past the limit', (d) => withNode(d, 1, { params: nested(70) })],
  [
    'an edge to a node that does not exist',
    (d) => ({
      ...d,
      edges: d.edges.map((e, k) => (k === 0 ? { ...e, to: { node: 'nowhere', port: 0 } } : e)),
    }),
  ],
  ['an edge id used twice', (d) => ({ ...d, edges: d.edges.map((e) => ({ ...e, id: 'e1' })) })],
  [
    'a negative port',
    (d) => ({ ...d, edges: d.edges.map((e, k) => (k === 0 ? { ...e, from: { ...e.from, port: -1 } } : e)) }),
  ],
  [
    'weights of a node that does not exist',
    (d) => ({ ...d, weights: { source: 'file', layers: { gone: { weight: new Float32Array(1) } } } }),
  ],
];

function nested(depth: number): Record<string, unknown> {
  let v: Record<string, unknown> = { outChannels: 8 };
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('the quick check of a design built in memory', () => {
  it.each(presets.map((p) => [p.name, p.build()] as const))(
    'passes preset %s, as loadDesign does',
    (_, d) => {
      expect(loads(d)).toBe(true);
      expect(surelyLoads(d)).toBe(true);
    },
  );

  it('passes a design with weights, as loadDesign does', () => {
    expect(loads(tiny())).toBe(true);
    expect(surelyLoads(tiny())).toBe(true);
  });

  it.each(refused)('is not sure of %s, and checkDesign then gives loadDesign’s sentence', (_, spoil) => {
    const d = spoil(tiny());
    const r = loadDesign({ format: FORMAT, version: CURRENT_VERSION, ...d });
    expect(r.ok).toBe(false);
    expect(surelyLoads(d)).toBe(false);
    expect(checkDesign(d)).toBe(r.ok ? undefined : r.errors[0]);
  });

  it('leaves what it does not know to loadDesign (a key of another kind of design)', () => {
    const d = { ...tiny(), stochasticDepth: { lastSurvival: 0.5 } };
    expect(surelyLoads(d)).toBe(false);
    expect(checkDesign(d)).toBeUndefined();
  });
});
