import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { exportDesign } from '../onnx/export/onnx-export';
import { heUniform } from '../onnx/init';
import { marginalCosts, shrinkProposal, shrinkThenExpand } from './morphnet-method';

/** Input 3×8×8 → conv1 8 → bn1 → ReLU → conv2 4 → bn2 → ReLU → pool → flatten → fc 10. */
function net(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 3, height: 8, width: 8 }, [], 'input');
  const c1 = g.add('Conv2d', { outChannels: 8 }, [x], 'conv1');
  const r1 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c1], 'bn1')], 'relu1');
  const c2 = g.add('Conv2d', { outChannels: 4 }, [r1], 'conv2');
  const r2 = g.add('ReLU', {}, [g.add('BatchNorm', {}, [c2], 'bn2')], 'relu2');
  const f = g.add('Flatten', {}, [g.add('GlobalAvgPool', {}, [r2], 'pool')], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [f], 'fc'));
  return g.design('net');
}

const b64 = (v: number[] | Float32Array): Float32Array => Float32Array.from(v);

/** Trained-looking weights: bn1's γ and β are 0 on channels 1 and 3 (the regulariser's work). */
function trained(): Design {
  const he = (name: string, n: number, fan: number) => b64(heUniform(5, name, n, fan));
  const gamma = [1.2, 0, 0.8, 0.0, 1.1, 0.9, 0.7, 1.3];
  const beta = [0.1, 0, -0.2, 0, 0.05, 0.3, -0.1, 0.2];
  const design = net();
  const id = (label: string): string => design.nodes.find((n) => n.label === label)?.id ?? label;
  return {
    ...design,
    weights: {
      source: 'test',
      layers: {
        [id('conv1')]: { weight: he('c1', 8 * 27, 27) },
        [id('bn1')]: {
          weight: b64(gamma),
          bias: b64(beta),
          running_mean: b64(Array(8).fill(0.1)),
          running_var: b64(Array(8).fill(2)),
        },
        [id('conv2')]: { weight: he('c2', 4 * 72, 72) },
        [id('fc')]: { weight: he('fc', 40, 4), bias: b64(Array(10).fill(0.01)) },
      },
    },
  };
}

describe('MorphNet', () => {
  it('the cost of one more output channel, knock-on effects included (hand counts)', () => {
    const rows = marginalCosts(net());
    const conv1 = rows.find((r) => r.label === 'conv1');
    // conv1 row 3·9, bn1 γ β 2, conv2 input column 4·9; conv1 over 8·8 and conv2's 4 filters over 8·8.
    expect(conv1).toMatchObject({ params: 27 + 2 + 36, multiplyAdds: 64 * 27 + 64 * 4 * 9 });
    // conv1 +64 out +27 w; bn1 +64 +64 +2; relu1 +128; conv2 +64 in +36 w.
    expect(conv1?.memoryAccess).toBe(91 + 130 + 128 + 100);
    const conv2 = rows.find((r) => r.label === 'conv2');
    expect(conv2).toMatchObject({ params: 72 + 2 + 10, multiplyAdds: 64 * 72 + 10 });
    expect(rows.some((r) => r.label === 'fc')).toBe(false);
  });

  it('a width tied by a residual add says so instead of a number', () => {
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: 8, height: 4, width: 4 }, []);
    const c = g.add('Conv2d', { outChannels: 8 }, [x], 'c');
    g.output(g.add('Add', {}, [c, x], 'sum'));
    const [row] = marginalCosts(g.design('res'));
    expect(row?.multiplyAdds).toBeUndefined();
    expect(row?.tied?.message).toMatch(/Adds 9 channels to 8/);
  });

  it('shrink drops the channels with |γ| below the threshold; the network computes the same', async () => {
    const design = trained();
    const p = shrinkProposal(design, 0.01);
    if ('error' in p) throw new Error(p.error);
    expect(p.items.map((i) => [i.label, i.field, i.channels, i.kept])).toEqual([
      ['conv1', 'outChannels', [1, 3], undefined],
    ]);
    const saved = 2 * (27 + 2 + 36);
    expect(p.before.params - p.after.params).toBe(saved);
    // γ = β = 0 makes those channels 0 after the ReLU: removing them changes nothing downstream.
    const run = async (d: Design) => {
      const r = exportDesign(d);
      if (!r.ok) throw new Error(r.errors.join('; '));
      const s = await ort.InferenceSession.create(r.bytes);
      const x = new ort.Tensor(
        'float32',
        Float32Array.from({ length: 192 }, (_, i) => Math.cos(i / 7)),
        [1, 3, 8, 8],
      );
      const out = (await s.run({ input: x }))['output']?.data as Float32Array;
      await s.release();
      return out;
    };
    const a = await run(design);
    const b = await run(p.design);
    a.forEach((v, i) => {
      expect(b[i]).toBeCloseTo(v, 5);
    });
  });

  it('without trained weights there is nothing to read', () => {
    const p = shrinkProposal(net(), 0.01);
    expect('error' in p ? p.error : '').toMatch(/no trained weights/);
  });

  it('shrink, then the uniform expansion fits the budget', () => {
    const r = shrinkThenExpand(trained(), 0.01, { multiplyAdds: 2 * analyze(net()).totals.multiplyAdds });
    if (typeof r === 'string') throw new Error(r);
    expect(r.fit?.width).toBeGreaterThan(1);
    expect(r.fit?.analysis.totals.multiplyAdds).toBeLessThanOrEqual(2 * analyze(net()).totals.multiplyAdds);
  });
});
