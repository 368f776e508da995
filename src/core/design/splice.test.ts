import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder';
import { addNode } from './edit';
import { autoLabel, baseName } from './labels';
import { removeBridging, spliceAfter } from './splice';
import type { Design } from './design-types';

/** input → a → b → output, ids n1..n4. */
function chain(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', {}, [], 'input');
  const a = g.add('ReLU', {}, [x], 'a');
  g.output(g.add('ReLU', {}, [a], 'b'));
  return g.design('chain');
}
const wires = (d: Design) => d.edges.map((e) => `${e.from.node}>${e.to.node}`).sort();

describe('spliceAfter', () => {
  it('puts the node into the wire: a → new → b', () => {
    const added = addNode(chain(), 'Sigmoid', { x: 0, y: 0 });
    const d = spliceAfter(added.design, { node: 'n2', port: 0 }, added.nodeId);
    expect(wires(d)).toEqual(['n1>n2', 'n2>n5', 'n3>n4', 'n5>n3']);
  });

  it('branches when asked, and for a node with no output', () => {
    const added = addNode(chain(), 'Sigmoid', { x: 0, y: 0 });
    expect(wires(spliceAfter(added.design, { node: 'n2', port: 0 }, added.nodeId, true))).toEqual([
      'n1>n2',
      'n2>n3',
      'n2>n5',
      'n3>n4',
    ]);
    const out = addNode(chain(), 'Output', { x: 0, y: 0 });
    expect(wires(spliceAfter(out.design, { node: 'n2', port: 0 }, out.nodeId))).toContain('n2>n3');
  });
});

describe('spliceAfter into one wire', () => {
  it('takes over only the named wire: the other wires from the same output stay', () => {
    // a feeds b (wire e2) and, as well, a second consumer c.
    const g = new GraphBuilder();
    const x = g.add('Input', {}, [], 'input');
    const a = g.add('ReLU', {}, [x], 'a');
    const b = g.add('ReLU', {}, [a], 'b');
    const c = g.add('ReLU', {}, [a], 'c');
    g.output(g.add('Add', {}, [b, c], 'sum'));
    const d0 = g.design('fork');
    const ab = d0.edges.find((e) => e.from.node === 'n2' && e.to.node === 'n3');
    const added = addNode(d0, 'Sigmoid', { x: 0, y: 0 });
    const d = spliceAfter(added.design, { node: 'n2', port: 0 }, added.nodeId, false, ab?.id);
    const id = added.nodeId;
    expect(wires(d)).toEqual(['n1>n2', 'n2>n4', `n2>${id}`, 'n3>n5', 'n4>n5', 'n5>n6', `${id}>n3`].sort());
    // The wire keeps its id: it now leaves the new node.
    expect(d.edges.find((e) => e.id === ab?.id)?.from.node).toBe(id);
  });
});

describe('removeBridging', () => {
  it('reconnects around a deleted chain when the shapes agree', () => {
    const r = removeBridging(chain(), ['n2', 'n3'], () => true);
    expect(wires(r.design)).toEqual(['n1>n4']);
    expect(r.bridges).toEqual([{ from: { node: 'n1', port: 0 }, to: { node: 'n4', port: 0 } }]);
    expect(r.breaks).toEqual([]);
  });

  it('leaves the gap and reports it when they do not', () => {
    const r = removeBridging(chain(), ['n2'], () => false);
    expect(wires(r.design)).toEqual(['n3>n4']);
    expect(r.breaks).toEqual([{ to: { node: 'n3', port: 0 }, from: { node: 'n1', port: 0 } }]);
  });
});

describe('labels', () => {
  it.each([
    ['Conv2d', 'conv'],
    ['ShuffleUnitV2', 'shuffle_v2'],
    ['InvertedResidual', 'inverted_residual'],
    ['ReLU6', 'relu6'],
    ['MaxPool', 'max_pool'],
    ['Stage', 'stage'],
    ['FullyLearnableGroupConv', 'flgc'],
  ])('%s nodes are called %s_n', (kind, base) => {
    expect(baseName(kind)).toBe(base);
  });

  it('numbers by kind and skips names in use', () => {
    let d: Design = { name: 'd', nodes: [], edges: [] };
    for (let i = 0; i < 2; i++) d = addNode(d, 'Conv2d', { x: 0, y: 0 }).design;
    expect(d.nodes.map((n) => n.label)).toEqual(['conv_1', 'conv_2']);
    d = addNode(d, 'ReLU', { x: 0, y: 0 }, { label: 'conv_3' }).design;
    expect(autoLabel(d, 'Conv2d')).toBe('conv_4');
  });
});
