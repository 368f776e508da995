import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from './builder';
import {
  addNode,
  connect,
  extractFragment,
  insertFragment,
  moveNodes,
  removeEdges,
  removeNodes,
  renameNode,
  updateParams,
} from './edit';
import type { Design } from './design-types';

function small(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', {}, [], 'image');
  const c = g.add('Conv2d', {}, [x], 'conv');
  g.output(c);
  return g.design('small');
}

describe('pure edits', () => {
  it('adds a node with a fresh id, a unique label and default params', () => {
    const d = small();
    const { design, nodeId } = addNode(d, 'Conv2d', { x: 5, y: 6 }, { label: 'conv' });
    expect(design.nodes).toHaveLength(4);
    const node = design.nodes.find((n) => n.id === nodeId);
    expect(node?.label).toBe('conv2');
    expect(node?.params).toMatchObject({ outChannels: 32, kernel: [3, 3] });
    expect(d.nodes).toHaveLength(3);
  });

  it('removes nodes with their edges', () => {
    const d = removeNodes(small(), ['n2']);
    expect(d.nodes.map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(d.edges).toEqual([]);
  });

  it('connects, and refuses a taken input with the reason', () => {
    const d = removeEdges(small(), ['e1']);
    const joined = connect(d, { node: 'n1', port: 0 }, { node: 'n2', port: 0 });
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    const again = connect(joined.value, { node: 'n1', port: 0 }, { node: 'n2', port: 0 });
    expect(again).toMatchObject({ ok: false, problems: [{ key: 'duplicateInputEdge' }] });
  });

  it('refuses a connection that makes a cycle', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, []);
    const a = g.add('ReLU', {}, [x], 'a');
    const b = g.add('Add', {}, [a], 'b');
    const d = g.design('c');
    expect(connect(d, b, { node: b.node, port: 1 })).toMatchObject({
      ok: false,
      problems: [{ key: 'cycle' }],
    });
    const r = connect(d, b, { node: a.node, port: 0 });
    expect(r.ok).toBe(false);
  });

  it('refuses ports that do not exist', () => {
    const d = small();
    expect(connect(d, { node: 'n1', port: 3 }, { node: 'n2', port: 0 }).ok).toBe(false);
    expect(connect(d, { node: 'n1', port: 0 }, { node: 'n1', port: 0 }).ok).toBe(false);
  });

  it('updates params and the shapes follow', () => {
    const d = updateParams(small(), 'n2', { outChannels: 8, stride: [2, 2] });
    expect(analyze(d).nodes.get('n2')?.outputShapes).toEqual([[1, 8, 112, 112]]);
  });

  it('renames, refusing a duplicate or empty name', () => {
    expect(renameNode(small(), 'n2', 'image').ok).toBe(false);
    expect(renameNode(small(), 'n2', '  ').ok).toBe(false);
    const r = renameNode(small(), 'n2', 'stem');
    expect(r.ok && r.value.nodes[1]?.label).toBe('stem');
  });

  it('moves nodes', () => {
    const d = moveNodes(small(), new Map([['n2', { x: 10, y: 20 }]]));
    expect(d.nodes[1]?.position).toEqual({ x: 10, y: 20 });
  });

  it('copies a fragment with fresh ids and labels and its inner edges only', () => {
    const d = small();
    const frag = extractFragment(d, ['n1', 'n2']);
    expect(frag.edges).toHaveLength(1);
    const { design, nodeIds } = insertFragment(d, frag, { x: 40, y: 40 });
    expect(nodeIds).toHaveLength(2);
    expect(new Set(design.nodes.map((n) => n.id)).size).toBe(5);
    expect(new Set(design.nodes.map((n) => n.label)).size).toBe(5);
    expect(design.edges).toHaveLength(3);
    const copy = design.nodes.find((n) => n.id === nodeIds[1]);
    expect(copy?.position.x).toBe((d.nodes[1]?.position.x ?? 0) + 40);
  });
});
