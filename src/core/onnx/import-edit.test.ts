import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import * as edit from '../design/edit';
import type { Design } from '../design/design-types';
import { importModel } from './import/import';
import { fitWeights } from './onnx-weights';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(gunzipSync(readFileSync(join(__dirname, '../../../fixtures/torch', `${name}.onnx.gz`))));

function imported(name: string): Design {
  const r = importModel(fixture(name), { source: `${name}.onnx` });
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

const node = (d: Design, label: string) => {
  const n = d.nodes.find((m) => m.label === label);
  if (n === undefined) throw new Error(`no ${label}`);
  return n;
};

/** The layers of one node with their weight shapes, by layer key. */
const layerShapes = (d: Design, id: string): Map<string, string> => {
  const a = analyze(d);
  const [first, end] = a.nodes.get(id)?.layers ?? [0, 0];
  return new Map(
    a.layers.slice(first, end).map((l) => [l.key, JSON.stringify([l.op, l.inputShapes, l.outputShapes])]),
  );
};

describe('an imported block keeps what the file said', () => {
  // torchvision's MobileNetV3-Small: features.4 is 24 → 40 (5×5, SE), features.5 is 40 → 40 with a
  // hidden width of 240 (t = 6) and a residual add (torchvision's inverted_residual_setting).
  const design = imported('mobilenet_v3_small.bn.op13');

  it('reads expanded widths as absolute channel counts, never as ratios of the input', () => {
    const blocks = design.nodes.filter((n) => n.kind === 'InvertedResidual');
    expect(blocks.length).toBe(11);
    for (const b of blocks)
      expect((b.params as { expandedChannels?: number }).expandedChannels).toBeTypeOf('number');
    expect((node(design, 'features.5').params as { expandedChannels?: number }).expandedChannels).toBe(240);
  });

  it('widening features.4 (40 → 48) leaves features.5’s hidden width, and keeps every weight whose shape held', () => {
    const f4 = node(design, 'features.4');
    const f5 = node(design, 'features.5');
    expect((f4.params as { outChannels?: number }).outChannels).toBe(40);
    const wide = fitWeights(
      edit.updateParams(design, f4.id, { outChannels: 48 }),
      analyze(edit.updateParams(design, f4.id, { outChannels: 48 })),
    );
    expect(node(wide, 'features.5').params).toEqual(f5.params);
    const a = analyze(wide);
    // The depthwise conv of features.5 is still 240 wide (40 · 6, not 48 · 6 = 288).
    const dw = a.layers.find((l) => l.key === `${f5.id}/depthwise`);
    expect(dw?.outputShapes[0]?.[1]).toBe(240);
    // Only features.5's expand conv reads the wider input: every other layer of features.5 has
    // the shape it had, and keeps its imported weights.
    const before = layerShapes(design, f5.id);
    const after = layerShapes(wide, f5.id);
    const changed = [...after].filter(([k, s]) => before.get(k) !== s).map(([k]) => k);
    expect(changed).toEqual([`${f5.id}/expand`]);
    for (const [k] of after) {
      if (k === `${f5.id}/expand` || design.weights?.layers[k] === undefined) continue;
      expect(wide.weights?.layers[k]).toBe(design.weights.layers[k]);
    }
    expect(wide.weights?.layers[`${f5.id}/expand`]).toBeUndefined();
  });
});
