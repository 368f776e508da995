import { describe, expect, it } from 'vitest';
import { addNode, connect, removeNodes, renameNode, updateParams } from '../design/edit';
import type { Design, NodeOfKind } from '../design/design-types';
import { findPreset } from '../presets/preset-registry';
import { analyze } from './analyze';
import { diffDesigns } from './diff';

const build = (name: string): Design => {
  const p = findPreset(name);
  if (p === undefined) throw new Error(`missing preset ${name}`);
  return p.build();
};
const count = (d: ReturnType<typeof diffDesigns>, status: string) =>
  d.nodes.filter((n) => n.status === status).length;

describe('design diff, by structure', () => {
  it('finds nothing between a design and itself', () => {
    const a = analyze(build('mobilenet_v2'));
    const d = diffDesigns(a, a);
    expect(d.nodes.every((n) => n.status === 'same')).toBe(true);
    expect(d.totals.delta.multiplyAdds).toBe(0);
  });

  it('reports a changed stage with its settings and cost delta', () => {
    const base = build('mobilenet_v2');
    const stage = base.nodes.find((n) => n.label === 'stage_2') as NodeOfKind<'Stage'>;
    const current = updateParams(base, stage.id, { unitParams: { expansion: 4 } });
    const d = diffDesigns(analyze(base), analyze(current));
    const changed = d.nodes.filter((n) => n.status === 'changed');
    expect(changed.map((n) => n.label)).toEqual(['stage_2']);
    expect(changed[0]?.changes).toEqual(['expansion 6 → 4']);
    expect(changed[0]?.delta.multiplyAdds).toBeLessThan(0);
    expect(d.totals.delta.multiplyAdds).toBe(changed[0]?.delta.multiplyAdds);
  });

  it('pairs by place and kind, not by name: a renamed node is the same node', () => {
    const base = build('mobilenet_v2');
    const renamed = renameNode(base, base.nodes[3]?.id ?? '', 'something_else');
    if (!renamed.ok) throw new Error('rename failed');
    const d = diffDesigns(analyze(base), analyze(renamed.value));
    expect(count(d, 'same')).toBe(base.nodes.length);
  });

  it('reads MobileNetV1 against its full-conv version as 13 changed layers', () => {
    const d = diffDesigns(analyze(build('mobilenet_v1_conv')), analyze(build('mobilenet_v1')));
    expect([count(d, 'changed'), count(d, 'added'), count(d, 'removed')]).toEqual([13, 0, 0]);
    const first = d.nodes.find((n) => n.status === 'changed');
    expect(first?.label).toBe('conv_ds_1');
    expect(first?.changes[0]).toBe('replaces conv2, conv2_bn, conv2_relu');
  });

  it('marks added and removed nodes', () => {
    const base = build('mobilenet_v2');
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
