import { describe, expect, it } from 'vitest';
import type { Shape } from '../shape';
import { opDef, opKinds, anyOpDef, type OpKind } from './op-registry';
import { analyze } from '../analysis/analyze';
import { SUBJECT, opDesign } from '../../../test-support/conformance-designs';

/** Runs an op's shape and cost rule with its defaults overridden by `params`. */
function run(kind: OpKind, params: object, inputs: Shape[]) {
  const def = opDef(kind);
  const p = def.schema.parse(params) as never;
  const shapes = def.infer({ params: p, inputs });
  if (!shapes.ok) return { shapes, cost: undefined };
  return { shapes, cost: def.cost({ params: p, inputs, outputs: shapes.value }) };
}

interface Case {
  name: string;
  kind: OpKind;
  params: object;
  inputs: Shape[];
  out: Shape[];
  params_?: number;
  madds?: number;
  ma?: number;
  maConvFc?: number;
  buffers?: number;
}

const x = (c: number, h: number, w = h): Shape => [1, c, h, w];

// Figures worked out by hand from the conventions of docs/costs.md.
const cases: Case[] = [
  {
    name: 'standard 3×3 s2 stem',
    kind: 'Conv2d',
    params: { outChannels: 32, stride: [2, 2] },
    inputs: [x(3, 224)],
    out: [x(32, 112)],
    params_: 864,
    madds: 10838016,
    maConvFc: 150528 + 401408 + 864,
    ma: 552800,
  },
  {
    name: 'depthwise 3×3',
    kind: 'Conv2d',
    params: { outChannels: 32, groups: 32 },
    inputs: [x(32, 112)],
    out: [x(32, 112)],
    params_: 288,
    madds: 3612672,
    maConvFc: 803104,
  },
  {
    name: 'pointwise with bias',
    kind: 'Conv2d',
    params: { outChannels: 16, kernel: [1, 1], padding: [0, 0], bias: true },
    inputs: [x(32, 112)],
    out: [x(16, 112)],
    params_: 528,
    madds: 6422528,
    maConvFc: 602624,
    ma: 602640,
  },
  {
    name: '1×1 group conv g=4: hw(c1+c2)+c1c2/g',
    kind: 'Conv2d',
    params: { outChannels: 64, kernel: [1, 1], padding: [0, 0], groups: 4 },
    inputs: [x(32, 10)],
    out: [x(64, 10)],
    params_: 512,
    madds: 51200,
    maConvFc: 100 * (32 + 64) + (32 * 64) / 4,
  },
  {
    name: 'dilated 3×3 d2 pad 2 keeps size',
    kind: 'Conv2d',
    params: { outChannels: 8, dilation: [2, 2], padding: [2, 2] },
    inputs: [x(8, 20)],
    out: [x(8, 20)],
    madds: 8 * 400 * 8 * 9,
  },
  {
    name: 'dilated 3×3 d2 pad 1 shrinks by 2',
    kind: 'Conv2d',
    params: { outChannels: 8, dilation: [2, 2] },
    inputs: [x(8, 20)],
    out: [x(8, 18)],
  },
  {
    name: 'asymmetric 1×7 kernel',
    kind: 'Conv2d',
    params: { outChannels: 4, kernel: [1, 7], padding: [0, 3] },
    inputs: [x(2, 9, 11)],
    out: [[1, 4, 9, 11]],
    params_: 56,
    madds: 4 * 99 * 2 * 7,
  },
  {
    name: 'stride 2 on odd size',
    kind: 'Conv2d',
    params: { outChannels: 4, stride: [2, 2] },
    inputs: [x(4, 7)],
    out: [x(4, 4)],
  },
  {
    name: 'batch norm',
    kind: 'BatchNorm',
    params: {},
    inputs: [x(32, 112)],
    out: [x(32, 112)],
    params_: 64,
    buffers: 64,
    madds: 0,
    ma: 2 * 401408 + 64,
  },
  {
    name: 'relu6',
    kind: 'ReLU6',
    params: {},
    inputs: [x(16, 4)],
    out: [x(16, 4)],
    params_: 0,
    madds: 0,
    ma: 512,
  },
  {
    name: 'hard-swish on a vector',
    kind: 'HardSwish',
    params: {},
    inputs: [[1, 1280]],
    out: [[1, 1280]],
    ma: 2560,
  },
  {
    name: 'max pool 3×3 s2 ceil (SqueezeNet)',
    kind: 'MaxPool',
    params: { padding: [0, 0], ceilMode: true },
    inputs: [x(96, 109)],
    out: [x(96, 54)],
  },
  {
    name: 'max pool 3×3 s2 floor',
    kind: 'MaxPool',
    params: { padding: [0, 0] },
    inputs: [x(96, 109)],
    out: [x(96, 54)],
  },
  {
    name: 'max pool 3×3 s2 ceil on 55',
    kind: 'MaxPool',
    params: { padding: [0, 0], ceilMode: true },
    inputs: [x(8, 55)],
    out: [x(8, 27)],
  },
  {
    name: 'max pool ceil on 56 adds a window',
    kind: 'MaxPool',
    params: { padding: [0, 0], ceilMode: true },
    inputs: [x(8, 56)],
    out: [x(8, 28)],
  },
  {
    name: 'max pool floor on 56',
    kind: 'MaxPool',
    params: { padding: [0, 0] },
    inputs: [x(8, 56)],
    out: [x(8, 27)],
  },
  {
    name: 'avg pool 3×3 s2 p1',
    kind: 'AvgPool',
    params: {},
    inputs: [x(24, 56)],
    out: [x(24, 28)],
    ma: 24 * 56 * 56 + 24 * 28 * 28,
  },
  {
    name: 'global average pool',
    kind: 'GlobalAvgPool',
    params: {},
    inputs: [x(1280, 7)],
    out: [x(1280, 1)],
    ma: 1280 * 49 + 1280,
  },
  { name: 'flatten is a view', kind: 'Flatten', params: {}, inputs: [x(1280, 1)], out: [[1, 1280]], ma: 0 },
  {
    name: 'dropout is free at inference',
    kind: 'Dropout',
    params: { p: 0.5 },
    inputs: [[1, 1280]],
    out: [[1, 1280]],
    ma: 0,
  },
  {
    name: 'linear classifier',
    kind: 'Linear',
    params: { outFeatures: 1000 },
    inputs: [[1, 1280]],
    out: [[1, 1000]],
    params_: 1281000,
    madds: 1280000,
    maConvFc: 1280 + 1000 + 1280000,
    ma: 1280 + 1000 + 1281000,
  },
  { name: 'add', kind: 'Add', params: {}, inputs: [x(24, 56), x(24, 56)], out: [x(24, 56)], ma: 3 * 75264 },
  {
    name: 'multiply by channel scale',
    kind: 'Multiply',
    params: {},
    inputs: [x(16, 8), x(16, 1)],
    out: [x(16, 8)],
    ma: 1024 + 16 + 1024,
  },
  {
    name: 'concat of three',
    kind: 'Concat',
    params: { inputs: 3 },
    inputs: [x(8, 5), x(16, 5), x(4, 5)],
    out: [x(28, 5)],
    ma: 2 * 28 * 25,
  },
  {
    name: 'channel shuffle',
    kind: 'ChannelShuffle',
    params: { groups: 3 },
    inputs: [x(240, 28)],
    out: [x(240, 28)],
    ma: 2 * 240 * 784,
  },
  {
    name: 'channel split in halves: 2 × input',
    kind: 'ChannelSplit',
    params: {},
    inputs: [x(116, 28)],
    out: [x(58, 28), x(58, 28)],
    ma: 2 * 116 * 784,
  },
  {
    name: 'channel split by sizes',
    kind: 'ChannelSplit',
    params: { sizes: [10, 20, 2] },
    inputs: [x(32, 4)],
    out: [x(10, 4), x(20, 4), x(2, 4)],
  },
  {
    name: 'shift: no params, no multiply-adds',
    kind: 'Shift',
    params: {},
    inputs: [x(18, 8)],
    out: [x(18, 8)],
    params_: 0,
    madds: 0,
    ma: 2 * 18 * 64,
  },
  {
    name: 'sparse shift moves a quarter',
    kind: 'SparseShift',
    params: { fraction: 0.25 },
    inputs: [x(16, 8)],
    out: [x(16, 8)],
    params_: 0,
    madds: 0,
    ma: 2 * 4 * 64,
  },
  { name: 'softmax', kind: 'Softmax', params: {}, inputs: [[1, 1000]], out: [[1, 1000]], ma: 2000 },
  {
    name: 'input',
    kind: 'Input',
    params: { height: 160, width: 128 },
    inputs: [],
    out: [[1, 3, 160, 128]],
    ma: 0,
  },
  { name: 'output', kind: 'Output', params: {}, inputs: [[1, 1000]], out: [] },
];

