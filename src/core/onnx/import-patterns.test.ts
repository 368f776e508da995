import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { exportDesign } from './export/onnx-export';
import { importModel } from './import/import';
import { countFile } from '../../../test-support/onnx-count';
import { readModel } from './ir/read';
import { AttrType, attrFloat, attrInt, attrInts, floatTensor } from './proto';
import { OnnxBuilder } from '../../../test-support/torch-style';

/** One network with every torch.onnx.export pattern the importer reads. */
function torchStyle(opset = 14): Uint8Array {
  const b = new OnnxBuilder(opset);
  b.weight('features.0.weight', [16, 3, 3, 3]);
  const shared = b.one('Identity', '/Identity', ['features.0.weight']);
  b.weight('features.0.bias', [16], 1);
  const c0 = b.one(
    'Conv',
    '/features/features.0/Conv',
    ['input', shared, 'features.0.bias'],
    [attrInts('kernel_shape', [3, 3]), attrInts('strides', [2, 2]), attrInts('pads', [1, 1, 1, 1])],
  );
  const r0 = b.one('Clip', '/features/features.0/Clip', [
    c0,
    b.scalar('clip_min', 0),
    b.scalar('clip_max', 6),
  ]);
  const c1 = b.bn('features.1.bn', b.conv('features.1.dw', r0, 16, 16, 3, 1, 16, false), 16);
  const hs = b.one(
    'HardSigmoid',
    '/features/features.1/act/HardSigmoid',
    [c1],
    [attrFloat('alpha', 1 / 6), attrFloat('beta', 0.5)],
  );
  const a1 = b.one('Mul', '/features/features.1/act/Mul', [c1, hs]);
  const a2 = b.one('HardSwish', '/features/features.2/HardSwish', [b.conv('features.2.pw', a1, 16, 16, 1)]);
  const shape5 = b.one(
    'Constant',
    '/features/features.3/Constant',
    [],
    [{ name: 'value', type: AttrType.TENSOR, t: { dims: [5], dataType: 7, int64Data: [1, 2, 8, 16, 16] } }],
  );
  const g = b.one('Reshape', '/features/features.3/Reshape', [a2, shape5]);
  const t = b.one('Transpose', '/features/features.3/Transpose', [g], [attrInts('perm', [0, 2, 1, 3, 4])]);
  const sh = b.one('Reshape', '/features/features.3/Reshape_1', [t, b.ints('shape4', [1, 16, 16, 16])]);
  // torch's chunk at opset 13 before Split took sizes: Slice with bounds from Shape → Gather → Div.
  const s = b.one('Shape', '/features/features.4/Shape', [sh]);
  const ch = b.one('Gather', '/features/features.4/Gather', [s, b.ints('one', [1])], [attrInt('axis', 0)]);
  const half = b.one('Div', '/features/features.4/Div', [ch, b.ints('two', [2])]);
  const first = b.one('Slice', '/features/features.4/Slice', [
    sh,
    b.ints('zero', [0]),
    half,
    b.ints('axis1', [1]),
  ]);
  const second = b.one('Slice', '/features/features.4/Slice_1', [
    sh,
    half,
    b.ints('big', [9223372036854775807n]),
    b.ints('axis1b', [1]),
  ]);
  const left = b.one('Relu', '/features/features.4/Relu', [first]);
  const right = b.conv('features.4.branch', second, 8, 8, 1);
  const cat = b.one('Concat', '/features/features.4/Concat', [left, right], [attrInt('axis', 1)]);
  const [p0 = '', p1 = ''] = b.node(
    'Split',
    '/features/features.5/Split',
    [cat, b.ints('split', [8, 8])],
    [attrInt('axis', 1)],
    2,
  );
  const sum = b.one('Add', '/features/features.5/Add', [p0, p1]);
  const leaky = b.one('LeakyRelu', '/features/features.6/LeakyRelu', [sum], [attrFloat('alpha', 0.1)]);
  const pooled =
    opset >= 18
      ? b.one('ReduceMean', '/pool/ReduceMean', [leaky, b.ints('hw', [2, 3])], [attrInt('keepdims', 1)])
      : b.one('ReduceMean', '/pool/ReduceMean', [leaky], [attrInts('axes', [2, 3]), attrInt('keepdims', 1)]);
  const flat = b.one('Reshape', '/Reshape', [pooled, b.ints('flat', [1, -1])]);
  const mm = b.one('MatMul', '/fc1/MatMul', [flat, b.weight('fc1.weight_t', [8, 12], 8)]);
  const fc1 = b.one('Add', '/fc1/Add', [b.weight('fc1.bias', [12], 1), mm]);
  b.inits.push(floatTensor('fc2.bias', [10], new Float32Array(10)));
  b.nodes.push({
    opType: 'Gemm',
    name: '/fc2/Gemm',
    input: [fc1, b.weight('fc2.weight', [10, 12]), 'fc2.bias'],
    output: ['logits'],
    attribute: [attrInt('transB', 1)],
  });
  return b.model({ name: 'input', dims: ['batch_size', 3, 32, 32] }, [{ name: 'logits', dims: [1, 10] }]);
}

