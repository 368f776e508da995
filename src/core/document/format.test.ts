import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
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
    ['an unknown kind', withNode(1, { kind: 'Conv3d' }), /node 2 "conv1" \(id "n2"\): unknown kind "Conv3d"/],
    [
      'a bad field',
      withNode(1, { params: { outChannels: -4 } }),
      /node 2 "conv1" \(id "n2"\), field outChannels: must be at least 1/,
    ],
    ['a bad kernel', withNode(1, { params: { kernel: [3] } }), /field kernel/],
    [
      'a missing position',
      withNode(0, { position: undefined }),
      /node 1 "image" \(id "n1"\), field position: must be an object/,
    ],
    ['a duplicate id', withNode(1, { id: 'n1' }), /the id is used twice/],
    [
      'weights of a node that does not exist',
      { ...doc(), weights: { source: 'x.onnx', layers: { 'n9/expand': { weight: 'AAAAAA==' } } } },
      /weights, layer "n9\/expand": belongs to node "n9", which does not exist/,
    ],
    [
      'weights that are not base64',
      { ...doc(), weights: { source: 'x.onnx', layers: { n2: { weight: 'not base64!' } } } },
      /field weights\.layers\.n2\.weight/,
    ],
    [
      'weights of bytes that are not whole float32 values',
      { ...doc(), weights: { source: 'x.onnx', layers: { n2: { weight: 'AAA=' } } } },
      /field weights\.layers\.n2\.weight: not base64 of float32 values/,
    ],
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

describe('version 1 documents', () => {
  /** A version-1 file as the app wrote it: imported weights keyed by layer label path. */
  function v1(): Record<string, unknown> {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, [], 'image');
    const b = g.add('InvertedResidual', { outChannels: 16 }, [x], 'features/1');
    const c = g.add('Conv2d', { outChannels: 8 }, [b], 'features/1.head');
    g.output(c);
    const d = JSON.parse(serializeDesign(g.design('MobileNetV2'))) as Record<string, unknown>;
    return {
      ...d,
      version: 1,
      weights: {
        'features/1/expand': { weight: 'AACAPw==' },
        'features/1/project_bn': { running_mean: 'AAAAAA==' },
        'features/1.head': { weight: 'AAAAQA==' },
        gone: { weight: 'AAAAAA==' },
      },
    };
  }

  it('come back with their weights keyed by node id and inner path, naming the design as source', () => {
    const r = loadDesign(v1());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // "features/1.head" is its own node, though it starts with the block's label "features/1".
    // Base64 of little-endian float32 in the file ("AACAPw==" is 1, "AAAAQA==" is 2), float32 in memory.
    expect(r.design.weights).toEqual({
      source: 'MobileNetV2',
      layers: {
        'n2/expand': { weight: Float32Array.from([1]) },
        'n2/project_bn': { running_mean: Float32Array.from([0]) },
        n3: { weight: Float32Array.from([2]) },
      },
    });
    const saved = JSON.parse(serializeDesign(r.design)) as { version: number; weights: unknown };
    expect(saved.version).toBe(2);
    expect(saved.weights).toEqual({
      source: 'MobileNetV2',
      layers: {
        'n2/expand': { weight: 'AACAPw==' },
        'n2/project_bn': { running_mean: 'AAAAAA==' },
        n3: { weight: 'AAAAQA==' },
      },
    });
  });

  it('without weights load unchanged', () => {
    const { weights, ...plain } = v1();
    const r = loadDesign(plain);
    expect(r.ok && r.design.weights).toBeUndefined();
  });
});

/** A value nested `depth` objects deep: {a: {a: … {}}}. */
export function nested(depth: number): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  let at = top;
  for (let i = 1; i < depth; i++) {
    const inner: Record<string, unknown> = {};
    at['a'] = inner;
    at = inner;
  }
  return top;
}

describe('hostile documents are one sentence', () => {
  it('settings nested 4,000 levels deep: refused by the nesting limit, not a stack overflow', () => {
    const d = withNode(1, { params: { outChannels: 8, extra: nested(4000) } });
    const r = parseDesign(JSON.stringify(d));
    expect(r.ok ? 'loaded' : r.errors).toEqual([
      expect.stringMatching(
        /^document: the value at "nodes\.1\.params\.extra\.a\.a.*" .*nests above the deepest nesting \(64; see docs\/limits\.md\)$/,
      ),
    ]);
  });

  it('a depth within the limit reaches the settings check as before', () => {
    const r = loadDesign(withNode(1, { params: { outChannels: 8, extra: nested(10) } }));
    expect(r.ok ? 'loaded' : r.errors.join('; ')).toMatch(/field "?extra"?: unknown setting/);
  });

  it('an expansion of 5e-324 is refused with its plausible bound', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 16 }, [], 'image');
    const b = g.add('ShiftBlock', { outChannels: 16 }, [x], 'shift');
    g.output(b);
    const d = JSON.parse(serializeDesign(g.design('tiny'))) as { nodes: { params: object }[] };
    const node = d.nodes[1];
    if (node !== undefined) node.params = { ...node.params, expansion: 5e-324 };
    const r = loadDesign(d);
    expect(r.ok ? 'loaded' : r.errors.join('; ')).toMatch(
      /field "?expansion"?: must be at least 0\.0000152587890625/,
    );
  });
});
