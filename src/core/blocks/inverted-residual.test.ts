import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';
import { expandedWidth } from './inverted-residual';
import { probeBadParams } from '../../../test-support/probe-bad-params';

type Params = {
  outChannels: number;
  stride: number;
  expansion?: number;
  expandedChannels?: number;
  kernel?: number;
  activation?: 'relu6' | 'relu' | 'hardswish';
  squeezeExcite?: boolean;
};
const ir = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('InvertedResidual', p, [x], 'ir'));
const convFcAccess = (r: ReturnType<typeof ir>) =>
  r.layers.reduce((s, l) => s + l.cost.memoryAccessConvFc, 0);

const convBnAct = (act: string) => ['Conv2d', 'BatchNorm', act];
const se = ['GlobalAvgPool', 'Conv2d', 'ReLU', 'Conv2d', 'HardSigmoid', 'Multiply'];
const project = ['Conv2d', 'BatchNorm'];

// Hand counts: expand Cin·E, depthwise E·k², project E·Cout weights; multiply-adds are the weights
// times the output map; BN 2 per channel; SE (E → S → E, with bias) E·S + S + S·E + E params and
// 2·E·S multiply-adds on the 1×1 map. Memory access (conv/FC) per conv: input + output + weights.
interface Case {
  name: string;
  input: number[];
  p: Params;
  shape: number[];
  ops: string[];
  params: number;
  multiplyAdds: number;
  access: number;
}
const cases: Case[] = [
  {
    name: 'MobileNetV2 features.1: t = 1 skips the expansion, 32 → 16, no residual',
    input: [32, 112, 112],
    p: { expansion: 1, outChannels: 16, stride: 1 },
    shape: [1, 16, 112, 112],
    ops: [...convBnAct('ReLU6'), ...project],
    params: 32 * 9 + 32 * 16 + 2 * (32 + 16),
    multiplyAdds: (32 * 9 + 32 * 16) * 112 * 112,
    access: 803_104 + 602_624, // golden CSV rows 1 and 2
  },
  {
    name: 'MobileNetV2 features.3: t = 6, 24 → 24, stride 1: residual add',
    input: [24, 56, 56],
    p: { expansion: 6, outChannels: 24, stride: 1 },
    shape: [1, 24, 56, 56],
    ops: [...convBnAct('ReLU6'), ...convBnAct('ReLU6'), ...project, 'Add'],
    params: 24 * 144 + 144 * 9 + 144 * 24 + 2 * (144 + 144 + 24),
    multiplyAdds: (24 * 144 + 144 * 9 + 144 * 24) * 56 * 56,
    access: 530_304 + 904_464 + 530_304, // golden CSV rows 6 to 8
  },
  {
    name: 'MobileNetV2 features.4: stride 2 on the depthwise conv, 24 → 32',
    input: [24, 56, 56],
    p: { expansion: 6, outChannels: 32, stride: 2 },
    shape: [1, 32, 28, 28],
    ops: [...convBnAct('ReLU6'), ...convBnAct('ReLU6'), ...project],
    params: 24 * 144 + 144 * 9 + 144 * 32 + 2 * (144 + 144 + 32),
    multiplyAdds: 24 * 144 * 56 * 56 + (144 * 9 + 144 * 32) * 28 * 28,
    access: 530_304 + 565_776 + 142_592, // golden CSV rows 9 to 11
  },
  {
    name: 'equal widths but stride 2: no residual',
    input: [16, 8, 8],
    p: { expansion: 2, outChannels: 16, stride: 2 },
    shape: [1, 16, 4, 4],
    ops: [...convBnAct('ReLU6'), ...convBnAct('ReLU6'), ...project],
    params: 16 * 32 + 32 * 9 + 32 * 16 + 2 * (32 + 32 + 16),
    multiplyAdds: 16 * 32 * 64 + (32 * 9 + 32 * 16) * 16,
    access: 16 * 64 + 32 * 64 + 16 * 32 + (32 * 64 + 32 * 16 + 32 * 9) + (32 * 16 + 16 * 16 + 32 * 16),
  },
  {
    name: 'MobileNetV3-Large features.13: expanded 672, 5×5 stride 2, SE (squeeze 168), hard-swish',
    input: [112, 14, 14],
    p: {
      expandedChannels: 672,
      outChannels: 160,
      stride: 2,
      kernel: 5,
      activation: 'hardswish',
      squeezeExcite: true,
    },
    shape: [1, 160, 7, 7],
    ops: [...convBnAct('HardSwish'), ...convBnAct('HardSwish'), ...se, ...project],
    params: 112 * 672 + 672 * 25 + (672 * 168 + 168 + 168 * 672 + 672) + 672 * 160 + 2 * (672 + 672 + 160),
    multiplyAdds: 112 * 672 * 196 + (672 * 25 + 672 * 160) * 49 + 2 * 672 * 168,
    access:
      112 * 196 +
      672 * 196 +
      112 * 672 + // expand
      (672 * 196 + 672 * 49 + 672 * 25) + // depthwise
      2 * (672 + 168 + 672 * 168) + // SE fc1, fc2
      (672 * 49 + 160 * 49 + 672 * 160), // project
  },
  {
    name: 'MobileNetV3-Small features.1: expanded = input skips the expansion, SE squeeze 8, ReLU',
    input: [16, 112, 112],
    p: { expandedChannels: 16, outChannels: 16, stride: 2, activation: 'relu', squeezeExcite: true },
    shape: [1, 16, 56, 56],
    ops: [...convBnAct('ReLU'), ...se, ...project],
    params: 16 * 9 + (16 * 8 + 8 + 8 * 16 + 16) + 16 * 16 + 2 * (16 + 16),
    multiplyAdds: (16 * 9 + 16 * 16) * 56 * 56 + 2 * 16 * 8,
    access: 16 * 112 * 112 + 16 * 3136 + 144 + 2 * (16 + 8 + 128) + (2 * 16 * 3136 + 256),
  },
  {
    name: 'MobileNetV3-Large features.5: SE and a residual (squeeze ⌊120/4⌋ = 30 → 32)',
    input: [40, 28, 28],
    p: {
      expandedChannels: 120,
      outChannels: 40,
      stride: 1,
      kernel: 5,
      activation: 'relu',
      squeezeExcite: true,
    },
    shape: [1, 40, 28, 28],
    ops: [...convBnAct('ReLU'), ...convBnAct('ReLU'), ...se, ...project, 'Add'],
    params: 40 * 120 + 120 * 25 + (120 * 32 + 32 + 32 * 120 + 120) + 120 * 40 + 2 * (120 + 120 + 40),
    multiplyAdds: (40 * 120 + 120 * 25 + 120 * 40) * 784 + 2 * 120 * 32,
    access:
      (40 + 120) * 784 + 4800 + (2 * 120 * 784 + 3000) + 2 * (120 + 32 + 3840) + ((120 + 40) * 784 + 4800),
  },
];

