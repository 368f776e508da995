import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { analyze } from './analyze';

function chain(): { g: GraphBuilder; design: Design } {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'image');
  const c = g.add('Conv2d', { outChannels: 16, stride: [2, 2] }, [x], 'stem');
  const r = g.add('ReLU', {}, [c], 'act');
  g.output(r);
  return { g, design: g.design('chain') };
}

const codes = (d: Design): string[] => analyze(d).diagnostics.map((x) => x.key);

describe('analyze', () => {
  it('infers shapes in topological order and sums costs', () => {
    const a = analyze(chain().design);
    expect(a.diagnostics).toEqual([]);
    expect(a.nodes.get('n2')?.outputShapes).toEqual([[1, 16, 16, 16]]);
    expect(a.totals.params).toBe(16 * 3 * 9);
    expect(a.totals.multiplyAdds).toBe(16 * 256 * 27);
    expect(a.layers.map((l) => l.name)).toEqual(['image', 'stem', 'act', 'output']);
  });

  it('orders nodes by dependencies, not by document order', () => {
    const { design } = chain();
    const reversed = { ...design, nodes: [...design.nodes].reverse() };
    expect(analyze(reversed).order).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('marks every node on a cycle and still analyses the rest', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, []);
    const a = g.add('Add', {}, [x], 'a');
    const b = g.add('ReLU', {}, [a], 'b');
    g.connect(b, { node: a.node, port: 1 });
    const side = g.add('Conv2d', { outChannels: 4 }, [x], 'side');
    g.output(side);
    const result = analyze(g.design('loop'));
    const cyc = result.diagnostics.filter((d) => d.key === 'cycle').map((d) => d.nodeId);
    expect(cyc.sort()).toEqual([a.node, b.node].sort());
    expect(result.nodes.get(side.node)?.outputShapes).toEqual([[1, 4, 224, 224]]);
    expect(result.diagnostics.find((d) => d.key === 'cycle')?.code).toBe('CS001');
  });

  it('reports a node after a cycle as blocked, not as on the cycle', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, []);
    const a = g.add('Add', {}, [x], 'a');
    g.connect(a, { node: a.node, port: 1 });
    const after = g.add('ReLU', {}, [a], 'after');
    g.output(after);
    const d = analyze(g.design('self loop')).diagnostics;
    expect(d.find((x) => x.nodeId === a.node)?.key).toBe('cycle');
    expect(d.find((x) => x.nodeId === after.node)?.key).toBe('upstreamError');
    expect(d.find((x) => x.nodeId === after.node)?.severity).toBe('info');
  });

  it('says which input is not connected', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, []);
    const add = g.add('Add', {}, [x], 'sum');
    g.output(add);
    const d = analyze(g.design('open')).diagnostics.find((x) => x.key === 'unconnectedInput');
    expect(d).toMatchObject({ nodeId: add.node, field: 'input 2', code: 'CS002' });
  });

  it('marks a bad node, passes "upstream" to its successors and analyses the other branch', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 32 }, []);
    const bad = g.add('Conv2d', { outChannels: 30, groups: 4 }, [x], 'bad');
    const next = g.add('ReLU', {}, [bad], 'next');
    const good = g.add('Conv2d', { outChannels: 8 }, [x], 'good');
    g.output(next);
    g.output(good, 'output2');
    const a = analyze(g.design('mixed'));
    expect(a.nodes.get(bad.node)?.diagnostics[0]?.key).toBe('groupsDoNotDivide');
    expect(a.nodes.get(next.node)?.diagnostics[0]?.key).toBe('upstreamError');
    expect(a.nodes.get(good.node)?.outputShapes).toEqual([[1, 8, 224, 224]]);
  });

  it('turns invalid params into a diagnostic naming the field', () => {
    const { design } = chain();
    const broken = {
      ...design,
      nodes: design.nodes.map((n) => (n.id === 'n2' ? { ...n, params: { ...n.params, outChannels: 0 } } : n)),
    } as Design;
    const d = analyze(broken).diagnostics.find((x) => x.key === 'invalidParams');
    expect(d).toMatchObject({ nodeId: 'n2', field: 'outChannels' });
  });

  it('ignores a second edge into one input and says so', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, []);
    const y = g.add('Input', {}, []);
    const r = g.add('ReLU', {}, [x]);
    g.connect(y, { node: r.node, port: 0 });
    g.output(r);
    expect(codes(g.design('double'))).toContain('duplicateInputEdge');
  });

  it('warns when there is no input or no output', () => {
    expect(codes({ name: 'empty', nodes: [], edges: [] })).toEqual(['noInput', 'noOutput']);
  });

  it('names the primitives of a block by its label path', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { height: 1, width: 1 }, []);
    const pool = g.add('MaxPool', { kernel: [1, 1], padding: [0, 0], stride: [1, 1] }, [x]);
    const fire = g.add('Fire', {}, [pool], 'fire2');
    g.output(fire);
    const a = analyze(g.design('block'));
    expect(a.nodes.get(fire.node)?.outputShapes).toEqual([[1, 128, 1, 1]]);
    expect(a.layers.filter((l) => l.nodeId === fire.node).map((l) => l.name)[0]).toBe('fire2/squeeze1x1');
    expect(a.layers.find((l) => l.name === 'fire2/concat')?.block).toBe('fire2');
  });
});

