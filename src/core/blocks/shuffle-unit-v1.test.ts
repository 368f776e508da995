import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';

type Params = { outChannels: number; groups: number; stride: number; groupFirst?: boolean };
const unit = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('ShuffleUnitV1', p, [x], 'unit'));

// Hand counts: bottleneck m = ⌊out/4⌋; gconv1 m·(in/g1), dw m·9, gconv2 b·(m/g) with b = out (s1)
// or out − in (s2); each weight times the output H·W of its conv; BN adds 2 params per channel.
const cases = [
  {
    name: 'stride 1, g3, 240 ch (stage 3 repeat)',
    input: [240, 28, 28],
    p: { outChannels: 240, groups: 3, stride: 1 },
    shape: [1, 240, 28, 28],
    params: 60 * 80 + 60 * 9 + 240 * 20 + 2 * (60 + 60 + 240),
    multiplyAdds: (60 * 80 + 60 * 9 + 240 * 20) * 28 * 28,
  },
  {
    name: 'stride 2, first unit of stage 2 (no groups on the 24-ch input)',
    input: [24, 56, 56],
    p: { outChannels: 240, groups: 3, stride: 2, groupFirst: false },
    shape: [1, 240, 28, 28],
    params: 60 * 24 + 60 * 9 + 216 * 20 + 2 * (60 + 60 + 216),
    multiplyAdds: 60 * 24 * 56 * 56 + (60 * 9 + 216 * 20) * 28 * 28,
  },
  {
    name: 'stride 2, g3, 240 → 480',
    input: [240, 28, 28],
    p: { outChannels: 480, groups: 3, stride: 2 },
    shape: [1, 480, 14, 14],
    params: 120 * 80 + 120 * 9 + 240 * 40 + 2 * (120 + 120 + 240),
    multiplyAdds: 120 * 80 * 28 * 28 + (120 * 9 + 240 * 40) * 14 * 14,
  },
  {
    name: 'stride 1, g1 (no shuffle)',
    input: [144, 28, 28],
    p: { outChannels: 144, groups: 1, stride: 1 },
    shape: [1, 144, 28, 28],
    params: 36 * 144 + 36 * 9 + 144 * 36 + 2 * (36 + 36 + 144),
    multiplyAdds: (36 * 144 + 36 * 9 + 144 * 36) * 28 * 28,
  },
  {
    name: 'stride 2, g8, 384 → 768',
    input: [384, 28, 28],
    p: { outChannels: 768, groups: 8, stride: 2 },
    shape: [1, 768, 14, 14],
    params: 192 * 48 + 192 * 9 + 384 * 24 + 2 * (192 + 192 + 384),
    multiplyAdds: 192 * 48 * 28 * 28 + (192 * 9 + 384 * 24) * 14 * 14,
  },
];

describe('ShuffleUnitV1', () => {
  it.each(cases)('$name', ({ input, p, shape, params, multiplyAdds }) => {
    const r = unit(input, p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
  });

  it('stride 1 adds the input back; stride 2 concatenates its 3×3 avg pool', () => {
    const ops = (stride: number, out: number) =>
      unit([240, 28, 28], { outChannels: out, groups: 3, stride }).layers.map((l) => l.op);
    expect(ops(1, 240)).toEqual([
      ...['Conv2d', 'BatchNorm', 'ReLU', 'ChannelShuffle', 'Conv2d', 'BatchNorm', 'Conv2d', 'BatchNorm'],
      ...['Add', 'ReLU'],
    ]);
    expect(ops(2, 480).slice(-3)).toEqual(['AvgPool', 'Concat', 'ReLU']);
  });

  it('leaves the shuffle out with one group', () => {
    const r = unit([144, 28, 28], { outChannels: 144, groups: 1, stride: 1 });
    expect(r.layers.some((l) => l.op === 'ChannelShuffle')).toBe(false);
  });

  it.each([
    {
      name: 'groups that do not divide',
      input: [240, 28, 28],
      p: { outChannels: 240, groups: 7, stride: 1 },
      key: 'groupsDoNotDivide',
    },
    {
      name: 'bottleneck not divisible by g',
      input: [200, 28, 28],
      p: { outChannels: 200, groups: 8, stride: 1 },
      key: 'groupsDoNotDivide',
    },
    {
      name: 'stride 1 with out ≠ in',
      input: [240, 28, 28],
      p: { outChannels: 480, groups: 3, stride: 1 },
      key: 'channelMismatch',
    },
    {
      name: 'stride 2 with out ≤ in',
      input: [240, 28, 28],
      p: { outChannels: 240, groups: 3, stride: 2 },
      key: 'invalidParams',
    },
    { name: 'a vector input', input: [240], p: { outChannels: 240, groups: 3, stride: 1 }, key: 'wrongRank' },
  ])('reports $name as $key', ({ input, p, key }) => {
    const r = unit(input, p);
    expect(r.errors).toContain(key);
    expect(r.shape).toBeUndefined();
  });
});