describe('op shape and cost rules', () => {
  it.each(cases)('$kind: $name', (c) => {
    const { shapes, cost } = run(c.kind, c.params, c.inputs);
    expect(shapes).toEqual({ ok: true, value: c.out });
    if (c.params_ !== undefined) expect(cost?.params).toBe(c.params_);
    if (c.madds !== undefined) expect(cost?.multiplyAdds).toBe(c.madds);
    if (c.ma !== undefined) expect(cost?.memoryAccess).toBe(c.ma);
    if (c.maConvFc !== undefined) expect(cost?.memoryAccessConvFc).toBe(c.maConvFc);
    if (c.buffers !== undefined) expect(cost?.buffers).toBe(c.buffers);
  });
});

const bad: { name: string; kind: OpKind; params: object; inputs: Shape[]; key: string; field?: string }[] = [
  {
    name: 'groups do not divide input channels',
    kind: 'Conv2d',
    params: { outChannels: 32, groups: 3 },
    inputs: [x(32, 8)],
    key: 'groupsDoNotDivide',
    field: 'groups',
  },
  {
    name: 'groups do not divide output channels',
    kind: 'Conv2d',
    params: { outChannels: 10, groups: 4 },
    inputs: [x(32, 8)],
    key: 'groupsDoNotDivide',
  },
  {
    name: 'kernel larger than the map',
    kind: 'Conv2d',
    params: { kernel: [7, 7], padding: [0, 0] },
    inputs: [x(3, 5)],
    key: 'spatialCollapse',
  },
  { name: 'conv on a vector', kind: 'Conv2d', params: {}, inputs: [[1, 100]], key: 'wrongRank' },
  { name: 'conv unconnected', kind: 'Conv2d', params: {}, inputs: [], key: 'unconnectedInput' },
  { name: 'linear on a feature map', kind: 'Linear', params: {}, inputs: [x(8, 7)], key: 'wrongRank' },
  {
    name: 'add with channel mismatch',
    kind: 'Add',
    params: {},
    inputs: [x(8, 7), x(16, 7)],
    key: 'channelMismatch',
  },
  {
    name: 'add with spatial mismatch',
    kind: 'Add',
    params: {},
    inputs: [x(8, 7), x(8, 14)],
    key: 'shapeMismatch',
  },
  { name: 'add with one input', kind: 'Add', params: {}, inputs: [x(8, 7)], key: 'unconnectedInput' },
  {
    name: 'concat of different sizes',
    kind: 'Concat',
    params: {},
    inputs: [x(8, 7), x(8, 14)],
    key: 'concatSpatialMismatch',
  },
  {
    name: 'shuffle groups do not divide',
    kind: 'ChannelShuffle',
    params: { groups: 3 },
    inputs: [x(16, 7)],
    key: 'groupsDoNotDivide',
  },
  {
    name: 'split into unequal parts',
    kind: 'ChannelSplit',
    params: { parts: 3 },
    inputs: [x(16, 7)],
    key: 'splitSizes',
  },
  {
    name: 'split sizes do not add up',
    kind: 'ChannelSplit',
    params: { sizes: [4, 4] },
    inputs: [x(16, 7)],
    key: 'splitSizes',
  },
  {
    name: 'pool window larger than the map',
    kind: 'MaxPool',
    params: { kernel: [5, 5], padding: [0, 0] },
    inputs: [x(8, 3)],
    key: 'spatialCollapse',
  },
  {
    name: 'pool padding over half the kernel',
    kind: 'AvgPool',
    params: { kernel: [2, 2], padding: [2, 2] },
    inputs: [x(8, 8)],
    key: 'invalidParams',
  },
  {
    name: 'scale that is not per channel',
    kind: 'Multiply',
    params: {},
    inputs: [x(8, 8), x(8, 2)],
    key: 'shapeMismatch',
  },
];

