import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import { probeBlock } from '../../../test-support/block-probe';

// Whatever the settings and the input, a block either analyses to a shape or says why not: its
// derived widths (out/4, out/2, out − in, out·e) must never reach a schema as a bad number and throw.
const channels = fc.integer({ min: 1, max: 300 });
const stride = fc.constantFrom(1, 2);
const input = fc.tuple(channels, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }));

type Place = (g: GraphBuilder, x: PortRef) => PortRef;
const placements: Record<string, fc.Arbitrary<Place>> = {
  ShuffleUnitV1: fc
    .record({
      outChannels: channels,
      groups: fc.integer({ min: 1, max: 9 }),
      stride,
      groupFirst: fc.boolean(),
    })
    .map((p) => (g, x) => g.add('ShuffleUnitV1', p, [x])),
  ShuffleUnitV2: fc
    .record({ outChannels: channels, stride })
    .map((p) => (g, x) => g.add('ShuffleUnitV2', p, [x])),
  InterleavedGroupConv: fc
    .record({
      outChannels: channels,
      primaryGroups: fc.integer({ min: 1, max: 8 }),
      secondaryGroups: fc.integer({ min: 1, max: 40 }),
      stride,
    })
    .map((p) => (g, x) => g.add('InterleavedGroupConv', p, [x])),
  ShiftBlock: fc
    .record({ outChannels: channels, expansion: fc.double({ min: 0.01, max: 8, noNaN: true }), stride })
    .map((p) => (g, x) => g.add('ShiftBlock', p, [x])),
  LowRankConv: fc
    .record({
      mode: fc.constantFrom('separable' as const, 'basis' as const),
      outChannels: channels,
      kernel: fc.integer({ min: 1, max: 11 }),
      rank: channels,
      stride,
    })
    .map((p) => (g, x) => g.add('LowRankConv', p, [x])),
};

describe('ShuffleNet-family and kernel-level blocks under any settings', () => {
  it.each(Object.keys(placements))('%s gives a shape or an error, never a throw', (kind) => {
    const place = placements[kind];
    if (place === undefined) throw new Error(kind);
    fc.assert(
      fc.property(input, place, (shape, p) => {
        const r = probeBlock(shape, p);
        expect(r.shape !== undefined || r.errors.length > 0).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
