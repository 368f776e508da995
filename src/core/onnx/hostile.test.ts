import { describe, expect, it } from 'vitest';
import { bareMessage, messageShape } from '../../../fuzz/classify';
import { verdict } from '../../../fuzz/verdict';
import { serializeDesign } from '../document/format';
import { fireNet } from '../../../test-support/onnx-designs';
import { editModel, node, tinyBytes } from '../../../test-support/tiny-model';
import { exportDesign } from './export/onnx-export';
import { attrFloat, attrInt, attrInts, DataType, floatTensor, int64Tensor, pb, type P } from './proto';

const pbAttrInt = (name: string, i: number) => pb.AttributeProto.create(attrInt(name, i));

const fireBytes = (): Uint8Array => {
  const r = exportDesign(fireNet(), { seed: 1 });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.bytes;
};

/** Constant int64 c0 = [1], then n Concats each doubling the last: 2^n values if folded. */
function doublingConcats(n: number): Uint8Array {
  const nodes: P.INodeProto[] = [];
  for (let i = 0; i < n; i++)
    nodes.push(node('Concat', [`c${i}`, `c${i}`], [`c${i + 1}`], [attrInt('axis', 0)], `cat${i}`));
  nodes.push(node('Reshape', ['x', `c${n}`], ['y'], [], 'reshape'));
  return tinyBytes({ nodes, inits: [int64Tensor('c0', [1], [1])] });
}

/** Pad by r, one Slice back to the input's size, Concat: the shift form our export writes, at reach r. */
function hugeShift(r: number): Uint8Array {
  return tinyBytes({
    nodes: [
      node('Pad', ['x', 'pads'], ['padded'], [], 'shift/pad'),
      node('Slice', ['padded', 'starts', 'ends', 'axes'], ['s0'], [], 'shift/slice'),
      node('Concat', ['s0'], ['y'], [attrInt('axis', 1)], 'shift/concat'),
    ],
    inits: [
      int64Tensor('pads', [8], [0, 0, r, r, 0, 0, r, r]),
      int64Tensor('starts', [3], [0, r, r]),
      int64Tensor('ends', [3], [3, r + 8, r + 8]),
      int64Tensor('axes', [3], [1, 2, 3]),
    ],
  });
}

const conv = (name: string, w: string, out: string, attrs: P.IAttributeProto[] = []): P.INodeProto =>
  node(
    'Conv',
    ['x', w],
    [out],
    [attrInts('kernel_shape', [3, 3]), attrInts('pads', [1, 1, 1, 1]), ...attrs],
    name,
  );
const weight = (values: number, dims = [8, 3, 3, 3]): P.ITensorProto =>
  floatTensor('w', dims, new Float32Array(values).fill(0.5));

type OnnxCase = readonly [what: string, bytes: () => Uint8Array, expected: RegExp | 'ok' | 'either'];

