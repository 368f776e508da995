import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { GraphBuilder } from '../design/builder';
import type { Design } from '../design/design-types';
import type { OpParamsInput } from '../ops/op-registry';
import { countFile } from '../../../test-support/onnx-count';
import { checkRuns, randomInput } from '../../../test-support/ort';
import { exportDesign, valueInfo } from './export/onnx-export';
import { importModel } from './import/import';
import { readModel } from './ir/read';
import { attrInt, attrInts, encodeModel, floatTensor, pb, type P } from './proto';

/**
 * LCNN (Bagherinezhad et al. 2017) in ONNX, against an independent reference: the file's two convs
 * must compute exactly the dense conv whose weight is rebuilt from the dictionary D, the lookup
 * indices i and the coefficients c read off the file, W[o,:,y,x] = Σ_t c[o,y,x,t]·D[i[o,y,x,t],:].
 */

const CIN = 8;
const H = 11;
const W = 9;

function lcnnNet(p: OpParamsInput<'LookupConv'>): Design {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: CIN, height: H, width: W }, [], 'input');
  g.output(g.add('LookupConv', p, [x], 'lcnn'), 'out');
  return g.design('lcnn net');
}

function consts(bytes: Uint8Array): Map<string, { dims: readonly number[]; floats: Float32Array }> {
  const read = readModel(bytes);
  if (!read.ok) throw new Error(read.error);
  const out = new Map<string, { dims: readonly number[]; floats: Float32Array }>();
  for (const [name, t] of read.graph.consts)
    if (t.floats !== undefined) out.set(name, { dims: t.dims, floats: t.floats });
  return out;
}

/** The lookups of one filter position, read off the file's lookup weight [Cout, k, kh, kw]. */
function lookupsAt(weight: Float32Array, k: number, taps: number, o: number, p: number) {
  const found: { index: number; coefficient: number }[] = [];
  for (let j = 0; j < k; j++) {
    const v = weight[(o * k + j) * taps + p] ?? 0;
    if (v !== 0) found.push({ index: j, coefficient: v });
  }
  return found;
}

/** A one-Conv model with a given dense weight (and bias), written here without the exporter. */
function denseConvModel(
  weight: Float32Array,
  dims: readonly number[],
  bias: Float32Array | undefined,
  p: { kernel: number[]; stride: number[]; padding: number[]; dilation: number[] },
  outShape: readonly number[],
): Uint8Array {
  const initializer = [floatTensor('w', dims, weight)];
  if (bias !== undefined) initializer.push(floatTensor('b', [bias.length], bias));
  const node: P.INodeProto = {
    opType: 'Conv',
    name: 'dense',
    input: bias === undefined ? ['x', 'w'] : ['x', 'w', 'b'],
    output: ['y'],
    attribute: [
      attrInts('kernel_shape', p.kernel),
      attrInts('strides', p.stride),
      attrInts('pads', [p.padding[0] ?? 0, p.padding[1] ?? 0, p.padding[0] ?? 0, p.padding[1] ?? 0]),
      attrInts('dilations', p.dilation),
      attrInt('group', 1),
    ],
  };
  return encodeModel({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'dense',
      node: [node],
      initializer,
      input: [valueInfo('x', [1, CIN, H, W])],
      output: [valueInfo('y', outShape)],
    },
  });
}

async function runOne(bytes: Uint8Array, input: string, output: string): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' });
  const x = new ort.Tensor('float32', randomInput([1, CIN, H, W], 3), [1, CIN, H, W]);
  const out = await session.run({ [input]: x });
  await session.release();
  const t = out[output];
  if (t === undefined) throw new Error(`no output ${output}`);
  return t;
}

const cases: [string, OpParamsInput<'LookupConv'>][] = [
  [
    '3×3, k = 6, s = 2, stride 2, bias',
    { outChannels: 12, dictionarySize: 6, lookups: 2, stride: [2, 2], bias: true },
  ],
  [
    '5×3 dilated, k = 16, s = 3',
    { outChannels: 5, dictionarySize: 16, lookups: 3, kernel: [5, 3], padding: [4, 2], dilation: [2, 2] },
  ],
  ['1×1, k = 3, s = 1', { outChannels: 4, dictionarySize: 3, lookups: 1, kernel: [1, 1], padding: [0, 0] }],
];

