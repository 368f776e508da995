import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import * as edit from '../design/edit';
import type { Design, DesignWeights } from '../design/design-types';
import { exportDesign } from './export/onnx-export';
import { importModel } from './import/import';
import { fitWeights, weightNeeds, weightsOrigin } from './onnx-weights';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(gunzipSync(readFileSync(join(__dirname, '../../../fixtures/torch', `${name}.onnx.gz`))));

function imported(name: string): Design {
  const r = importModel(fixture(name), { source: `${name}.onnx` });
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

function exported(design: Design): { bytes: Uint8Array; notes: readonly string[] } {
  const r = exportDesign(design);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

async function logits(bytes: Uint8Array): Promise<Float32Array> {
  const n = 3 * 224 * 224;
  const data = Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
  const s = await ort.InferenceSession.create(bytes);
  const out = await s.run({ [s.inputNames[0] ?? '']: new ort.Tensor('float32', data, [1, 3, 224, 224]) });
  const result = out[s.outputNames[0] ?? '']?.data as Float32Array;
  await s.release();
  return result;
}

const rename = (design: Design, id: string, label: string): Design => {
  const r = edit.renameNode(design, id, label);
  if (!r.ok) throw new Error(r.problems[0]?.message);
  return r.value;
};

describe('imported weights are keyed by node id and inner path', () => {
  const design = imported('mobilenet_v2.bn.op13');
  const analysis = analyze(design);

  it('every key is a layer key, never a label path, and names its source', () => {
    const weights = design.weights as DesignWeights;
    expect(weights.source).toBe('mobilenet_v2.bn.op13.onnx');
    const keys = new Set(analysis.layers.map((l) => l.key));
    const ids = new Set(design.nodes.map((n) => n.id));
    const stored = Object.keys(weights.layers);
    // 52 convs and 52 batch norms, and the classifier, as torchvision's MobileNetV2 has.
    expect(stored).toHaveLength(105);
    for (const k of stored) {
      expect(keys.has(k)).toBe(true);
      expect(ids.has(k.split('/')[0] ?? '')).toBe(true);
    }
    // A block's primitives: the block's id, then the inner label the block gives them.
    const block = design.nodes.find((n) => n.kind === 'InvertedResidual');
    expect(stored).toContain(`${block?.id}/project`);
    expect(fitWeights(design, analysis)).toBe(design);
    expect(weightsOrigin(design, analysis).fresh).toEqual([]);
  });

  it('renaming every node keeps the logits of the torch file', async () => {
    let renamed = design;
    for (const n of design.nodes) renamed = rename(renamed, n.id, `renamed ${n.label}`);
    expect(fitWeights(renamed, analyze(renamed))).toBe(renamed);
    const torch = await logits(fixture('mobilenet_v2.bn.op13'));
    const after = await logits(exported(renamed).bytes);
    expect(after).toHaveLength(10);
    after.forEach((v, i) => {
      expect(v).toBeCloseTo(torch[i] ?? NaN, 4);
    });
    // The logits say something: they differ from class to class.
    expect(Math.max(...torch) - Math.min(...torch)).toBeGreaterThan(1e-3);
  });

  it('seeded initialisation follows the key too: renaming an untrained design keeps its values', () => {
    const g = new GraphBuilder();
    g.output(g.add('Conv2d', { outChannels: 4 }, [g.add('Input', { channels: 3, height: 8, width: 8 }, [])]));
    const before = g.design('plain');
    const after = rename(before, 'n2', 'stem');
    const values = (d: Design) => {
      const r = exportDesign(d);
      if (!r.ok) throw new Error(r.errors.join());
      return r.model.graph?.initializer?.map((t) => t.rawData);
    };
    expect(values(after)).toEqual(values(before));
  });
});

/** Input 3×8×8 → conv a (8 out) → conv b (16 out) → conv c (4 out) → output, every conv with weights. */
function chain(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
  const a = g.add('Conv2d', { outChannels: 8 }, [x], 'a');
  const b = g.add('Conv2d', { outChannels: 16 }, [a], 'b');
  const c = g.add('Conv2d', { outChannels: 4, kernel: [1, 1] }, [b], 'c');
  g.output(c);
  const design = g.design('chain');
  // Closed forms: out × in × kh × kw values per conv, no bias.
  const counts: Record<string, number> = { n2: 8 * 3 * 9, n3: 16 * 8 * 9, n4: 4 * 16 };
  const layers = Object.fromEntries(
    Object.entries(counts).map(([id, n]) => [
      id,
      { weight: Float32Array.from({ length: n }, (_, i) => i / n) },
    ]),
  );
  return { ...design, weights: { source: 'chain.onnx', layers } };
}

const keptKeys = (d: Design): string[] => Object.keys(d.weights?.layers ?? {}).sort();
const fit = (d: Design): Design => fitWeights(d, analyze(d));

describe('an edit drops only the weights of layers whose shape it changes', () => {
  it('knows what each layer needs from the exports’ weight list (closed forms)', () => {
    const a = analyze(chain());
    const needs = (key: string) => {
      const layer = a.layers.find((l) => l.key === key);
      if (layer === undefined) throw new Error(`no layer ${key}`);
      return Object.fromEntries(weightNeeds(layer));
    };
    expect(needs('n2')).toEqual({ weight: 8 * 3 * 9 });
    expect(needs('n3')).toEqual({ weight: 16 * 8 * 9 });
  });

  it.each([
    ['a’s width: a and b (its input) change, c keeps', { outChannels: 6 }, ['n4']],
    ['a’s stride: no weight changes shape', { stride: [2, 2] }, ['n2', 'n3', 'n4']],
    ['a’s kernel: only a changes', { kernel: [5, 5], padding: [2, 2] }, ['n3', 'n4']],
  ] as const)('%s', (_, patch, kept) => {
    expect(keptKeys(fit(edit.updateParams(chain(), 'n2', patch)))).toEqual(kept);
  });

  it('a disconnected layer keeps its weights (its shape is unknown, not changed); a removed one loses them', () => {
    const d = chain();
    const cut = edit.removeEdges(d, [d.edges[1]?.id ?? '']);
    expect(keptKeys(fit(cut))).toEqual(['n2', 'n3', 'n4']);
    expect(keptKeys(fit(edit.removeNodes(d, ['n4'])))).toEqual(['n2', 'n3']);
  });

  it('the design says which layers hold fresh initialisation, and the export notes them', () => {
    const d = fit(edit.updateParams(chain(), 'n2', { outChannels: 6 }));
    const origin = weightsOrigin(d, analyze(d));
    expect(origin.source).toBe('chain.onnx');
    expect(origin.fresh.map((l) => l.name)).toEqual(['a', 'b']);
    expect(origin.weighted).toBe(3);
    const note = exported(d).notes.find((n) => n.includes('fresh initialisation'));
    expect(note).toBe(
      '2 layers changed or added after the import from chain.onnx hold fresh initialisation (He, seed 0), not imported weights: a, b',
    );
    expect(exported(chain()).notes.some((n) => n.includes('fresh'))).toBe(false);
  });

  it('inside a block: new inner layers are fresh, and a removed one takes only its block’s weights', () => {
    const design = imported('mobilenet_v2.bn.op13');
    const block = design.nodes.find(
      (n) => n.kind === 'InvertedResidual' && design.weights?.layers[`${n.id}/expand`] !== undefined,
    );
    if (block === undefined) throw new Error('no expanding block');
    const key = `${block.id}/expand`;
    expect(design.weights?.layers[key]).toBeDefined();
    // Squeeze-excite added: new layers (fresh), the existing three convs keep their weights.
    const se = fit(edit.updateParams(design, block.id, { squeezeExcite: true }));
    expect(keptKeys(se)).toEqual(keptKeys(design));
    const fresh = weightsOrigin(se, analyze(se)).fresh.map((l) => l.key);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((k) => k.startsWith(`${block.id}/se.`))).toBe(true);
    // No expansion: the expand conv is gone, and the depthwise conv narrows, so its layers and
    // the project conv's input change; every layer outside the block keeps its weights.
    const cin = analyze(design).nodes.get(block.id)?.inputShapes[0]?.[1];
    const narrow = fit(edit.updateParams(design, block.id, { expandedChannels: cin }));
    const lost = keptKeys(design).filter((k) => !keptKeys(narrow).includes(k));
    expect(lost.length).toBeGreaterThan(0);
    expect(lost).toContain(key);
    expect(lost.every((k) => k.startsWith(`${block.id}/`))).toBe(true);
  });
});