/** Each broken form the fuzzer found, as a small generated file, with what the user must be told. */
const onnxCases: readonly OnnxCase[] = [
  [
    'a Concat with axis 2^31',
    () => tinyBytes({ nodes: [node('Concat', ['x', 'x'], ['y'], [attrInt('axis', 2 ** 31)], 'cat')] }),
    /node "cat" \(Concat\): axis 2,147,483,648 is outside/,
  ],
  [
    'a Concat with axis −2^31',
    () => tinyBytes({ nodes: [node('Concat', ['x', 'x'], ['y'], [attrInt('axis', -(2 ** 31))], 'cat')] }),
    /axis -2,147,483,648 is outside/,
  ],
  [
    'a Slice along axis 2^40',
    () =>
      tinyBytes({
        nodes: [node('Slice', ['x', 'st', 'en', 'ax'], ['y'], [], 'slice')],
        inits: [int64Tensor('st', [1], [0]), int64Tensor('en', [1], [2]), int64Tensor('ax', [1], [2 ** 40])],
      }),
    /node "slice" \(Slice\): axis .* is outside/,
  ],
  [
    'an Identity that writes the tensor it reads',
    () => tinyBytes({ nodes: [node('Identity', ['x', ''], ['x'], [], 'loop')], outputs: ['x'] }),
    /"x" is written twice: by graph input "x" and by node "loop"/,
  ],
  [
    'a tensor written by two nodes',
    () =>
      tinyBytes({
        nodes: [node('Relu', ['x'], ['y'], [], 'a'), node('Sigmoid', ['x'], ['y'], [], 'b')],
      }),
    /"y" is written twice: by node "a" and by node "b"/,
  ],
  [
    'a node that reads its own output',
    () => tinyBytes({ nodes: [node('Relu', ['y'], ['y'], [], 'self')] }),
    /node "self" \(Relu\) reads "y", which no node, input or initializer defines before it/,
  ],
  [
    'a ConstantOfShape of 2^31 values feeding a Reshape',
    () =>
      tinyBytes({
        nodes: [
          node('ConstantOfShape', ['big'], ['filled'], [], 'fill'),
          node('Reshape', ['x', 'filled'], ['y'], [], 'reshape'),
        ],
        inits: [int64Tensor('big', [1], [2 ** 31])],
      }),
    'either',
  ],
  [
    'a Slice of a constant along axis 2^40',
    () =>
      tinyBytes({
        nodes: [
          node('Slice', ['k', 'st', 'en', 'ax'], ['sliced'], [], 'slice'),
          node('Reshape', ['x', 'sliced'], ['y'], [], 'reshape'),
        ],
        inits: [
          int64Tensor('k', [4], [1, 3, 8, 8]),
          int64Tensor('st', [1], [0]),
          int64Tensor('en', [1], [4]),
          int64Tensor('ax', [1], [2 ** 40]),
        ],
      }),
    /node "slice" \(Slice\): axis .* is outside/,
  ],
  ['a shift of reach 2^30 (pad)', () => hugeShift(2 ** 30), /above the largest dimension/],
  ['a shift of reach 16,000 (pad)', () => hugeShift(16_000), 'either'],
  ['26 Concats that double a constant', () => doublingConcats(26), 'either'],
  [
    'weights whose size does not match their dims',
    () => tinyBytes({ nodes: [conv('conv', 'w', 'y')], inits: [weight(10)] }),
    /initializer "w": holds 10 values but its dims 8×3×3×3 need 216/,
  ],
  [
    'weights with dims of 2^31',
    () => tinyBytes({ nodes: [conv('conv', 'w', 'y')], inits: [weight(8, [2 ** 31, 3, 3, 3])] }),
    /initializer "w": .*above the largest tensor/,
  ],
  [
    'an input of height 2^31',
    () => tinyBytes({ nodes: [node('Relu', ['x'], ['y'], [], 'relu')], input: [1, 3, 2 ** 31, 8] }),
    /input "x": axis 2 of 1×3×2147483648×8 is above the largest dimension/,
  ],
  [
    'a conv group of 0 inside a Fire block',
    () =>
      editModel(fireBytes(), (m) => {
        const squeeze = m.graph?.node?.find((n) => n.opType === 'Conv' && n.name?.startsWith('fire2/'));
        if (squeeze === undefined) return;
        squeeze.attribute = [
          ...(squeeze.attribute ?? []).filter((a) => a.name !== 'group'),
          pbAttrInt('group', 0),
        ];
      }),
    /node "fire2\/[^"]+" \(Conv\): (field groups: .*(at least 1|>=1|too small)|its weight .* with 0 groups reads 0 channels)/i,
  ],
  [
    'a dropout ratio of 7 as an attribute, which ONNX 12+ moved to an input',
    () =>
      editModel(fireBytes(), (m) => {
        const relu = m.graph?.node?.find((n) => n.opType === 'Relu');
        if (relu !== undefined) {
          relu.opType = 'Dropout';
          relu.attribute = [pb.AttributeProto.create(attrFloat('ratio', 7))];
        }
      }),
    /node "relu1" \(Dropout\): it sets the attribute "ratio", which ONNX's Dropout does not have/,
  ],
  [
    'a node name with a terminal escape and a newline',
    () => tinyBytes({ nodes: [node('Relu', ['\u001b[2Jevil\nname'], ['y'], [], 'relu\u001b[31m')] }),
    /node "relu\\u001b\[31m" \(Relu\) reads "\\u001b\[2Jevil\\nname"/,
  ],
  [
    'a node name of ten million characters',
    () => tinyBytes({ nodes: [node('Relu', ['x'], ['y'], [], 'n'.repeat(10_000_000))] }),
    /node "n{64}…" \(10,000,000 characters\): its name is above the longest name/,
  ],
  [
    'an unknown op (of its own domain) whose stated shape is huge',
    () =>
      editModel(
        tinyBytes({ nodes: [{ ...node('Foo', ['x'], ['y'], [], 'foo'), domain: 'com.example' }] }),
        (m) => {
          const out = m.graph?.output?.[0];
          if (out?.type?.tensorType)
            out.type.tensorType.shape = {
              dim: [{ dimValue: 1 }, { dimValue: 2 ** 20 }, { dimValue: 2 ** 20 }],
            };
        },
      ),
    /above the largest (tensor|channel count)/,
  ],
  [
    'a Reshape to −1 of a tensor with a zero axis',
    () =>
      tinyBytes({
        nodes: [node('Reshape', ['x', 'shape'], ['y'], [], 'reshape')],
        inits: [int64Tensor('shape', [3], [0, 0, -1])],
        input: [1, 3, 8, 8],
      }),
    'either',
  ],
  ['an exported Fire net (control)', fireBytes, 'ok'],
];