describe('activation memory', () => {
  it('sums every tensor and finds the peak of live tensors', () => {
    // image 3·32·32 = 3072; stem 16·16·16 = 4096; act 4096.
    const a = analyze(chain().design);
    expect(a.activations.sum).toBe(3072 + 4096 + 4096);
    // While stem runs, image and its output are live; while act runs, stem's output and act's.
    expect(a.activations.peak).toBe(8192);
  });

  it('keeps a residual input alive until the add', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 1, height: 10, width: 10 }, []); // 100
    const c1 = g.add('Conv2d', { outChannels: 4 }, [x]); // 400
    const c2 = g.add('Conv2d', { outChannels: 1 }, [c1]); // 100
    const s = g.add('Add', {}, [x, c2]); // 100
    g.output(s);
    const a = analyze(g.design('residual'));
    // At c2: x (kept for the add) + c1 + c2 = 600.
    expect(a.activations.peak).toBe(600);
    expect(a.activations.sum).toBe(700);
  });

  it('does not count views as new memory', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 8, height: 1, width: 1 }, []);
    const f = g.add('Flatten', {}, [x]);
    const d = g.add('Dropout', {}, [f]);
    const l = g.add('Linear', { outFeatures: 2 }, [d]);
    g.output(l);
    const a = analyze(g.design('views'));
    expect(a.activations.sum).toBe(8 + 2);
    expect(a.activations.peak).toBe(10);
  });
});

describe('identity of layers and inner problems', () => {
  function igc(label: string, params: { primaryGroups?: number }) {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 6, height: 4, width: 4 }, [], 'input');
    g.output(g.add('InterleavedGroupConv', params, [x], label));
    return analyze(g.design('igc'));
  }

  it('keys a block’s primitives by the block’s id and their inner labels, whatever the block is called', () => {
    const a = igc('first', {});
    const b = igc('renamed', {});
    expect(a.layers.map((l) => l.key)).toEqual(b.layers.map((l) => l.key));
    expect(a.layers.map((l) => l.name)).not.toEqual(b.layers.map((l) => l.name));
    expect(a.layers.find((l) => l.op === 'Input')?.key).toBe('n1');
    expect(a.layers.filter((l) => l.nodeId === 'n2').map((l) => l.key)).toContain('n2/primary_gconv');
  });

  it('says which primitive of a block has a problem by its path, not in the message alone', () => {
    const d = igc('block', { primaryGroups: 5 }).diagnostics.find((x) => x.severity === 'error');
    expect(d).toMatchObject({ key: 'groupsDoNotDivide', nodeId: 'n2', path: 'primary_gconv' });
  });
});
