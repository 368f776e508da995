import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../core/analysis/analyze';
import { moveNodes } from '../core/design/edit';
import { findPreset } from '../core/presets/preset-registry';
import { buildModel, resolveTarget } from './model';
import { designKey, featureTargets } from './targets';

const preset = (name: string) => {
  const p = findPreset(name);
  if (p === undefined) throw new Error(name);
  return p.build();
};

describe('the runtime’s model adapter', () => {
  it('gives the graph’s inputs and outputs', () => {
    const r = buildModel(preset('squeezenet1_1'), { foldBatchNorm: false });
    if (!r.ok) throw new Error(r.errors.join());
    expect(r.model.inputs).toEqual([{ name: 'input', shape: [1, 3, 224, 224] }]);
    expect(r.model.outputs[0]?.shape).toEqual([1, 1000]);
  });

  it('reports a design that cannot be exported', () => {
    const d = preset('squeezenet1_1');
    const broken = { ...d, edges: d.edges.slice(1) };
    const r = buildModel(broken, { foldBatchNorm: false });
    expect(r.ok).toBe(false);
  });

  it('finds every node’s output tensor, and the extra outputs run with the analysis’ shapes', async () => {
    const design = preset('shufflenet_v2_x0_5');
    const analysis = analyze(design);
    const r = buildModel(design, { foldBatchNorm: true });
    if (!r.ok) throw new Error(r.errors.join());
    const targets = featureTargets(analysis);
    const names = new Map(targets.map((t) => [t.nodeId, resolveTarget(r.model, t)]));
    for (const [nodeId, name] of names) expect(name, nodeId).toBeDefined();
    const session = await ort.InferenceSession.create(
      r.model.withOutputs([...names.values()].flatMap((n) => n ?? [])),
    );
    const input = new ort.Tensor('float32', new Float32Array(3 * 224 * 224).fill(0.1), [1, 3, 224, 224]);
    const out = await session.run({ input });
    for (const [nodeId, name] of names) {
      const info = analysis.nodes.get(nodeId);
      // An Output node shows the tensor it marks.
      const expected = info?.outputShapes?.[0] ?? info?.inputShapes[0];
      expect([...(out[name ?? '']?.dims ?? [])], nodeId).toEqual(expected);
    }
    await session.release();
  });

  it('keys designs by what they compute, not where their cards sit', () => {
    const d = preset('squeezenet1_1');
    const moved = moveNodes(d, new Map([[d.nodes[0]?.id ?? '', { x: 999, y: 999 }]]));
    expect(designKey(moved)).toBe(designKey(d));
    expect(designKey({ ...d, name: 'renamed' })).toBe(designKey(d));
    expect(designKey({ ...d, edges: d.edges.slice(1) })).not.toBe(designKey(d));
  });
});