describe.each(cases)('LCNN in ONNX: %s', (_, params) => {
  const design = lcnnNet(params);
  const r = exportDesign(design, { seed: 5 });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const layer = analyze(design).layers.find((l) => l.name === 'lcnn');
  const p = layer?.params as unknown as {
    outChannels: number;
    dictionarySize: number;
    lookups: number;
    kernel: [number, number];
    stride: [number, number];
    padding: [number, number];
    dilation: [number, number];
    bias: boolean;
  };
  const outShape = layer?.outputShapes[0] ?? [];
  const [k, s, cout, taps] = [p.dictionarySize, p.lookups, p.outChannels, p.kernel[0] * p.kernel[1]];
  const file = consts(r.bytes);

  it('is a 1×1 dictionary Conv (k maps, no bias) then a kh×kw Conv k → Cout', () => {
    const nodes = r.model.graph?.node ?? [];
    expect(nodes.map((n) => [n.opType, n.name])).toEqual([
      ['Conv', 'lcnn/dictionary'],
      ['Conv', 'lcnn/lookup'],
    ]);
    expect(nodes[0]?.input).toHaveLength(2);
    expect(file.get('lcnn.dictionary.weight')?.dims).toEqual([k, CIN, 1, 1]);
    expect(file.get('lcnn.lookup.weight')?.dims).toEqual([cout, k, ...p.kernel]);
  });

  it('the file, counted as plain ONNX, has the design’s as-exported params, multiply-adds and memory access', () => {
    const read = readModel(r.bytes);
    if (!read.ok) throw new Error(read.error);
    const f = countFile(read.graph);
    const t = analyze(design).totals;
    expect([f.params, f.multiplyAdds, f.memoryAccessConvFc]).toEqual([
      t.params,
      t.multiplyAdds,
      t.memoryAccessConvFc,
    ]);
  });

  it('holds exactly s distinct lookups at every filter position, s·kh·kw·Cout in all', () => {
    const weight = file.get('lcnn.lookup.weight')?.floats ?? new Float32Array();
    let total = 0;
    for (let o = 0; o < cout; o++)
      for (let q = 0; q < taps; q++) {
        expect(lookupsAt(weight, k, taps, o, q)).toHaveLength(s);
        total += s;
      }
    expect(weight.filter((v) => v !== 0).length).toBe(s * taps * cout);
    expect(total).toBe(layer?.effective?.indices);
  });

  it('onnxruntime’s output equals the dense conv with W[o,:,y,x] = Σ_t c·D[i,:] rebuilt from the file', async () => {
    const d = file.get('lcnn.dictionary.weight')?.floats ?? new Float32Array();
    const lw = file.get('lcnn.lookup.weight')?.floats ?? new Float32Array();
    const dense = new Float32Array(cout * CIN * taps);
    for (let o = 0; o < cout; o++)
      for (let q = 0; q < taps; q++)
        for (const { index, coefficient } of lookupsAt(lw, k, taps, o, q))
          for (let c = 0; c < CIN; c++)
            dense[(o * CIN + c) * taps + q] =
              (dense[(o * CIN + c) * taps + q] ?? 0) + coefficient * (d[index * CIN + c] ?? 0);
    const bias = p.bias ? file.get('lcnn.lookup.bias')?.floats : undefined;
    const reference = await runOne(
      denseConvModel(dense, [cout, CIN, ...p.kernel], bias, p, outShape),
      'x',
      'y',
    );
    const got = await runOne(r.bytes, 'input', 'out');
    expect([...got.dims]).toEqual([...outShape]);
    const a = got.data as Float32Array;
    const b = reference.data as Float32Array;
    expect(a.length).toBe(b.length);
    const scale = Math.max(...b.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff = Math.max(diff, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    expect(diff).toBeLessThanOrEqual(1e-5 * scale);
  });

  it('the dictionary maps S are k × H × W, and the output shape is the core’s', async () => {
    const model = pb.ModelProto.decode(r.bytes);
    (model.graph as P.GraphProto).output.push(
      pb.ValueInfoProto.create(valueInfo('lcnn/dictionary', [1, k, H, W])),
    );
    const maps = await runOne(encodeModel(model), 'input', 'lcnn/dictionary');
    expect([...maps.dims]).toEqual([1, k, H, W]);
    await checkRuns(design);
  });

  it('imports back as the same LookupConv with the same params and weights', () => {
    const back = importModel(r.bytes);
    if (!back.ok) throw new Error(back.error);
    const node = back.design.nodes.find((n) => n.kind === 'LookupConv');
    expect(node?.label).toBe('lcnn');
    expect(node?.params).toEqual(layer?.params);
    const again = exportDesign(back.design, { seed: 99 });
    if (!again.ok) throw new Error(again.errors.join('; '));
    // The imported weights are kept: another seed writes the same values.
    expect(consts(again.bytes).get('lcnn.lookup.weight')?.floats).toEqual(
      file.get('lcnn.lookup.weight')?.floats,
    );
    expect(consts(again.bytes).get('lcnn.dictionary.weight')?.floats).toEqual(
      file.get('lcnn.dictionary.weight')?.floats,
    );
  });
});

describe('LCNN import reads the pair only when it is one', () => {
  const design = lcnnNet({ outChannels: 6, dictionarySize: 5, lookups: 2 });
  const r = exportDesign(design);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const renamed = (names: [string, string]): Uint8Array => {
    const model = pb.ModelProto.decode(r.bytes);
    (model.graph as P.GraphProto).node.forEach((n, i) => (n.name = names[i] ?? n.name));
    return encodeModel(model);
  };
  const kinds = (bytes: Uint8Array): string[] => {
    const back = importModel(bytes);
    if (!back.ok) throw new Error(back.error);
    return back.design.nodes.filter((n) => n.kind !== 'Input' && n.kind !== 'Output').map((n) => n.kind);
  };

  it('as torch.onnx.export names the PyTorch export’s module: /NAME/dictionary/Conv, /NAME/lookup/Conv', () => {
    expect(kinds(renamed(['/lcnn/dictionary/Conv', '/lcnn/lookup/Conv']))).toEqual(['LookupConv']);
  });
  it('two convs under other names stay two convs, whatever their zeros', () => {
    expect(kinds(renamed(['squeeze', 'expand']))).toEqual(['Conv2d', 'Conv2d']);
    expect(kinds(renamed(['a/dictionary', 'b/lookup']))).toEqual(['Conv2d', 'Conv2d']);
  });
  it('a lookup weight with unequal counts per position is no lookup pattern', () => {
    const model = pb.ModelProto.decode(r.bytes);
    const t = (model.graph as P.GraphProto).initializer.find((x) => x.name === 'lcnn.lookup.weight');
    if (t === undefined) throw new Error('no lookup weight');
    const values = new Float32Array(new Uint8Array(t.rawData ?? new Uint8Array()).slice().buffer);
    const first = values.findIndex((v) => v === 0);
    values[first] = 0.5;
    t.rawData = new Uint8Array(values.buffer);
    expect(kinds(encodeModel(model))).toEqual(['Conv2d', 'Conv2d']);
  });
});
