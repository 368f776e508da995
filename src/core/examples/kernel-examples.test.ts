import { describe, expect, it } from 'vitest';
import { analyze } from '../analysis/analyze';
import { findExample } from './example-registry';

/** A node's figures by its label in the example's design. */
function nodeCost(exampleName: string, label: string) {
  const example = findExample(exampleName);
  if (example === undefined) throw new Error(`no example ${exampleName}`);
  const design = example.build();
  const a = analyze(design);
  const ids = design.nodes.filter((n) => n.label === label).map((n) => n.id);
  if (ids.length === 0) throw new Error(`${exampleName} has no node ${label}`);
  const layers = a.layers.filter((l) => ids.includes(l.nodeId));
  const sum = (f: (l: (typeof layers)[number]) => number) => layers.reduce((s, l) => s + f(l), 0);
  return {
    params: sum((l) => l.cost.params),
    multiplyAdds: sum((l) => l.cost.multiplyAdds),
    convParams: sum((l) => (l.op === 'Conv2d' ? l.cost.params : 0)),
  };
}

/** Rounds to a paper's printed precision: 2.36M is round(x / 1e4) / 100. */
const millions = (x: number, digits: number) => Math.round(x / 10 ** (6 - digits)) / 10 ** digits;

// Closed forms, written out here from each paper's rule (batch 1; BN has 2 params per channel).
const cases = [
  {
    example: 'fire_vs_conv3x3',
    node: 'conv3x3',
    params: 96 * 128 * 9 + 128,
    multiplyAdds: 128 * 55 * 55 * 96 * 9,
  },
  {
    example: 'fire_vs_conv3x3',
    node: 'fire2',
    params: 96 * 16 + 16 + (16 * 64 + 64) + (16 * 64 * 9 + 64),
    multiplyAdds: 55 * 55 * (96 * 16 + 16 * 64 + 16 * 64 * 9),
  },
  {
    example: 'depthwise_separable_vs_conv3x3',
    node: 'conv3x3',
    params: 3 * 3 * 512 * 512,
    multiplyAdds: 3 * 3 * 512 * 512 * 14 * 14,
  },
  {
    example: 'depthwise_separable_vs_conv3x3',
    node: 'separable',
    params: 3 * 3 * 512 + 512 * 512 + 2 * 512 * 2,
    multiplyAdds: 3 * 3 * 512 * 14 * 14 + 512 * 512 * 14 * 14,
  },
  {
    example: 'inverted_residual_vs_separable',
    node: 'inverted_residual',
    params: 24 * 144 + 144 * 9 + 144 * 24 + 2 * (144 + 144 + 24),
    // MobileNetV2 Table 1: h·w·d'·t·(d' + k² + d'').
    multiplyAdds: 56 * 56 * 24 * 6 * (24 + 9 + 24),
  },
  {
    example: 'inverted_residual_vs_separable',
    node: 'separable',
    params: 24 * 9 + 24 * 24 + 2 * (24 + 24),
    multiplyAdds: 56 * 56 * (24 * 9 + 24 * 24),
  },
  {
    example: 'shufflenet_unit_vs_resnet_bottleneck',
    node: 'shuffle_unit',
    params: (240 * 60) / 3 + 60 * 9 + (60 * 240) / 3 + 2 * (60 + 60 + 240),
    // ShuffleNet section 3.2: hw(2cm/g + 9m).
    multiplyAdds: 28 * 28 * ((2 * 240 * 60) / 3 + 9 * 60),
  },
  {
    example: 'shufflenet_v2_unit_vs_v1_unit',
    node: 'v2_unit',
    // The first stage-2 unit of ShuffleNetV2 1× (stride 2, megvii's layout) on 24×56×56: projection
    // dw 24·9 + 1×1 24·24; main 1×1 24·58, dw 58·9, 1×1 58·92 (116 − 24); BN 2 per channel.
    params: 24 * 9 + 24 * 24 + 24 * 58 + 58 * 9 + 58 * 92 + 2 * (24 + 24 + 58 + 58 + 92),
    multiplyAdds: 28 * 28 * (24 * 9 + 24 * 24) + 56 * 56 * 24 * 58 + 28 * 28 * (58 * 9 + 58 * 92),
  },
  {
    example: 'shufflenet_v2_unit_vs_v1_unit',
    node: 'v1_unit',
    // ShuffleNet g = 3, stage 2's first unit: 1×1 24 → 60 not grouped, dw 3×3 s2 (60), 1×1 group
    // conv 60 → 216 (240 − 24, g = 3), concat with the 3×3 avg pool of the input; BN 2 per channel.
    params: 24 * 60 + 60 * 9 + (60 * 216) / 3 + 2 * (60 + 60 + 216),
    multiplyAdds: 56 * 56 * 24 * 60 + 28 * 28 * (60 * 9 + (60 * 216) / 3),
  },
  {
    example: 'igc_vs_conv3x3',
    node: 'igc',
    // C(9M + L) weights, C = 64, L = 2, M = 32; BN 2C.
    params: 64 * (9 * 32 + 2) + 2 * 64,
    multiplyAdds: 32 * 32 * 64 * (9 * 32 + 2),
  },
  {
    example: 'igc_vs_conv3x3',
    node: 'conv3x3',
    params: 9 * 64 * 64,
    multiplyAdds: 32 * 32 * 9 * 64 * 64,
  },
];

describe('worked examples of the built kernel-level methods', () => {
  it.each(cases)('$example: $node', ({ example, node, params, multiplyAdds }) => {
    const c = nodeCost(example, node);
    expect(c.params).toBe(params);
    expect(c.multiplyAdds).toBe(multiplyAdds);
  });

  it('ShuffleNet: the ResNet bottleneck baseline costs hw(2cm + 9m²)', () => {
    const [c, m, hw] = [240, 60, 28 * 28];
    let macs = 0;
    for (const label of ['reduce1x1', 'conv3x3', 'expand1x1'])
      macs += nodeCost('shufflenet_unit_vs_resnet_bottleneck', label).multiplyAdds;
    expect(macs).toBe(hw * (2 * c * m + 9 * m * m));
  });

  it('fire2 has the 11,920 parameters SqueezeNet Table 1 prints', () => {
    expect(nodeCost('fire_vs_conv3x3', 'fire2').params).toBe(11920);
  });

  it("MobileNet Table 3's figures: 462M / 2.36M dense, 52.3M / 0.27M separable (convs only)", () => {
    const dense = nodeCost('depthwise_separable_vs_conv3x3', 'conv3x3');
    const sep = nodeCost('depthwise_separable_vs_conv3x3', 'separable');
    expect(millions(dense.multiplyAdds, 0)).toBe(462);
    expect(millions(dense.convParams, 2)).toBe(2.36);
    expect(millions(sep.multiplyAdds, 1)).toBe(52.3);
    expect(millions(sep.convParams, 2)).toBe(0.27);
  });
});
