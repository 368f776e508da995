import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analysis/analyze';
import type { Design } from '../../core/design/design-types';
import { loadDesign } from '../../core/document/format';
import { SPLITNET_TERMS } from '../../core/methods/splitnet-terms';
import { chosenSplitLevels, defaultSplitLevels, splitNetRequest, splitRefusal } from './splitnet-choice';
import { DEFAULT_SPLITNET } from './train-store';

function small(): Design {
  const r = loadDesign(
    JSON.parse(readFileSync(join(__dirname, '../../../fixtures/train/small-cnn.json'), 'utf8')),
  );
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.design;
}

/** The same network with its head on the flattened 64×7×7 map (no global pooling). */
function flattenedHead(): Design {
  const d = small();
  return bypass(d, d.nodes.find((n) => n.kind === 'GlobalAvgPool')?.id ?? '');
}

/** `design` without node `id`, its input joined to its output. */
function bypass(design: Design, id: string): Design {
  const before = design.edges.find((e) => e.to.node === id)?.from;
  const after = design.edges.find((e) => e.from.node === id);
  if (before === undefined || after === undefined) throw new Error(`no node ${id}`);
  return {
    ...design,
    nodes: design.nodes.filter((n) => n.id !== id),
    edges: design.edges.filter((e) => e !== after && e.to.node !== id).concat({ ...after, from: before }),
  };
}

/** An all-convolutional head: conv4 scores the 10 classes, pooled; no Linear layer to split. */
function convHead(): Design {
  const d = bypass(small(), small().nodes.find((n) => n.kind === 'Linear')?.id ?? '');
  return {
    ...d,
    nodes: d.nodes.map((n) =>
      n.kind === 'Conv2d' && n.label === 'conv4' ? { ...n, params: { ...n.params, outChannels: 10 } } : n,
    ),
  };
}

describe('the Train tab’s SplitNet choice', () => {
  const design = small();
  const analysis = analyze(design);

  it('starts from one level of two groups after the first node (conv1 of the small CNN)', () => {
    expect(defaultSplitLevels(design, analysis)).toEqual([{ at: 'n2', groups: 2 }]);
  });

  it('where the head reads a flattened map, only a split after the flatten can be learned', () => {
    const flat = flattenedHead();
    expect(analyze(flat).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(defaultSplitLevels(flat, analyze(flat))).toEqual([{ at: 'n17', groups: 2 }]);
    expect(splitRefusal(flat, [{ at: 'n5', groups: 2 }])?.error).toMatch(/fc/);
  });

  it('offers nothing to a design without a Linear classifier: every point is refused', () => {
    const conv = convHead();
    expect(analyze(conv).diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(defaultSplitLevels(conv, analyze(conv))).toBeUndefined();
  });

  it('keeps the user’s levels while they name nodes of the design, else falls back', () => {
    const own = [
      { at: 'n5', groups: 2 },
      { at: 'n12', groups: 2 },
    ];
    expect(chosenSplitLevels({ ...DEFAULT_SPLITNET, levels: own }, design, analysis)).toBe(own);
    expect(
      chosenSplitLevels({ ...DEFAULT_SPLITNET, levels: [{ at: 'gone', groups: 2 }] }, design, analysis),
    ).toEqual([{ at: 'n2', groups: 2 }]);
    expect(splitRefusal(design, own)).toBeUndefined();
  });

  it('refuses a second level that is not further along, in one sentence', () => {
    const r = splitRefusal(design, [
      { at: 'n12', groups: 2 },
      { at: 'n5', groups: 2 },
    ]);
    expect(r?.error).toBeTypeOf('string');
    expect(r?.error).not.toContain('\n');
  });

  it('asks the worker for the levels, the authors’ γ and the steps', () => {
    expect(splitNetRequest(DEFAULT_SPLITNET, [{ at: 'n5', groups: 4 }])).toEqual({
      levels: [{ at: 'n5', groups: 4 }],
      terms: SPLITNET_TERMS,
      groupingSteps: 200,
      fineTuneSteps: 100,
    });
    expect(splitNetRequest({ ...DEFAULT_SPLITNET, groupingSteps: 0 }, [{ at: 'n5', groups: 2 }])).toMatch(
      /^groupingSteps:/,
    );
  });
});
