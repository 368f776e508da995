import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';
import { probeBadParams } from '../../../test-support/probe-bad-params';

type Params = { outChannels: number; stride: number; kernel?: number };
const ds = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('DepthwiseSeparable', p, [x], 'ds'));
const convFcAccess = (r: ReturnType<typeof ds>) =>
  r.layers.reduce((s, l) => s + l.cost.memoryAccessConvFc, 0);

// Hand counts. Depthwise: C·k² weights, C·H'·W'·k² multiply-adds; pointwise: C·Cout weights at H'×W';
// BN 2·C + 2·Cout. Memory access (conv/FC) per conv: input + output + weights.
const cases = [
  {
    name: 'MobileNetV1 layer 1: 32 → 64 at 112×112, stride 1',
    input: [32, 112, 112],
    p: { outChannels: 64, stride: 1 },
    shape: [1, 64, 112, 112],
    params: 32 * 9 + 32 * 64 + 2 * (32 + 64),
    multiplyAdds: 32 * 112 * 112 * 9 + 32 * 64 * 112 * 112,
    access: 2 * 32 * 112 * 112 + 32 * 9 + (32 + 64) * 112 * 112 + 32 * 64,
  },
  {
    name: 'MobileNetV1 layer 2: 64 → 128, stride 2 on the depthwise conv',
    input: [64, 112, 112],
    p: { outChannels: 128, stride: 2 },
    shape: [1, 128, 56, 56],
    params: 64 * 9 + 64 * 128 + 2 * (64 + 128),
    multiplyAdds: 64 * 56 * 56 * 9 + 64 * 128 * 56 * 56,
    access: 64 * 112 * 112 + 64 * 56 * 56 + 64 * 9 + (64 + 128) * 56 * 56 + 64 * 128,
  },
  {
    name: '5×5 kernel, stride 2 on an odd 7×7 map: (7 + 4 − 5)/2 + 1 = 4',
    input: [8, 7, 7],
    p: { outChannels: 16, stride: 2, kernel: 5 },
    shape: [1, 16, 4, 4],
    params: 8 * 25 + 8 * 16 + 2 * (8 + 16),
    multiplyAdds: 8 * 16 * 25 + 8 * 16 * 16,
    access: 8 * 49 + 8 * 16 + 8 * 25 + (8 + 16) * 16 + 8 * 16,
  },
  {
    name: 'a stride wider than the map still leaves one pixel (same padding never collapses)',
    input: [4, 3, 3],
    p: { outChannels: 4, stride: 4 },
    shape: [1, 4, 1, 1],
    params: 4 * 9 + 4 * 4 + 2 * (4 + 4),
    multiplyAdds: 4 * 9 + 4 * 4,
    access: 4 * 9 + 4 + 4 * 9 + (4 + 4) + 4 * 4,
  },
];

describe('DepthwiseSeparable', () => {
  it.each(cases)('$name', ({ input, p, shape, params, multiplyAdds, access }) => {
    const r = ds(input, p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
    expect(convFcAccess(r)).toBe(access);
  });

  it('expands to depthwise + BN + ReLU, pointwise + BN + ReLU, depthwise groups = channels', () => {
    const r = ds([32, 16, 16], { outChannels: 64, stride: 1 });
    expect(r.layers.map((l) => l.op)).toEqual(['Conv2d', 'BatchNorm', 'ReLU', 'Conv2d', 'BatchNorm', 'ReLU']);
    expect(r.layers.map((l) => l.name)).toEqual([
      'ds/depthwise',
      'ds/depthwise_bn',
      'ds/depthwise_relu',
      'ds/pointwise',
      'ds/pointwise_bn',
      'ds/pointwise_relu',
    ]);
    expect(r.layers[0]?.params).toMatchObject({ groups: 32, outChannels: 32, padding: [1, 1] });
  });

  it('says so when it is fed a vector instead of a feature map', () => {
    expect(ds([64], { outChannels: 64, stride: 1 }).errors).toEqual(['wrongRank']);
  });

  it.each([
    { field: 'kernel', value: 4 },
    { field: 'stride', value: 0 },
    { field: 'outChannels', value: 2.5 },
  ])('rejects $field = $value with a diagnostic, not a crash', ({ field, value }) => {
    expect(probeBadParams('DepthwiseSeparable', [8, 8, 8], { [field]: value })).toEqual([
      { code: 'CS008', field },
    ]);
  });
});
