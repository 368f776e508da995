import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '../document/format';
import { GraphBuilder } from '../design/builder';
import { analyze } from '../analysis/analyze';
import { probeBlock } from '../../../test-support/block-probe';

describe('Stage', () => {
  it('costs exactly its units: 3 inverted residuals 24 → 32, first at stride 2', () => {
    const stage = probeBlock([24, 56, 56], (g, x) =>
      g.add(
        'Stage',
        { unit: 'InvertedResidual', repeats: 3, outChannels: 32, stride: 2, unitParams: { expansion: 6 } },
        [x],
        'stage',
      ),
    );
    expect(stage.errors).toEqual([]);
    expect(stage.shape).toEqual([1, 32, 28, 28]);
    // Hand count: unit 1 144 wide, stride 2 (no skip); units 2-3 192 wide with a skip each.
    const first = 24 * 144 + 144 * 9 + 144 * 32 + 2 * (144 + 144 + 32);
    const rest = 32 * 192 + 192 * 9 + 192 * 32 + 2 * (192 + 192 + 32);
    expect(stage.params).toBe(first + 2 * rest);
    expect(stage.multiplyAdds).toBe(
      24 * 144 * 56 * 56 + (144 * 9 + 144 * 32) * 28 * 28 + 2 * 14016 * 28 * 28,
    );
    expect(stage.layers.filter((l) => l.op === 'Add')).toHaveLength(2);
    expect(stage.layers[0]?.name).toBe('stage/0/expand');
  });

  it('names its units after the source network’s modules when given', () => {
    const r = probeBlock([16, 56, 56], (g, x) =>
      g.add(
        'Stage',
        { unit: 'InvertedResidual', repeats: 2, outChannels: 24, unitLabels: ['features.2', 'features.3'] },
        [x],
        'stage_2',
      ),
    );
    expect(r.layers.find((l) => l.op === 'Add')?.name).toBe('stage_2/features.3/residual');
  });

  it('passes the first unit its own settings (ShuffleNetV1’s ungrouped first 1×1)', () => {
    const r = probeBlock([24, 56, 56], (g, x) =>
      g.add(
        'Stage',
        {
          unit: 'ShuffleUnitV1',
          repeats: 2,
          outChannels: 240,
          stride: 2,
          unitParams: { groups: 3 },
          firstParams: { groupFirst: false },
        },
        [x],
        's',
      ),
    );
    expect(r.errors).toEqual([]);
    const groups = r.layers
      .filter((l) => l.name.endsWith('/gconv1'))
      .map((l) => (l.params as { groups: number }).groups);
    expect(groups).toEqual([1, 3]);
  });

  it('reports a unit that does not fit with the unit’s name', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 24, height: 56, width: 56 }, [], 'input');
    // Stride 1 and wider than its input: the paper's ShuffleNetV2 unit cannot do that.
    g.output(g.add('Stage', { unit: 'ShuffleUnitV2', repeats: 2, outChannels: 116 }, [x], 'stage2'));
    const a = analyze(g.design('d'));
    expect(a.diagnostics.map((d) => d.message).join(' ')).toMatch(/0: .*receives 24 channels.*not 116/);
  });

  it('refuses settings the unit does not have, at the document boundary', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', {}, [], 'input');
    g.output(g.add('Stage', { unit: 'InvertedResidual', unitParams: { groups: 3 } }, [x], 's'));
    const r = parseDesign(serializeDesign(g.design('d')));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.join(' ')).toMatch(/unitParams.groups: InvertedResidual has no setting "groups"/);
  });
});

describe('flattenStages', () => {
  it('writes a stage as its units with the same layer keys and figures', async () => {
    const { findPreset } = await import('../presets/preset-registry');
    const { flattenStages } = await import('../design/stage-edit');
    const d = findPreset('mobilenet_v2')?.build();
    if (d === undefined) throw new Error('no preset');
    const a = analyze(d);
    const b = analyze(flattenStages(d));
    expect(b.diagnostics).toEqual([]);
    expect(b.totals).toEqual(a.totals);
    expect(b.layers.map((l) => l.key)).toEqual(a.layers.map((l) => l.key));
    expect(b.design.nodes.filter((n) => n.kind === 'InvertedResidual').map((n) => n.label)).toEqual(
      Array.from({ length: 17 }, (_, i) => `features.${i + 1}`),
    );
  });
});
