import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import { findPreset } from '../../core/presets/preset-registry';
import { layerTable, type TableQuery } from './layer-rows';

const v2 = analyze(findPreset('mobilenet_v2')?.build() ?? { name: '', nodes: [], edges: [] });
const query: TableQuery = { filter: '', sort: 'order', descending: false, grouped: true };

describe('per-layer table', () => {
  it('groups primitives by block with subtotals that add up to the totals', () => {
    const { groups, totals } = layerTable(v2, query);
    expect(totals.multiplyAdds).toBe(300_774_272);
    expect(totals.params).toBe(3_504_872);
    const sum = groups.reduce((s, g) => s + g.subtotal.multiplyAdds, 0);
    expect(sum).toBe(totals.multiplyAdds);
    const block = groups.find((g) => g.isBlock);
    expect(block?.rows.length).toBeGreaterThan(1);
    expect(block?.rows.every((r) => r.layer.nodeId === block.nodeId)).toBe(true);
  });

  it('sorts blocks by their subtotal and rows within them', () => {
    const { groups } = layerTable(v2, { ...query, sort: 'multiplyAdds', descending: true });
    const subs = groups.map((g) => g.subtotal.multiplyAdds);
    expect(subs).toEqual([...subs].sort((a, b) => b - a));
    const rows = groups.find((g) => g.isBlock)?.rows.map((r) => r.values.multiplyAdds) ?? [];
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
  });

  it('filters by name, op or block, keeping whole-block subtotals', () => {
    const { groups } = layerTable(v2, { ...query, filter: 'depthwise' });
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) for (const r of g.rows) expect(r.layer.name.toLowerCase()).toContain('depthwise');
    const full = layerTable(v2, query).groups.find((g) => g.nodeId === groups[0]?.nodeId);
    expect(groups[0]?.subtotal).toEqual(full?.subtotal);
  });

  it('lists every layer flat when not grouped', () => {
    const { groups } = layerTable(v2, { ...query, grouped: false, sort: 'params', descending: true });
    expect(groups).toHaveLength(v2.layers.length);
    expect(groups[0]?.rows[0]?.layer.op).toBe('Linear');
  });

  it('counts no activation memory for views', () => {
    const flatten = layerTable(v2, { ...query, grouped: false, filter: 'flatten' }).groups[0]?.rows[0];
    expect(flatten?.values.activations).toBe(0);
  });
});