describe('op shape rules refuse bad input with a coded reason', () => {
  it.each(bad)('$kind: $name', (c) => {
    const { shapes } = run(c.kind, c.params, c.inputs);
    expect(shapes.ok).toBe(false);
    if (shapes.ok) return;
    expect(shapes.problems[0]?.key).toBe(c.key);
    expect(shapes.problems[0]?.message.length).toBeGreaterThan(10);
    if (c.field !== undefined) expect(shapes.problems[0]?.field).toBe(c.field);
  });
});

describe('the registry', () => {
  it.each(opKinds)('%s has defaults, a summary and formulas', (kind) => {
    const def = opDef(kind);
    const params = def.schema.parse({}) as never;
    expect(def.kind).toBe(kind);
    expect(typeof def.summary(params)).toBe('string');
    expect(def.description.length).toBeGreaterThan(5);
  });

  /** The number a substituted line ends on ("… = 10,838,016" → 10838016), if it ends on one. */
  const result = (line: string): number | undefined => {
    const m = /=\s*([\d,]+)\s*$/.exec(line);
    return m?.[1] === undefined ? undefined : Number(m[1].replace(/,/g, ''));
  };
  const costFigures = ['params', 'buffers', 'multiplyAdds', 'memoryAccess', 'memoryAccessConvFc'] as const;

  it.each(opKinds.filter((k) => k !== 'Opaque'))(
    '%s: every cost formula line, in every conformance case, ends on the figure the cost rule gives',
    (kind) => {
      const def = anyOpDef(kind);
      let checked = 0;
      let costly = false;
      for (const c of def.conformance) {
        const a = analyze(opDesign(kind, c));
        const node = a.design.nodes.find((n) => n.label === SUBJECT);
        const layer = a.layers.find((l) => l.nodeId === node?.id);
        if (layer === undefined) throw new Error(`${kind}: ${c.name} has no analysed subject`);
        const lines = def.formulas({
          params: layer.params,
          inputs: layer.inputShapes,
          outputs: layer.outputShapes,
        });
        costly ||= costFigures.some((f) => layer.cost[f] > 0);
        for (const figure of costFigures) {
          const line = lines.find((l) => l.figure === figure);
          const value = line === undefined ? undefined : result(line.substituted);
          if (value === undefined) continue;
          expect(value, `${kind}: ${c.name}, ${figure}: ${line?.substituted ?? ''}`).toBe(layer.cost[figure]);
          checked++;
        }
      }
      // A kind that costs anything must show at least one worked line for it.
      if (costly)
        expect(checked, `${kind} has no cost formula line that ends on a number`).toBeGreaterThan(0);
    },
  );

  it('formulas substitute the numbers that the cost rule gives', () => {
    const def = opDef('Conv2d');
    const params = def.schema.parse({ outChannels: 32, stride: [2, 2] });
    const inputs = [x(3, 224)];
    const outputs = [x(32, 112)];
    const lines = def.formulas({ params, inputs, outputs });
    const madds = lines.find((l) => l.figure === 'multiplyAdds');
    expect(madds?.substituted).toBe('32·112·112·(3/1)·3·3 = 10,838,016');
  });
});
