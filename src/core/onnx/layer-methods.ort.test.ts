import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import { expanderConnections } from '../methods/expander-graph';
import { exportDesign } from './export/onnx-export';
import { importModel } from './import/import';
import { countFile } from '../../../test-support/onnx-count';
import { readModel } from './ir/read';
import { encodeModel, pb, type P } from './proto';

/** Conformance of the layer-level kinds: LcclConv (a block) and ExpanderConv2d (an op). */

function lcclNet(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 8, height: 9, width: 9 }, [], 'input');
  const a = g.add('LcclConv', { outChannels: 16, kernel: 3, stride: 2, zeroRatio: 0.4 }, [x], 'lccl1');
  g.output(g.add('LcclConv', { outChannels: 12, kernel: 5 }, [a], 'lccl2'), 'out');
  return g.design('lccl net');
}

function expanderNet(): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 12, height: 10, width: 10 }, [], 'input');
  const a = g.add('ExpanderConv2d', { outChannels: 24, fanIn: 4, seed: 7 }, [x], 'xconv1');
  const b = g.add(
    'ExpanderConv2d',
    { outChannels: 6, fanIn: 3, kernel: [1, 1], padding: [0, 0], stride: [2, 2], bias: true },
    [a],
    'xconv2',
  );
  g.output(b, 'out');
  return g.design('expander net');
}

/** The design with the weight of its node labelled "conv" given (weights are keyed by node id). */
function withWeights(design: Design, weight: Float32Array): Design {
  const id = design.nodes.find((n) => n.label === 'conv')?.id ?? '';
  return { ...design, weights: { source: 'test', layers: { [id]: { weight } } } };
}

function exported(design: Design) {
  const r = exportDesign(design);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r;
}

function randomInput(n: number, seed = 3): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    out[i] = ((s >>> 8) / 16777216) * 2 - 1;
  }
  return out;
}

/** Runs the file with every value_info tensor as an extra output. */
async function runAll(bytes: Uint8Array, inputShape: readonly number[]) {
  const model = pb.ModelProto.decode(bytes);
  const graph = model.graph as P.GraphProto;
  const declared = new Map<string, number[]>();
  for (const v of [...graph.output, ...graph.valueInfo])
    declared.set(v.name ?? '', v.type?.tensorType?.shape?.dim?.map((d) => Number(d.dimValue)) ?? []);
  graph.output.push(...graph.valueInfo.map((v) => ({ ...v })));
  const session = await ort.InferenceSession.create(encodeModel(model), {
    graphOptimizationLevel: 'disabled',
  });
  const n = inputShape.reduce((a, b) => a * b, 1);
  const out = await session.run({ input: new ort.Tensor('float32', randomInput(n), [...inputShape]) });
  await session.release();
  return { out, declared };
}

describe.each([
  ['LcclConv', lcclNet],
  ['ExpanderConv2d', expanderNet],
])('%s conformance', (kind, build) => {
  it('the file counts the design’s params, multiply-adds and conv/FC memory access', () => {
    const design = build();
    const a = analyze(design);
    const read = readModel(exported(design).bytes);
    if (!read.ok) throw new Error(read.error);
    const f = countFile(read.graph);
    // The design counts an X-Conv as every conv (input + output + weights): its own kernel reads the
    // input in place through the graph. The file's Conv (group = Cout) reads the Gather's copy of
    // Cout·D maps instead of the Cin maps, so the file counts (Cout·D − Cin)·H·W more per layer.
    const gathered = a.layers
      .filter((l) => l.op === 'ExpanderConv2d')
      .reduce((sum, l) => {
        const p = l.params as { outChannels: number; fanIn: number };
        const [, cin = 0, h = 0, w = 0] = l.inputShapes[0] ?? [];
        return sum + (p.outChannels * p.fanIn - cin) * h * w;
      }, 0);
    expect([f.params, f.multiplyAdds, f.memoryAccessConvFc]).toEqual([
      a.totals.params,
      a.totals.multiplyAdds,
      a.totals.memoryAccessConvFc + gathered,
    ]);
  });

  it('onnxruntime runs it with the core’s shape at every tensor', async () => {
    const design = build();
    const a = analyze(design);
    const { out, declared } = await runAll(exported(design).bytes, a.layers[0]?.outputShapes[0] ?? []);
    for (const l of a.layers) {
      const t = out[l.name];
      if (t !== undefined && l.op !== 'Output') expect([...t.dims], l.name).toEqual(l.outputShapes[0]);
    }
    for (const [name, shape] of declared) expect([...(out[name]?.dims ?? [])], name).toEqual(shape);
  });

  it('importing our export gives the kind back, with the same figures', () => {
    const design = build();
    const back = importModel(exported(design).bytes);
    if (!back.ok) throw new Error(back.error);
    expect(back.design.nodes.filter((n) => n.kind === kind)).toHaveLength(2);
    expect(analyze(back.design).totals).toEqual(analyze(design).totals);
  });
});

