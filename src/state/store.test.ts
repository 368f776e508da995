import { beforeEach, describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import { createStudioStore, type StudioStore } from './store';
import { analysisOf } from './analysis';

function chain(): ReturnType<GraphBuilder['design']> {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const c = g.add('Conv2d', { outChannels: 16 }, [x], 'conv');
  const r = g.add('ReLU', {}, [c], 'relu');
  g.output(r);
  return g.design('test');
}

const label = (s: StudioStore, id: string) => s.getState().design.nodes.find((n) => n.id === id)?.label;
const idOf = (s: StudioStore, l: string) => s.getState().design.nodes.find((n) => n.label === l)?.id ?? '';

describe('the studio store', () => {
  let store: StudioStore;
  beforeEach(() => {
    store = createStudioStore();
    store.getState().replaceDesign(chain(), { fresh: true });
  });

  it('starts with an empty history after a fresh design', () => {
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('adds a node, selects it, and connects it after a given node', () => {
    const relu = idOf(store, 'relu');
    const id = store.getState().addNode('BatchNorm', { x: 0, y: 400 }, { after: relu });
    expect(store.getState().selectedNodes).toEqual([id]);
    expect(label(store, id)).toBe('batch_norm_1');
    const edges = store.getState().design.edges.filter((e) => e.to.node === id);
    expect(edges).toEqual([
      expect.objectContaining({ from: { node: relu, port: 0 }, to: { node: id, port: 0 } }),
    ]);
  });

  it('refuses a cycle and a second edge into one input, with the reason, and changes nothing', () => {
    const a = store.getState().addNode('ReLU', { x: 300, y: 0 });
    const b = store.getState().addNode('ReLU', { x: 300, y: 100 });
    expect(store.getState().connectPorts({ node: a, port: 0 }, { node: b, port: 0 }).ok).toBe(true);
    const before = store.getState().design;
    const history = store.temporal.getState().pastStates.length;
    const cycle = store.getState().connectPorts({ node: b, port: 0 }, { node: a, port: 0 });
    expect(!cycle.ok && cycle.reason).toMatch(/cycle/);
    const taken = store
      .getState()
      .connectPorts({ node: idOf(store, 'input'), port: 0 }, { node: idOf(store, 'relu'), port: 0 });
    expect(!taken.ok && taken.reason).toMatch(/already connected/);
    expect(store.getState().design).toBe(before);
    expect(store.temporal.getState().pastStates).toHaveLength(history);
  });

  it('refuses a connection whose shapes cannot meet', () => {
    const flat = store.getState().addNode('Flatten', { x: 300, y: 0 });
    store.getState().connectPorts({ node: idOf(store, 'input'), port: 0 }, { node: flat, port: 0 });
    const conv = store.getState().addNode('Conv2d', { x: 300, y: 200 });
    const v = store.getState().connectPorts({ node: flat, port: 0 }, { node: conv, port: 0 });
    expect(!v.ok && v.reason).toMatch(/feature map/);
  });

  it('undoes and redoes every change of the design, but not selection changes', () => {
    const conv = idOf(store, 'conv');
    store.getState().setParams(conv, { outChannels: 24 });
    store.getState().select([conv]);
    store.getState().removeSelected();
    expect(store.getState().design.nodes).toHaveLength(3);
    store.temporal.getState().undo();
    expect(store.getState().design.nodes).toHaveLength(4);
    store.temporal.getState().undo();
    expect(analysisOf(store.getState().design).nodes.get(conv)?.outputShapes?.[0]).toEqual([1, 16, 32, 32]);
    store.temporal.getState().redo();
    expect(analysisOf(store.getState().design).nodes.get(conv)?.outputShapes?.[0]).toEqual([1, 24, 32, 32]);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('merges quick edits of one field into one undo step', () => {
    const conv = idOf(store, 'conv');
    store.getState().setParams(conv, { outChannels: 1 }, 'outChannels');
    store.getState().setParams(conv, { outChannels: 12 }, 'outChannels');
    store.getState().setParams(conv, { outChannels: 128 }, 'outChannels');
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().setParams(conv, { groups: 2 }, 'groups');
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    store.temporal.getState().undo();
    store.temporal.getState().undo();
    expect(store.getState().design.nodes.find((n) => n.id === conv)?.params).toMatchObject({
      outChannels: 16,
    });
  });

  it('moves nodes in one step (a drag is written once, on drop)', () => {
    const conv = idOf(store, 'conv');
    store.getState().moveNodes(new Map([[conv, { x: 500, y: 60 }]]));
    expect(store.getState().design.nodes.find((n) => n.id === conv)?.position).toEqual({ x: 500, y: 60 });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('duplicates the selection with fresh names and the edges among it', () => {
    store.getState().select([idOf(store, 'conv'), idOf(store, 'relu')]);
    store.getState().duplicateSelected();
    const s = store.getState();
    expect(s.design.nodes.map((n) => n.label)).toEqual(['input', 'conv', 'relu', 'output', 'conv2', 'relu2']);
    expect(s.selectedNodes).toHaveLength(2);
    const copies = new Set(s.selectedNodes);
    expect(s.design.edges.filter((e) => copies.has(e.from.node) && copies.has(e.to.node))).toHaveLength(1);
  });

  it('renames with a reason when the name is taken', () => {
    expect(store.getState().renameNode(idOf(store, 'conv'), 'relu')).toMatch(/already called/);
    expect(store.getState().renameNode(idOf(store, 'conv'), 'stem')).toBeUndefined();
    expect(idOf(store, 'stem')).not.toBe('');
  });

  it('saves a selection as a user block at the origin, and inserts it again', () => {
    store.getState().select([idOf(store, 'conv'), idOf(store, 'relu')]);
    const block = store.getState().saveSelectionAsBlock('  conv-relu ');
    expect(block?.name).toBe('conv-relu');
    expect(Math.min(...(block?.fragment.nodes.map((n) => n.position.y) ?? []))).toBe(0);
    const ids = store
      .getState()
      .insertFragment(block?.fragment ?? { nodes: [], edges: [] }, { x: 400, y: 400 });
    expect(ids).toHaveLength(2);
    expect(store.getState().design.nodes).toHaveLength(6);
  });

  it('toggles blocks open and forgets open blocks that are deleted', () => {
    const fire = store.getState().addNode('Fire', { x: 0, y: 0 });
    store.getState().toggleBlock(fire);
    expect(store.getState().openBlocks).toEqual([fire]);
    store.getState().removeSelected();
    expect(store.getState().openBlocks).toEqual([]);
  });
});

describe('imported weights through edits, undo and redo', () => {
  // conv: 16 × 3 × 3 × 3 values (closed form), no bias.
  const weighted = () => ({
    ...chain(),
    weights: { source: 'test.onnx', layers: { n2: { weight: new Float32Array(16 * 27) } } },
  });
  const kept = (s: StudioStore) => Object.keys(s.getState().design.weights?.layers ?? {});

  it('renaming and moving keep them; a width change drops them; undo brings them back', () => {
    const store = createStudioStore();
    store.getState().replaceDesign(weighted(), { fresh: true });
    store.getState().renameNode('n2', 'stem');
    store.getState().moveNodes(new Map([['n2', { x: 500, y: 500 }]]));
    expect(kept(store)).toEqual(['n2']);
    store.getState().setParams('n2', { outChannels: 8 });
    expect(kept(store)).toEqual([]);
    store.temporal.getState().undo();
    expect(kept(store)).toEqual(['n2']);
    store.temporal.getState().redo();
    expect(kept(store)).toEqual([]);
  });

  it('typing 16 over 16 passes through 1, yet keeps the weights that fit 16', () => {
    const store = createStudioStore();
    store.getState().replaceDesign(weighted(), { fresh: true });
    store.getState().setParams('n2', { outChannels: 1 }, 'outChannels');
    expect(kept(store)).toEqual([]);
    store.getState().setParams('n2', { outChannels: 16 }, 'outChannels');
    expect(kept(store)).toEqual(['n2']);
    // One undo step for the typing.
    store.temporal.getState().undo();
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
