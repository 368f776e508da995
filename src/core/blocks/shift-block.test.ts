import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';

type Params = { outChannels: number; expansion: number; stride: number };
const shift = (input: number[], p: Params) => probeBlock(input, (g, x) => g.add('ShiftBlock', p, [x], 'csc'));

// Hand counts: mid = ⌊out·e⌋; expand in·mid at the input size, project mid·out at the output size
// (the strided 1×1), BN 2·(mid + out); the shift itself has no params and no multiply-adds. When the
// stride is 2 or the width changes, the authors' projection shortcut (ShiftConv's `shortcut`: 1×1
// in → out with the stride + BN) adds in·out weights + 2·out, and in·out·H'·W' multiply-adds.
const cases = [
  {
    name: 'stride 1, 64 ch, e1 (residual)',
    input: [64, 32, 32],
    p: { outChannels: 64, expansion: 1, stride: 1 },
    shape: [1, 64, 32, 32],
    params: 64 * 64 + 64 * 64 + 2 * (64 + 64),
    multiplyAdds: (64 * 64 + 64 * 64) * 32 * 32,
    residual: true,
  },
  {
    name: 'stride 2, 64 → 128, e2 (strided second 1×1, projection shortcut)',
    input: [64, 32, 32],
    p: { outChannels: 128, expansion: 2, stride: 2 },
    shape: [1, 128, 16, 16],
    params: 64 * 256 + 256 * 128 + 2 * (256 + 128) + 64 * 128 + 2 * 128,
    multiplyAdds: 64 * 256 * 32 * 32 + 256 * 128 * 16 * 16 + 64 * 128 * 16 * 16,
    residual: true,
    projection: true,
  },
  {
    name: 'stride 1, e0.5 (a narrow shift)',
    input: [32, 8, 8],
    p: { outChannels: 32, expansion: 0.5, stride: 1 },
    shape: [1, 32, 8, 8],
    params: 32 * 16 + 16 * 32 + 2 * (16 + 32),
    multiplyAdds: (32 * 16 + 16 * 32) * 8 * 8,
    residual: true,
  },
  {
    name: 'stride 1 that widens, 32 → 48 (projection shortcut)',
    input: [32, 8, 8],
    p: { outChannels: 48, expansion: 1, stride: 1 },
    shape: [1, 48, 8, 8],
    params: 32 * 48 + 48 * 48 + 2 * (48 + 48) + 32 * 48 + 2 * 48,
    multiplyAdds: (32 * 48 + 48 * 48 + 32 * 48) * 8 * 8,
    residual: true,
    projection: true,
  },
];

describe('ShiftBlock', () => {
  it.each(cases)('$name', ({ input, p, shape, params, multiplyAdds, residual, ...rest }) => {
    const r = shift(input, p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
    expect(r.layers.some((l) => l.op === 'Add')).toBe(residual);
    expect(r.layers.filter((l) => l.op === 'Conv2d')).toHaveLength('projection' in rest ? 3 : 2);
    expect(r.layers.at(-1)?.op).toBe('ReLU');
  });

  it('shifts between the two 1×1 convs at zero cost', () => {
    const r = shift([64, 32, 32], { outChannels: 64, expansion: 1, stride: 1 });
    const s = r.layers.find((l) => l.op === 'Shift');
    expect(s?.cost.params).toBe(0);
    expect(s?.cost.multiplyAdds).toBe(0);
    expect(r.layers.map((l) => l.name).slice(0, 6)).toEqual([
      ...['csc/expand1x1', 'csc/expand1x1_bn', 'csc/expand1x1_relu', 'csc/shift'],
      ...['csc/project1x1', 'csc/project1x1_bn'],
    ]);
  });

  it.each([
    {
      name: 'an expansion that leaves no channels',
      input: [4, 8, 8],
      p: { outChannels: 4, expansion: 0.1, stride: 1 },
      key: 'invalidParams',
    },
    {
      name: 'a vector input',
      input: [64],
      p: { outChannels: 64, expansion: 1, stride: 1 },
      key: 'wrongRank',
    },
  ])('reports $name as $key', ({ input, p, key }) => {
    const r = shift(input, p);
    expect(r.errors).toContain(key);
    expect(r.shape).toBeUndefined();
  });
});
