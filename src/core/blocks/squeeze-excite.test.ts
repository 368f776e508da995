import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';
import { makeDivisible } from './mobilenet-common';
import { probeBadParams } from '../../../test-support/probe-bad-params';

type Params = {
  squeezeChannels?: number;
  reduction?: number;
  divisor?: number;
  gate?: 'hardsigmoid' | 'sigmoid';
};
const se = (input: number[], p: Params) => probeBlock(input, (g, x) => g.add('SqueezeExcite', p, [x], 'se'));

// Hand counts for C channels squeezed to S: fc1 C·S + S, fc2 S·C + C params (both with bias);
// 2·C·S multiply-adds, on the pooled 1×1 map whatever the input size.
const seParams = (c: number, s: number) => c * s + s + s * c + c;
const cases = [
  {
    name: 'MobileNetV3 default: 64 channels, ⌊64/4⌋ = 16, hard-sigmoid',
    input: [64, 14, 14],
    p: {},
    squeeze: 16,
    gate: 'HardSigmoid',
  },
  {
    name: 'rounding up: ⌊40/4⌋ = 10 rounds to 8, under 90% of 10, so 16',
    input: [40, 28, 28],
    p: {},
    squeeze: 16,
    gate: 'HardSigmoid',
  },
  {
    name: 'Hu et al.: reduction 16, no rounding, sigmoid',
    input: [256, 7, 7],
    p: { reduction: 16, divisor: 1, gate: 'sigmoid' },
    squeeze: 16,
    gate: 'Sigmoid',
  },
  {
    name: 'explicit squeeze width overrides the reduction',
    input: [64, 4, 4],
    p: { squeezeChannels: 8, reduction: 2 },
    squeeze: 8,
    gate: 'HardSigmoid',
  },
] as const;

describe('SqueezeExcite', () => {
  it.each(cases)('$name', ({ input, p, squeeze, gate }) => {
    const [c, h, w] = input;
    const r = se([...input], p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual([1, c, h, w]);
    expect(r.layers.map((l) => l.op)).toEqual([
      'GlobalAvgPool',
      'Conv2d',
      'ReLU',
      'Conv2d',
      gate,
      'Multiply',
    ]);
    expect(r.params).toBe(seParams(c, squeeze));
    expect(r.multiplyAdds).toBe(2 * c * squeeze);
    expect(r.layers.reduce((s, l) => s + l.cost.memoryAccessConvFc, 0)).toBe(2 * (c + squeeze + c * squeeze));
  });

  it('scales the block input itself (port 0) by the gate (port 1)', () => {
    const r = se([32, 8, 8], {});
    const [pool] = r.layers;
    const gate = r.layers.find((l) => l.name === 'se/scale_activation');
    expect(r.layers.at(-1)?.inputTensors).toEqual([pool?.inputTensors[0], gate?.outputTensors[0]]);
    // Multiply reads the map and the 1×1 scale, writes the map.
    expect(r.layers.at(-1)?.cost.memoryAccess).toBe(2 * 32 * 64 + 32);
  });

  it.each([
    [8, 8],
    [10, 16],
    [16, 16],
    [30, 32],
    [168, 168],
    [1280 * 0.35, 448],
  ])('make_divisible(%d, 8) = %d, as torchvision rounds', (v, want) => {
    expect(makeDivisible(v)).toBe(want);
  });

  it('says so when it is fed a vector instead of a feature map', () => {
    expect(se([64], {}).errors).toEqual(['wrongRank']);
  });

  it.each([
    { field: 'reduction', value: 0 },
    { field: 'squeezeChannels', value: 1.5 },
    { field: 'gate', value: 'relu' },
  ])('rejects $field = $value with a diagnostic, not a crash', ({ field, value }) => {
    expect(probeBadParams('SqueezeExcite', [16, 4, 4], { [field]: value })).toEqual([
      { code: 'CS008', field },
    ]);
  });
});