describe('hostile ONNX files: each ends fast, with one clean line or a design every command accepts', () => {
  it.each(onnxCases)('%s', async (_what, make, expected) => {
    const bytes = make();
    const t0 = performance.now();
    const v = await verdict('onnx', bytes);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(5000);
    expect(v.disagreement).toBeUndefined();
    const [first] = v.runs;
    expect(first).toBeDefined();
    if (first === undefined) return;
    for (const r of v.runs) {
      expect(messageShape(r.err)).toBeUndefined();
      expect(bareMessage(r.err)).toBeUndefined();
    }
    if (expected === 'ok') expect(first.err).toBe('');
    else if (expected !== 'either') {
      expect(first.status).toBe(1);
      expect(first.err).toMatch(expected);
    }
  });
});

describe('raw tensor data is read at its own offset', () => {
  const cases: readonly [string, number, ArrayBufferView, (c: import('./ir/graph').Const) => unknown][] = [
    ['float32', DataType.FLOAT, new Float32Array([0.5, 1.5, 2.5, 3.5]), (c) => [...(c.floats ?? [])]],
    ['float64', DataType.DOUBLE, new Float64Array([0.5, 1.5, 2.5, 3.5]), (c) => [...(c.floats ?? [])]],
    ['int64', DataType.INT64, new BigInt64Array([-3n, 2n, 2n ** 40n, 7n]), (c) => c.ints],
    ['int32', DataType.INT32, new Int32Array([-3, 2, 1 << 30, 7]), (c) => c.ints],
    ['float16', 10, new Uint16Array([0x3c00, 0x4000, 0xc000, 0x7bff]), (c) => [...(c.raw ?? [])]],
  ];
  const expected: Readonly<Record<string, unknown>> = {
    float32: [0.5, 1.5, 2.5, 3.5],
    float64: [0.5, 1.5, 2.5, 3.5],
    int64: [-3, 2, 2 ** 40, 7],
    int32: [-3, 2, 1 << 30, 7],
    float16: [0x00, 0x3c, 0x00, 0x40, 0x00, 0xc0, 0xff, 0x7b],
  };

  it.each(cases)(
    '%s, from a Node Buffer at an odd offset and from a fresh ArrayBuffer',
    async (name, dataType, values, pick) => {
      const { readTensor } = await import('./ir/read');
      const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      // A Buffer view into a larger pool, at an offset no typed array of the type could start at.
      const pool = Buffer.alloc(bytes.length + 13, 0xee);
      pool.set(bytes, 5);
      const fromBuffer = pool.subarray(5, 5 + bytes.length);
      const fromArrayBuffer = new Uint8Array(bytes.slice().buffer);
      for (const rawData of [fromBuffer, fromArrayBuffer]) {
        const t = readTensor({ name: 't', dims: [4], dataType, rawData });
        expect(typeof t === 'string' ? t : pick(t)).toEqual(expected[name]);
      }
    },
  );
});