describe('InvertedResidual', () => {
  it.each(cases)('$name', ({ input, p, shape, ops, params, multiplyAdds, access }) => {
    const r = ir(input, p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.layers.map((l) => l.op)).toEqual(ops);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
    expect(convFcAccess(r)).toBe(access);
  });

  it('adds the block input (port 0) to the projection (port 1), as x + F(x)', () => {
    const r = ir([24, 8, 8], { expansion: 6, outChannels: 24, stride: 1 });
    const add = r.layers.at(-1);
    const projectBn = r.layers.find((l) => l.name === 'ir/project_bn');
    const expand = r.layers.find((l) => l.name === 'ir/expand');
    expect(add?.inputTensors).toEqual([expand?.inputTensors[0], projectBn?.outputTensors[0]]);
  });

  it('puts SE after the depthwise activation and scales that tensor', () => {
    const r = ir([16, 8, 8], { expansion: 4, outChannels: 24, stride: 1, squeezeExcite: true });
    const act = r.layers.find((l) => l.name === 'ir/depthwise_relu6');
    const scale = r.layers.find((l) => l.name === 'ir/se.scale');
    const pool = r.layers.find((l) => l.name === 'ir/se.avgpool');
    expect(pool?.inputTensors).toEqual(act?.outputTensors);
    expect(scale?.inputTensors[0]).toBe(act?.outputTensors[0]);
    expect(r.layers.find((l) => l.name === 'ir/se.fc1')?.params).toMatchObject({
      outChannels: 16,
      bias: true,
    });
  });

  it.each([
    { cin: 32, t: 6, width: 192 },
    { cin: 3, t: 1.5, width: 4 }, // Python's round(4.5) = 4, to even
    { cin: 5, t: 1.5, width: 8 }, // round(7.5) = 8
    { cin: 10, t: 0.25, width: 2 }, // round(2.5) = 2
  ])(
    'expanded width round($cin · $t) = $width, rounding halves to even like torchvision',
    ({ cin, t, width }) => {
      const p = {
        outChannels: 8,
        stride: 1,
        expansion: t,
        kernel: 3,
        activation: 'relu6',
        squeezeExcite: false,
        batchNorm: true,
        bnEpsilon: 1e-5,
      } as const;
      expect(expandedWidth(p, cin)).toBe(width);
    },
  );

  it('says so when it is fed a vector instead of a feature map', () => {
    expect(ir([64], { outChannels: 64, stride: 1 }).errors).toEqual(['wrongRank']);
  });

  it.each([
    { field: 'kernel', value: 2 },
    { field: 'stride', value: 0 },
    { field: 'expansion', value: 0 },
    { field: 'expandedChannels', value: -1 },
    { field: 'activation', value: 'gelu' },
  ])('rejects $field = $value with a diagnostic, not a crash', ({ field, value }) => {
    expect(probeBadParams('InvertedResidual', [16, 8, 8], { [field]: value })).toEqual([
      { code: 'CS008', field },
    ]);
  });
});
