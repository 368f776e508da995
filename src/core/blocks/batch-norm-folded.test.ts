import { describe, expect, it } from 'vitest';
import { probeBlock } from '../../../test-support/block-probe';
import { blockRegistry } from './block-registry';

type Kind = 'DepthwiseSeparable' | 'InvertedResidual' | 'ShuffleUnitV1' | 'ShuffleUnitV2';

const probe = (kind: Kind, input: number[], p: Record<string, unknown>) =>
  probeBlock(input, (g, x) => g.add(kind, p, [x], 'b'));

const cases: { kind: Kind; input: number[]; p: Record<string, unknown> }[] = [
  { kind: 'DepthwiseSeparable', input: [32, 16, 16], p: { outChannels: 64 } },
  { kind: 'DepthwiseSeparable', input: [16, 15, 15], p: { outChannels: 24, stride: 2, kernel: 5 } },
  { kind: 'InvertedResidual', input: [16, 14, 14], p: { outChannels: 16, expansion: 6 } },
  { kind: 'InvertedResidual', input: [32, 14, 14], p: { outChannels: 16, expansion: 1 } },
  {
    kind: 'InvertedResidual',
    input: [24, 14, 14],
    p: {
      outChannels: 40,
      expandedChannels: 96,
      kernel: 5,
      stride: 2,
      activation: 'hardswish',
      squeezeExcite: true,
    },
  },
  { kind: 'ShuffleUnitV1', input: [240, 14, 14], p: { outChannels: 240, groups: 3 } },
  { kind: 'ShuffleUnitV1', input: [240, 14, 14], p: { outChannels: 480, groups: 3, stride: 2 } },
  { kind: 'ShuffleUnitV2', input: [116, 14, 14], p: { outChannels: 116 } },
  { kind: 'ShuffleUnitV2', input: [24, 28, 28], p: { outChannels: 116, stride: 2 } },
];

describe('batch norm folded into the convs (batchNorm: false)', () => {
  it.each(cases)(
    '$kind $p: conv + bias instead of conv + BN, multiply-adds unchanged',
    ({ kind, input, p }) => {
      const kept = probe(kind, input, p);
      const folded = probe(kind, input, { ...p, batchNorm: false });
      expect(kept.errors).toEqual([]);
      expect(folded.errors).toEqual([]);
      expect(folded.shape).toEqual(kept.shape);
      expect(folded.multiplyAdds).toBe(kept.multiplyAdds);
      const bns = kept.layers.filter((l) => l.op === 'BatchNorm');
      expect(bns.length).toBeGreaterThan(0);
      expect(folded.layers.filter((l) => l.op === 'BatchNorm')).toEqual([]);
      // Each BN's γ, β (2C) becomes the bias (C) of the conv before it.
      const bnChannels = bns.reduce((s, l) => s + (l.outputShapes[0]?.[1] ?? 0), 0);
      expect(folded.params).toBe(kept.params - bnChannels);
      expect(folded.layers.length).toBe(kept.layers.length - bns.length);
      // Every conv that had a BN after it now carries a bias; the others are as they were.
      const convBias = (layers: typeof kept.layers) =>
        layers.filter((l) => l.op === 'Conv2d').map((l) => (l.params as { bias: boolean }).bias);
      const hadBn = kept.layers
        .filter((l) => l.op === 'Conv2d')
        .map((l) => (l.params as { bias: boolean }).bias || bns.some((b) => b.name === `${l.name}_bn`));
      expect(convBias(folded.layers)).toEqual(hadBn);
      expect(
        blockRegistry[kind].summary(
          blockRegistry[kind].schema.parse({ ...p, batchNorm: false }) as never,
          undefined,
        ),
      ).toMatch(/BN folded/);
      expect(
        blockRegistry[kind].summary(blockRegistry[kind].schema.parse(p) as never, undefined),
      ).not.toMatch(/BN folded/);
    },
  );

  it('depthwise-separable 32 → 64 by hand: 32·9 + 32 + 32·64 + 64 params folded, against + 2·(32 + 64) kept', () => {
    expect(probe('DepthwiseSeparable', [32, 16, 16], { outChannels: 64, batchNorm: false }).params).toBe(
      32 * 9 + 32 + 32 * 64 + 64,
    );
    expect(probe('DepthwiseSeparable', [32, 16, 16], { outChannels: 64 }).params).toBe(
      32 * 9 + 32 * 64 + 2 * (32 + 64),
    );
  });

  it('inverted residual: bnEpsilon reaches every batch norm (torchvision MobileNetV3 uses 0.001)', () => {
    const r = probe('InvertedResidual', [16, 8, 8], { outChannels: 16, expansion: 4, bnEpsilon: 0.001 });
    const eps = r.layers
      .filter((l) => l.op === 'BatchNorm')
      .map((l) => (l.params as { epsilon: number }).epsilon);
    expect(eps).toEqual([0.001, 0.001, 0.001]);
    const plain = probe('InvertedResidual', [16, 8, 8], { outChannels: 16, expansion: 4 });
    expect([r.params, r.multiplyAdds]).toEqual([plain.params, plain.multiplyAdds]);
    const ir = blockRegistry.InvertedResidual;
    expect(ir.summary(ir.schema.parse({ bnEpsilon: 0.001 }), undefined)).toMatch(/ε=0.001/);
  });
});