describe('the exported forms compute the method exactly', () => {
  it('LCCL: the output is ReLU(main) ⊙ ReLU(lccl), element by element (Dong et al. 2017)', async () => {
    const design = lcclNet();
    const { out } = await runAll(exported(design).bytes, [1, 8, 9, 9]);
    const main = out['lccl1/main']?.data as Float32Array;
    const gate = out['lccl1/lccl_relu']?.data as Float32Array;
    const y = out['lccl1/gate']?.data as Float32Array;
    expect(y.length).toBe(16 * 5 * 5);
    y.forEach((v, i) => {
      expect(v).toBeCloseTo(Math.max(0, main[i] ?? NaN) * Math.max(0, gate[i] ?? NaN), 6);
    });
    expect(gate.some((v) => v === 0)).toBe(true);
    // Negative main outputs where the gate is open: the raw product would be negative there.
    expect(main.some((v, i) => v < 0 && (gate[i] ?? 0) > 0)).toBe(true);
    expect(y.every((v) => v >= 0)).toBe(true);
  });

  it('expander conv equals a dense conv whose weights are zero off the graph', async () => {
    // The reference: a plain Conv2d 12 → 24 with each filter's D = 4 taps placed at its graph's inputs.
    const cin = 12;
    const cout = 24;
    const d = 4;
    const graph = expanderConnections(cin, cout, d, 7);
    const sparse = randomInput(cout * d * 9, 11);
    const dense = new Float32Array(cout * cin * 9);
    for (let o = 0; o < cout; o++)
      for (let k = 0; k < d; k++)
        for (let t = 0; t < 9; t++)
          dense[(o * cin + (graph[o * d + k] ?? 0)) * 9 + t] = sparse[(o * d + k) * 9 + t] ?? 0;
    const g = new GraphBuilder();
    const x = g.add('Input', { channels: cin, height: 6, width: 6 }, [], 'input');
    g.output(g.add('ExpanderConv2d', { outChannels: cout, fanIn: d, seed: 7 }, [x], 'conv'), 'out');
    const h = new GraphBuilder();
    const y = h.add('Input', { channels: cin, height: 6, width: 6 }, [], 'input');
    h.output(h.add('Conv2d', { outChannels: cout }, [y], 'conv'), 'out');
    const a = await runAll(exported(withWeights(g.design('x'), sparse)).bytes, [1, cin, 6, 6]);
    const b = await runAll(exported(withWeights(h.design('d'), dense)).bytes, [1, cin, 6, 6]);
    const ya = a.out['out']?.data as Float32Array;
    const yb = b.out['out']?.data as Float32Array;
    expect(ya.length).toBe(cout * 36);
    ya.forEach((v, i) => {
      expect(v).toBeCloseTo(yb[i] ?? NaN, 5);
    });
  });
});
