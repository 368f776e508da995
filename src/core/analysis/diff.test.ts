import { describe, expect, it } from 'vitest';
import { addNode, connect, removeNodes, updateParams } from '../graph/edit';
import { findPreset } from '../presets/registry';
import { analyze } from './analyze';
import { diffDesigns } from './diff';

const v2 = () => {
  const p = findPreset('mobilenet_v2');
  if (p === undefined) throw new Error('missing preset');
  return p.build();
};

describe('design diff', () => {
  it('finds nothing between a design and itself', () => {
    const a = analyze(v2());
    const d = diffDesigns(a, a);
    expect(d.nodes.every((n) => n.status === 'same')).toBe(true);
    expect(d.totals.delta.multiplyAdds).toBe(0);
  });

  it('reports a changed block with its settings and cost delta', () => {
    const base = v2();
    const block = base.nodes.find((n) => n.kind === 'InvertedResidual' && n.label === 'features.3');
    if (block === undefined) throw new Error('no features.3');
    const current = updateParams(base, block.id, { expansion: 4 });
    const d = diffDesigns(analyze(base), analyze(current));
    const changed = d.nodes.filter((n) => n.status === 'changed');
    expect(changed.map((n) => n.label)).toEqual(['features.3']);
    expect(changed[0]?.changes).toEqual(['expansion 6 → 4']);
    expect(changed[0]?.delta.multiplyAdds).toBeLessThan(0);
    expect(d.totals.delta.multiplyAdds).toBe(changed[0]?.delta.multiplyAdds);
  });

  it('marks added and removed nodes', () => {
    const base = v2();
    const drop = base.nodes.find((n) => n.kind === 'Dropout');
    if (drop === undefined) throw new Error('no dropout');
    let current = removeNodes(base, [drop.id]);
    const added = addNode(current, 'ReLU', { x: 0, y: 0 }, { label: 'extra' });
    current = added.design;
    const src = current.nodes.find((n) => n.kind === 'Flatten');
    if (src !== undefined) {
      const r = connect(current, { node: src.id, port: 0 }, { node: added.nodeId, port: 0 });
      if (r.ok) current = r.value;
    }
    const d = diffDesigns(analyze(base), analyze(current));
    expect(d.nodes.filter((n) => n.status === 'removed').map((n) => n.kind)).toEqual(['Dropout']);
    expect(d.nodes.filter((n) => n.status === 'added').map((n) => n.label)).toEqual(['extra']);
  });
});