function importOk(bytes: Uint8Array) {
  const r = importModel(bytes);
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('import of torch.onnx.export patterns', () => {
  it.each([14, 17, 18])('maps every pattern to primitives at opset %i', (opset) => {
    const bytes = torchStyle(opset);
    const { design, notes } = importOk(bytes);
    const kinds = design.nodes.map((n) => n.kind);
    for (const k of [
      'ReLU6',
      'HardSwish',
      'ChannelShuffle',
      'ChannelSplit',
      'Concat',
      'Add',
      'GlobalAvgPool',
      'Flatten',
      'Linear',
      'Opaque',
    ])
      expect(kinds, k).toContain(k);
    expect(kinds.filter((k) => k === 'HardSwish')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'ChannelSplit')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'Opaque')).toHaveLength(1);
    expect(notes.join('\n')).toMatch(/dynamic batch/);
    const opaque = analyze(design).diagnostics.find((d) => d.key === 'opaque');
    expect(opaque).toMatchObject({ severity: 'info', code: 'CS016' });
    expect(opaque?.message).toMatch(/LeakyRelu.*not analysed/);
    expect(design.nodes.map((n) => n.label)).toContain('features.1.dw');
  });

  it('gives the figures an independent count of the file gives', () => {
    const bytes = torchStyle();
    const a = analyze(importOk(bytes).design);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const read = readModel(bytes);
    if (!read.ok) throw new Error(read.error);
    const f = countFile(read.graph);
    expect([a.totals.params, a.totals.buffers, a.totals.multiplyAdds, a.totals.memoryAccessConvFc]).toEqual([
      f.params,
      f.buffers,
      f.multiplyAdds,
      f.memoryAccessConvFc,
    ]);
  });

  it('keeps the weights: the re-exported model computes the same outputs', async () => {
    const bytes = torchStyle();
    const again = exportDesign(importOk(bytes).design);
    if (!again.ok) throw new Error(again.errors.join('; '));
    const input = new ort.Tensor(
      'float32',
      Float32Array.from({ length: 3 * 32 * 32 }, (_, i) => Math.sin(i)),
      [1, 3, 32, 32],
    );
    const run = async (model: Uint8Array) => {
      const s = await ort.InferenceSession.create(model);
      const out = await s.run({ input });
      await s.release();
      return Array.from(out['logits']?.data as Float32Array);
    };
    const expected = await run(bytes);
    const got = await run(again.bytes);
    got.forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i] ?? NaN, 4);
    });
  });
});