type DesignCase = readonly [what: string, text: () => string, expected: RegExp | 'ok'];

function fireText(
  edit: (doc: {
    nodes: { kind: string; label: string; params: Record<string, unknown> }[];
    name: string;
  }) => void,
): string {
  const doc = JSON.parse(serializeDesign(fireNet())) as Parameters<typeof edit>[0];
  edit(doc);
  return JSON.stringify(doc);
}
const first = (doc: Parameters<Parameters<typeof fireText>[0]>[0], kind: string) => {
  const n = doc.nodes.find((x) => x.kind === kind);
  if (n === undefined) throw new Error(kind);
  return n;
};

const designCases: readonly DesignCase[] = [
  [
    'a misspelt setting',
    () => fireText((d) => (first(d, 'Conv2d').params = { ...first(d, 'Conv2d').params, outChanels: 16 })),
    /node 2 "conv1" \(id "n2"\), field outChanels: unknown setting; did you mean "outChannels"\?/,
  ],
  [
    'a misspelt block setting',
    () => fireText((d) => (first(d, 'Fire').params = { squeze: 8 })),
    /field squeze: unknown setting; did you mean "squeeze"\?/,
  ],
  [
    'an unknown setting nothing is close to',
    () => fireText((d) => (first(d, 'ReLU').params = { flavour: 'spicy' })),
    /field flavour: unknown setting \(ReLU has none\)/,
  ],
  [
    'channels of 10^15',
    () => fireText((d) => (first(d, 'Conv2d').params['outChannels'] = 1e15)),
    /field outChannels: 1,000,000,000,000,000 is above the largest channel count \(65,536/,
  ],
  [
    'an input of 10^9 × 10^9',
    () => fireText((d) => (first(d, 'Input').params = { channels: 3, height: 1e9, width: 1e9 })),
    /field height: 1,000,000,000 is above the largest dimension \(16,384/,
  ],
  [
    'an input at every limit',
    () => fireText((d) => (first(d, 'Input').params = { channels: 65_536, height: 16_384, width: 16_384 })),
    /above the largest tensor/,
  ],
  [
    'convs whose weights pass the total',
    () =>
      fireText((d) => {
        first(d, 'Input').params = { channels: 65_536, height: 8, width: 8 };
        first(d, 'Conv2d').params = { outChannels: 65_536, kernel: [3, 3], stride: [2, 2], bias: true };
      }),
    /above the largest total of weights/,
  ],
  [
    'an opaque op with a huge stated shape',
    () =>
      fireText((d) => {
        const r = first(d, 'ReLU');
        r.kind = 'Opaque';
        r.params = { opType: 'Relu', outputShapes: [[1, 60_000, 60_000]] };
      }),
    /above the largest tensor/,
  ],
  [
    'a label with terminal escapes',
    () =>
      fireText((d) => {
        const c = first(d, 'Conv2d');
        c.params = { ...c.params, groups: 5 };
        c.label = 'c\u001b[2J\n';
      }),
    /node "c\\u001b\[2J\\n" \(id "n2"\): groups = 5 does not divide/,
  ],
  [
    'a label of ten million characters',
    () => fireText((d) => (first(d, 'ReLU').label = 'r'.repeat(10_000_000))),
    /node 3 "r{64}…" \(10,000,000 characters\) \(id "n3"\), field label: .*above the longest name/,
  ],
  [
    'text that is not JSON',
    () => '{"format": "compact-studio-design", nodes: [',
    /not valid JSON \(line 1, column 37\)/,
  ],
  ['the Fire net (control)', () => fireText(() => undefined), 'ok'],
];

describe('hostile design documents', () => {
  it.each(designCases)('%s', async (_what, make, expected) => {
    const v = await verdict('design', make());
    expect(v.disagreement).toBeUndefined();
    const [r] = v.runs;
    if (r === undefined) throw new Error('no run');
    expect(messageShape(r.err)).toBeUndefined();
    expect(bareMessage(r.err)).toBeUndefined();
    if (expected === 'ok') expect(r.status).toBe(0);
    else {
      expect(r.status).toBe(1);
      expect(r.err).toMatch(expected);
    }
  });
});
