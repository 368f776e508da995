import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../core/design/builder';
import { analysisOf } from '../state/analysis';
import { FlowModel, type ViewInput } from './flow-model';

function design() {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  const f = g.add('Fire', { squeeze: 8, expand1x1: 16, expand3x3: 16 }, [x], 'fire');
  g.output(g.add('ReLU', {}, [f], 'relu'));
  const d = g.design('t');
  return { ...d, nodes: d.nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 100 } })) };
}

const input = (d: ReturnType<typeof design>, open: string[] = []): ViewInput => ({
  design: d,
  analysis: analysisOf(d),
  openBlocks: new Set(open),
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  dragging: new Map(),
  measured: new Map(),
});

describe('FlowModel', () => {
  it('makes a card per node with its shape, and edges with the tensor shape', () => {
    const view = new FlowModel().build(input(design()));
    expect(view.nodes.map((n) => n.data.shape)).toEqual(['1×3×32×32', '1×32×32×32', '1×32×32×32', undefined]);
    expect(view.edges.map((e) => e.data?.shape)).toEqual(['1×3×32×32', '1×32×32×32', '1×32×32×32']);
  });

  it('keeps unchanged nodes the same objects between builds (no re-render)', () => {
    const model = new FlowModel();
    const d = design();
    const first = model.build(input(d));
    const moved = {
      ...d,
      nodes: d.nodes.map((n) => (n.label === 'relu' ? { ...n, position: { x: 50, y: 300 } } : n)),
    };
    const second = model.build(input(moved));
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[2]).not.toBe(first.nodes[2]);
  });

  it('opens a block in place: a frame with its primitives, and pushes what is below down', () => {
    const d = design();
    const fire = d.nodes.find((n) => n.kind === 'Fire')?.id ?? '';
    const view = new FlowModel().build(input(d, [fire]));
    const frame = view.nodes.find((n) => n.id === fire);
    expect(frame?.type).toBe('frame');
    const inner = view.nodes.filter((n) => n.parentId === fire);
    expect(inner.map((n) => n.data.label)).toEqual([
      'squeeze1x1',
      'squeeze_relu',
      'expand1x1',
      'expand1x1_relu',
      'expand3x3',
      'expand3x3_relu',
      'concat',
    ]);
    expect(inner[0]?.data.shape).toBe('1×8×32×32');
    expect(view.offsets.get(d.nodes[2]?.id ?? '')).toBeGreaterThan(100);
    expect(view.offsets.get(d.nodes[0]?.id ?? '')).toBe(0);
    expect(view.edges.some((e) => e.target === fire && e.targetHandle === 'out-0-inner')).toBe(true);
  });
});
