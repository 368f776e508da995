import { describe, expect, it } from 'vitest';
import { moduleGroups } from './module-groups';
import type { Design, DesignNode } from './design-types';
import { wrapColumns } from './wrap-layout';

const chain = (labels: readonly string[]): Design => ({
  name: 'chain',
  nodes: labels.map((label, i) => ({
    id: `n${String(i)}`,
    kind: 'ReLU',
    label,
    params: {},
    position: { x: 0, y: 0 },
  })),
  edges: labels.slice(1).map((_, i) => ({
    id: `e${String(i)}`,
    from: { node: `n${String(i)}`, port: 0 },
    to: { node: `n${String(i + 1)}`, port: 0 },
  })),
});

describe('module groups', () => {
  it('groups by torch module path at every level; weightless ops join the module before them', () => {
    const d = chain([
      'input',
      'features.0.0',
      'features.0.1',
      'Relu_3',
      'features.1',
      'features.2',
      'avgpool',
      'classifier.1',
      'logits',
    ]);
    const groups = moduleGroups(d);
    expect(groups.map((g) => [g.path, g.depth, g.members])).toEqual([
      ['features', 0, ['n1', 'n2', 'n3', 'n4', 'n5']],
      ['features.0', 1, ['n1', 'n2', 'n3']],
    ]);
  });

  it('puts a stage in the module its units share (MobileNetV2 built from its table)', () => {
    const d = chain(['features.0.0', 'features.0.1', 'stage_1', 'stage_2', 'features.18.0', 'classifier.1']);
    const stage = (node: DesignNode, unitLabels: string[]): DesignNode => ({
      ...node,
      kind: 'Stage',
      params: {
        unit: 'InvertedResidual',
        repeats: unitLabels.length,
        outChannels: 24,
        stride: 1,
        unitParams: {},
        firstParams: {},
        unitLabels,
      },
    });
    const nodes = d.nodes.map((n) =>
      n.label === 'stage_1'
        ? stage(n, ['features.1'])
        : n.label === 'stage_2'
          ? stage(n, ['features.2', 'features.3'])
          : n,
    );
    const groups = moduleGroups({ ...d, nodes });
    expect(groups.map((g) => [g.path, g.members])).toEqual([
      ['features', ['n0', 'n1', 'n2', 'n3', 'n4']],
      ['features.0', ['n0', 'n1']],
    ]);
  });

  it('leaves out groups of one node and groups that hold just what their parent holds', () => {
    const d = chain(['a.b.c', 'a.b.d', 'x.y']);
    expect(moduleGroups(d).map((g) => g.path)).toEqual(['a']);
  });
});

describe('wrapped layout', () => {
  it('cuts a tall chain into columns between modules, and keeps a short one whole', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `n${String(i)}`);
    const boxes = ids.map((id, i) => ({
      id,
      width: 240,
      height: 66,
      groups: [`layer${String(Math.floor(i / 10))}`],
    }));
    const positions = new Map(ids.map((id, i) => [id, { x: 0, y: i * 120 }]));
    const wrapped = wrapColumns(boxes, positions, { minHeight: 2400 });
    const columns = new Set(ids.map((id) => wrapped.get(id)?.x));
    expect(columns.size).toBeGreaterThan(1);
    // No module is split over two columns: each group's boxes share one x.
    for (let g = 0; g < 4; g++)
      expect(new Set(ids.slice(g * 10, g * 10 + 10).map((id) => wrapped.get(id)?.x)).size).toBe(1);
    // Rows keep their order top to bottom within a column.
    expect((wrapped.get('n1')?.y ?? 0) > (wrapped.get('n0')?.y ?? 0)).toBe(true);
    const short = wrapColumns(boxes.slice(0, 5), positions, { minHeight: 2400 });
    expect(new Set([...short.values()].map((p) => p.x)).size).toBe(1);
  });
});
