import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { exportDesign } from '../onnx/export/onnx-export';
import { findPreset } from '../presets/preset-registry';
import { splitDepthChart, splitNetwork } from './splitnet-method';

/** Input 3×16×16 → conv 16 → BN → ReLU → conv 32 → BN → ReLU → pool → flatten → fc 10. */
function chain(width2 = 32): { design: Design; ids: Record<string, string> } {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 16, width: 16 }, [], 'input');
  const c1 = g.add('Conv2d', { outChannels: 16 }, [x], 'conv1');
  const r1 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c1], 'bn1')], 'relu1');
  const c2 = g.add('Conv2d', { outChannels: width2 }, [r1], 'conv2');
  const r2 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c2], 'bn2')], 'relu2');
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [r2], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return { design: g.design('chain'), ids: { relu1: r1.node, flatten: f.node, conv1: c1.node } };
}

const split = (d: Design, at: string, g: number): Design => {
  const r = splitNetwork(d, at, g);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};

describe('SplitNet transform', () => {
  it('before: the closed form of the chain', () => {
    const a = analyze(chain().design);
    expect(a.totals.params).toBe(16 * 3 * 9 + 32 + 32 * 16 * 9 + 64 + 32 * 10 + 10);
    expect(a.totals.multiplyAdds).toBe((16 * 3 * 9 + 32 * 16 * 9) * 256 + 320);
  });

  it('split after relu1 into 2: each conv after reads and writes half; classifier over 5 classes each', () => {
    const { design, ids } = chain();
    const a = analyze(split(design, ids.relu1 ?? '', 2));
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const conv2 = 2 * (16 * 8 * 9);
    const fc = 2 * (16 * 5 + 5);
    expect(a.totals.params).toBe(16 * 3 * 9 + 32 + conv2 + 2 * 32 + fc);
    expect(a.totals.multiplyAdds).toBe((16 * 3 * 9 + conv2) * 256 + 2 * 16 * 5);
    const out = a.layers.find((l) => l.op === 'Output');
    expect(out?.inputShapes[0]).toEqual([1, 10]);
    // The tree: one split, two branches, one concat before the output.
    expect(a.design.nodes.filter((n) => n.kind === 'Conv2d').map((n) => n.label)).toEqual([
      'conv1',
      'conv2_g1',
      'conv2_g2',
    ]);
  });

  it('split at the classifier only: Split → Linear per group → Concat over disjoint class subsets', () => {
    const { design, ids } = chain();
    const a = analyze(split(design, ids.flatten ?? '', 2));
    const fcs = a.layers.filter((l) => l.op === 'Linear');
    expect(fcs.map((l) => [l.inputShapes[0], l.outputShapes[0]])).toEqual([
      [
        [1, 16],
        [1, 5],
      ],
      [
        [1, 16],
        [1, 5],
      ],
    ]);
    expect(a.totals.params).toBe(16 * 3 * 9 + 32 + 32 * 16 * 9 + 64 + 2 * (16 * 5 + 5));
    // 10 classes in 3 groups: subsets of 4, 3 and 3 (48 features, 16 each).
    const wide = chain(48);
    const b = analyze(split(wide.design, wide.ids.flatten ?? '', 3));
    expect(b.layers.filter((l) => l.op === 'Linear').map((l) => l.outputShapes[0]?.[1])).toEqual([4, 3, 3]);
    expect(b.layers.find((l) => l.op === 'Output')?.inputShapes[0]).toEqual([1, 10]);
  });

  it('refuses a split point whose channels do not divide', () => {
    const { design, ids } = chain();
    expect(splitNetwork(design, ids.flatten ?? '', 3)).toMatchObject({
      ok: false,
      error: 'flatten writes 32 channels, which do not split into 3 equal groups.',
    });
  });

  it('says what does not divide, and refuses a split point with a skip around it', () => {
    const odd = chain(30);
    expect(splitNetwork(odd.design, odd.ids.conv1 ?? '', 4)).toMatchObject({
      ok: false,
      error: 'conv2: outChannels = 30 does not split into 4 equal groups.',
    });
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 8, height: 4, width: 4 }, []);
    const c = g.add('Conv2d', { outChannels: 8 }, [x], 'c');
    g.output(g.add('Add', {}, [c, x], 'sum'));
    const d = g.design('skip');
    const r = splitNetwork(d, c.node, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/from before the split/);
  });

  it('the split design exports and runs in onnxruntime; the classes come out in order', async () => {
    const { design, ids } = chain();
    const d = split(design, ids.relu1 ?? '', 2);
    const r = exportDesign(d);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const ops = (r.model.graph?.node ?? []).map((n) => n.opType);
    expect(ops.filter((o) => o === 'Split')).toHaveLength(1);
    expect(ops.filter((o) => o === 'Gemm')).toHaveLength(2);
    expect(ops.at(-1)).toBe('Concat');
    const s = await ort.InferenceSession.create(r.bytes);
    const out = await s.run({
      input: new ort.Tensor('float32', new Float32Array(3 * 256).fill(0.5), [1, 3, 16, 16]),
    });
    expect([...(out['output']?.dims ?? [])]).toEqual([1, 10]);
    await s.release();
  });

  it('the chart against split depth: MobileNetV2 split in 2 costs less the earlier the split', () => {
    const design = findPreset('mobilenet_v2')?.build() ?? chain().design;
    const whole = analyze(design).totals;
    const points = splitDepthChart(design, 2);
    expect(points.length).toBeGreaterThan(3);
    for (const p of points) expect(p.params).toBeLessThan(whole.params);
    const first = points[0];
    const last = points.at(-1);
    expect(first?.multiplyAdds).toBeLessThan(last?.multiplyAdds ?? 0);
    expect(first?.params).toBeLessThan(last?.params ?? 0);
  });
});
