import { describe, expect, it } from 'vitest';
import { defaultParams } from '../design/edit';
import { GraphBuilder } from '../design/builder';
import type { Design, NodeKind } from '../design/design-types';
import { findPreset } from '../presets/preset-registry';
import { analyze } from './analyze';
import { insertAfter, paramsFromWire } from './insert';

const v2 = (): Design => {
  const p = findPreset('mobilenet_v2');
  if (p === undefined) throw new Error('no preset');
  return p.build();
};
const idOf = (d: Design, label: string): string => {
  const n = d.nodes.find((m) => m.label === label);
  if (n === undefined) throw new Error(`no ${label}`);
  return n.id;
};
/** What Enter in the palette does: defaults read off the wire, then the insertion. */
function enter(d: Design, kind: NodeKind, after: string, branch = false) {
  const from = { node: idOf(d, after), port: 0 };
  const params = paramsFromWire(d, analyze(d), kind, defaultParams(kind), from) as never;
  return insertAfter(d, kind, { x: 0, y: 0 }, from, { params, branch });
}

describe('inserting after a node', () => {
  it('splices an inverted residual into MobileNetV2 at the width of the wire, with its skip', () => {
    const base = v2();
    const r = enter(base, 'InvertedResidual', 'stage_2');
    expect(r.refused).toBeUndefined();
    const a = analyze(r.design);
    expect(a.diagnostics).toEqual([]);
    // Hand count at 24 channels, 56×56, t = 6 (144 wide): expand, depthwise, project, 3 BNs.
    expect(a.totals.params - 3_504_872).toBe(24 * 144 + 144 * 9 + 144 * 24 + 2 * (144 + 144 + 24));
    expect(a.totals.multiplyAdds - 300_774_272).toBe((24 * 144 + 144 * 9 + 144 * 24) * 56 * 56);
    expect(a.layers.filter((l) => l.nodeId === r.nodeId).some((l) => l.op === 'Add')).toBe(true);
  });

  it('branches instead when asked: the new node is a dead end beside the wire', () => {
    const r = enter(v2(), 'ReLU', 'stage_2', true);
    const a = analyze(r.design);
    expect([...a.deadEnds]).toEqual([r.nodeId]);
  });

  it('gives a ShuffleNetV2 unit the width of the wire, and a unit after a unit that unit’s width', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 24, height: 56, width: 56 }, [], 'input');
    g.output(g.add('MaxPool', {}, [x], 'maxpool'));
    let d = g.design('d');
    const first = enter(d, 'ShuffleUnitV2', 'maxpool');
    expect(first.refused).toBeUndefined();
    expect(first.design.nodes.find((n) => n.id === first.nodeId)?.params).toMatchObject({ outChannels: 24 });
    d = {
      ...first.design,
      nodes: first.design.nodes.map((n) =>
        n.id === first.nodeId ? { ...n, params: { ...n.params, outChannels: 116, stride: 2 } } : n,
      ) as Design['nodes'],
    };
    const label = d.nodes.find((n) => n.id === first.nodeId)?.label ?? '';
    const second = enter(d, 'ShuffleUnitV2', label);
    expect(second.design.nodes.find((n) => n.id === second.nodeId)?.params).toMatchObject({
      outChannels: 116,
      stride: 1,
    });
    expect(analyze(second.design).diagnostics).toEqual([]);
  });

  it('keeps a conv’s own width on an image', () => {
    const g = new GraphBuilder();
    g.output(g.add('Input', {}, [], 'input'));
    const r = enter(g.design('d'), 'Conv2d', 'input');
    expect(r.design.nodes.find((n) => n.id === r.nodeId)?.params).toMatchObject({ outChannels: 32 });
  });

  it('refuses Linear after a global pool with the reason, and offers a Flatten that fixes it', () => {
    const base = v2();
    const r = enter(base, 'Linear', 'avgpool');
    expect(r.refused).toMatch(/vector/i);
    // Left unconnected: the wire from the pool is as it was.
    expect(r.design.edges).toEqual(base.edges);
    expect(r.fixes.map((f) => f.label)).toEqual(['Add a Flatten first']);
    const fixed = analyze(r.fixes[0]?.design as Design);
    expect(fixed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('offers the wire’s channels when the settings do not fit it', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 64, height: 28, width: 28 }, [], 'input');
    g.output(x);
    const d = g.design('d');
    const r = insertAfter(d, 'ShuffleUnitV2', { x: 0, y: 0 }, { node: 'n1', port: 0 });
    expect(r.refused).toMatch(/receives 64 channels/);
    expect(r.fixes.map((f) => f.label)).toEqual(['Take 64 channels from the wire']);
    expect(analyze(r.fixes[0]?.design as Design).diagnostics).toEqual([]);
  });
});