describe('bad input gives one clear message, never a crash', () => {
  const message = (bytes: Uint8Array): string => {
    const r = importModel(bytes);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error;
  };
  const good = torchStyle();
  it('empty, not ONNX, truncated', () => {
    expect(message(new Uint8Array())).toMatch(/empty/);
    expect(message(new TextEncoder().encode('{"format": "compact-studio-design"}'))).toMatch(
      /not an ONNX model/,
    );
    expect(message(good.slice(0, good.length >> 1))).toMatch(/truncated|not an ONNX/);
  });
  it('a protobuf that claims gigabytes', () => {
    // field 7 (graph), length-delimited, length 2^31 − 1, then nothing.
    expect(message(Uint8Array.from([0x08, 0x07, 0x3a, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00]))).toMatch(
      /truncated|not an ONNX/,
    );
  });
  it('missing initializers, dynamic sizes, external data', () => {
    const b = new OnnxBuilder();
    b.one('Conv', '/conv/Conv', ['input', 'conv.weight'], [attrInts('kernel_shape', [3, 3])]);
    expect(
      message(
        b.model({ name: 'input', dims: [1, 3, 8, 8] }, [{ name: '/conv/Conv_output_0', dims: [1, 4, 6, 6] }]),
      ),
    ).toMatch(/conv\.weight.*missing initializer/);
    const d = new OnnxBuilder();
    d.one('Relu', '/relu/Relu', ['input']);
    expect(
      message(
        d.model({ name: 'input', dims: [1, 3, 'height', 'width'] }, [
          { name: '/relu/Relu_output_0', dims: [1, 3, 8, 8] },
        ]),
      ),
    ).toMatch(/dynamic dimension "height".*fixed input size/);
    const e = new OnnxBuilder();
    e.conv('conv', 'input', 3, 4, 3);
    const ext = e.inits[0];
    if (ext !== undefined)
      Object.assign(ext, {
        rawData: new Uint8Array(),
        dataLocation: 1,
        externalData: [{ key: 'location', value: 'weights.bin' }],
      });
    expect(
      message(
        e.model({ name: 'input', dims: [1, 3, 8, 8] }, [{ name: '/conv/Conv_output_0', dims: [1, 4, 8, 8] }]),
      ),
    ).toMatch(/external file/);
  });
});

describe('AvgPool2d with its padding counted, as torch.onnx.export writes it', () => {
  // PyTorch 1.13: nn.AvgPool2d(3, 2, 1) becomes a zero Pad, then an AveragePool without pads.
  const padded = (pads: readonly number[], ceil = 0): Uint8Array => {
    const b = new OnnxBuilder(13);
    const pad = b.one(
      'Pad',
      '/pool/Pad',
      ['input', b.ints('pads', [...pads])],
      [{ name: 'mode', type: AttrType.STRING, s: new TextEncoder().encode('constant') }],
    );
    b.one(
      'AveragePool',
      '/pool/AveragePool',
      [pad],
      [attrInts('kernel_shape', [3, 3]), attrInts('strides', [2, 2]), attrInt('ceil_mode', ceil)],
    );
    return b.model({ name: 'input', dims: [1, 4, 9, 9] }, [
      { name: '/pool/AveragePool_output_0', dims: [1, 4, 5, 5] },
    ]);
  };

  it('imports as one AvgPool, padding 1 counted, and runs as the file does', async () => {
    const bytes = padded([0, 0, 1, 1, 0, 0, 1, 1]);
    const { design } = importOk(bytes);
    const pools = design.nodes.filter((n) => n.kind !== 'Input' && n.kind !== 'Output');
    expect(pools.map((n) => [n.kind, n.params])).toEqual([
      [
        'AvgPool',
        { kernel: [3, 3], stride: [2, 2], padding: [1, 1], ceilMode: false, countIncludePad: true },
      ],
    ]);
    const x = Float32Array.from({ length: 4 * 81 }, (_, i) => Math.sin(i));
    const run = async (model: Uint8Array) => {
      const s = await ort.InferenceSession.create(model);
      const out = await s.run({ [s.inputNames[0] ?? '']: new ort.Tensor('float32', x, [1, 4, 9, 9]) });
      await s.release();
      return Array.from((out[s.outputNames[0] ?? ''] as ort.Tensor).data as Float32Array);
    };
    const exported = exportDesign(design);
    if (!exported.ok) throw new Error(exported.errors.join('; '));
    const [want, got] = [await run(bytes), await run(exported.bytes)];
    expect(got.length).toBe(want.length);
    got.forEach((v, i) => {
      expect(v).toBeCloseTo(want[i] ?? NaN, 6);
    });
  });

  it.each([
    ['uneven padding', [0, 0, 1, 0, 0, 0, 1, 1], 0],
    ['ceil mode', [0, 0, 1, 1, 0, 0, 1, 1], 1],
  ])('leaves %s as a Pad and a pool of its own', (_, pads, ceil) => {
    const kinds = importOk(padded(pads, ceil)).design.nodes.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'AvgPool').length).toBeLessThanOrEqual(1);
    expect(kinds).not.toEqual(['Input', 'AvgPool', 'Output']);
  });
});
