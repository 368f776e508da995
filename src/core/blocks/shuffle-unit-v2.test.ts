import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';

type Params = { outChannels: number; stride: number };
const unit = (input: number[], p: Params) =>
  probeBlock(input, (g, x) => g.add('ShuffleUnitV2', p, [x], 'unit'));

// Hand counts, authors' layout: branch width m = ⌊out/2⌋. Stride 1: pw1 m·(in/2), dw m·9,
// pw2 (out − in/2)·m. Stride 2 adds the projection (dw in·9, pw in·in) and the branch makes out − in.
const cases = [
  {
    name: 'stride 1, 116 ch (1× stage 2 repeat)',
    input: [116, 28, 28],
    p: { outChannels: 116, stride: 1 },
    shape: [1, 116, 28, 28],
    params: 58 * 58 + 58 * 9 + 58 * 58 + 2 * (58 + 58 + 58),
    multiplyAdds: (58 * 58 + 58 * 9 + 58 * 58) * 28 * 28,
  },
  {
    name: 'stride 2, 24 → 116 (projection keeps 24, branch makes 92)',
    input: [24, 56, 56],
    p: { outChannels: 116, stride: 2 },
    shape: [1, 116, 28, 28],
    params: 24 * 9 + 24 * 24 + 58 * 24 + 58 * 9 + 92 * 58 + 2 * (24 + 24 + 58 + 58 + 92),
    multiplyAdds: (24 * 9 + 24 * 24) * 28 * 28 + 58 * 24 * 56 * 56 + (58 * 9 + 92 * 58) * 28 * 28,
  },
  {
    name: 'stride 2, 488 → 976 (2× stage 4: the branch makes out − in = 488)',
    input: [488, 14, 14],
    p: { outChannels: 976, stride: 2 },
    shape: [1, 976, 7, 7],
    params: 488 * 9 + 488 * 488 + 488 * 488 + 488 * 9 + 488 * 488 + 2 * (488 * 5),
    multiplyAdds: (488 * 9 + 488 * 488) * 49 + 488 * 488 * 196 + (488 * 9 + 488 * 488) * 49,
  },
];

describe('ShuffleUnitV2', () => {
  it.each(cases)('$name', ({ input, p, shape, params, multiplyAdds }) => {
    const r = unit(input, p);
    expect(r.errors).toEqual([]);
    expect(r.shape).toEqual(shape);
    expect(r.params).toBe(params);
    expect(r.multiplyAdds).toBe(multiplyAdds);
  });

  it('splits at stride 1 and runs two strided branches at stride 2, then concat and shuffle', () => {
    const s1 = unit([116, 28, 28], { outChannels: 116, stride: 1 }).layers.map((l) => l.op);
    expect(s1[0]).toBe('ChannelSplit');
    expect(s1.slice(-2)).toEqual(['Concat', 'ChannelShuffle']);
    const s2 = unit([24, 56, 56], { outChannels: 116, stride: 2 }).layers;
    expect(s2.some((l) => l.op === 'ChannelSplit')).toBe(false);
    const strided = s2.filter((l) => l.op === 'Conv2d' && (l.params as { stride: number[] }).stride[0] === 2);
    expect(strided.map((l) => l.name)).toEqual(['unit/proj_dw', 'unit/dw']);
  });

  it.each([
    {
      name: 'odd input channels at stride 1',
      input: [115, 28, 28],
      p: { outChannels: 116, stride: 1 },
      key: 'splitSizes',
    },
    {
      name: 'an odd output (shuffle by 2)',
      input: [24, 56, 56],
      p: { outChannels: 117, stride: 2 },
      key: 'groupsDoNotDivide',
    },
    {
      name: 'stride 2 with out ≤ in',
      input: [116, 28, 28],
      p: { outChannels: 116, stride: 2 },
      key: 'invalidParams',
    },
    {
      name: 'stride 1 with out ≤ in/2',
      input: [116, 28, 28],
      p: { outChannels: 58, stride: 1 },
      key: 'invalidParams',
    },
    { name: 'a vector input', input: [116], p: { outChannels: 116, stride: 1 }, key: 'wrongRank' },
  ])('reports $name as $key', ({ input, p, key }) => {
    const r = unit(input, p);
    expect(r.errors).toContain(key);
    expect(r.shape).toBeUndefined();
  });

  it('refuses a stride-1 unit that widens, as the paper’s unit cannot, naming both widths', () => {
    const r = unit([24, 56, 56], { outChannels: 116, stride: 1 });
    expect(r.errors).toEqual(['invalidParams']);
    expect(r.messages.join(' ')).toMatch(/receives 24 channels, so it must output 24, not 116/);
  });
});
