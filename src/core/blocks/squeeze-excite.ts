import { z } from 'zod';
import { ok, type Result } from '../diagnostics';
import { GraphBuilder } from '../design/builder';
import type { Subgraph } from '../design/subgraph';
import type { PortRef } from '../design/design-types';
import { featureMap, positiveInt } from '../ops/op-common';
import type { OpParamsInput } from '../kind-table';
import { channels } from '../shape';
import { makeDivisible } from './mobilenet-common';
import type { BlockDef } from './block-types';
import { squeezeExciteTorch } from '../torch/blocks/squeeze-excite-torch';

const gateOps = { hardsigmoid: 'HardSigmoid', sigmoid: 'Sigmoid' } as const;
export type SeGate = keyof typeof gateOps;

/**
 * Adds squeeze-excite primitives (torchvision's SqueezeExcitation, module names kept):
 * global pool → 1×1 conv with bias → ReLU → 1×1 conv with bias → gate → channel scale of `x`.
 * With `x` undefined the tensor to scale is the enclosing block's input: bind it to `reads`.
 */
export function addSqueezeExcite(
  g: GraphBuilder,
  x: PortRef | undefined,
  spec: {
    readonly channels: number;
    readonly squeeze: number;
    readonly gate: SeGate;
    /** Between the two 1×1 convs: ReLU (MobileNetV3, default) or SiLU (EfficientNet). */
    readonly act?: 'ReLU' | 'SiLU';
  },
  prefix = '',
): { readonly out: PortRef; readonly reads: readonly PortRef[] } {
  const fc = (outChannels: number): OpParamsInput<'Conv2d'> => ({
    outChannels,
    kernel: [1, 1],
    padding: [0, 0],
    bias: true,
  });
  const pool = g.add('GlobalAvgPool', {}, x === undefined ? [] : [x], `${prefix}avgpool`);
  const fc1 = g.add('Conv2d', fc(spec.squeeze), [pool], `${prefix}fc1`);
  const relu = g.add(spec.act ?? 'ReLU', {}, [fc1], `${prefix}activation`);
  const fc2 = g.add('Conv2d', fc(spec.channels), [relu], `${prefix}fc2`);
  const gate = g.add(gateOps[spec.gate], {}, [fc2], `${prefix}scale_activation`);
  // Multiply(x, scale): the scale goes to port 1, which takes an N×C×1×1 factor.
  const scaled = g.add('Multiply', {}, [], `${prefix}scale`);
  if (x !== undefined) g.connect(x, { node: scaled.node, port: 0 });
  g.connect(gate, { node: scaled.node, port: 1 });
  return {
    out: scaled,
    reads: [
      { node: pool.node, port: 0 },
      { node: scaled.node, port: 0 },
    ],
  };
}

/** MobileNetV3's squeeze width: a quarter of the channels, rounded to a multiple of 8. */
export const mobilenetV3Squeeze = (c: number): number => makeDivisible(Math.floor(c / 4), 8);

const schema = z.object({
  /** An explicit squeeze width; when absent it is channels / reduction, rounded to `divisor`. */
  squeezeChannels: positiveInt.optional().meta({ overrides: 'reduction' }),
  reduction: positiveInt.default(4),
  /** 8 as MobileNetV3 rounds; 1 keeps Hu et al.'s plain C / r. */
  divisor: positiveInt.default(8),
  gate: z.enum(['hardsigmoid', 'sigmoid']).default('hardsigmoid'),
});

export const squeezeExcite: BlockDef<'SqueezeExcite', typeof schema> = {
  kind: 'SqueezeExcite',
  title: 'Squeeze-and-excite',
  description: 'Re-weights channels by a gate computed from their global average (a few params, ~0 cost).',
  paper: { ref: 'Hu et al. 2018, Squeeze-and-Excitation Networks', after: ' (as in MobileNetV3)' },
  schema,
  inputCount: () => 1,
  outputCount: () => 1,
  expand(p, inputs): Result<Subgraph> {
    const x = featureMap(inputs);
    if (!x.ok) return x;
    const c = channels(x.value);
    const squeeze = p.squeezeChannels ?? makeDivisible(Math.floor(c / p.reduction), p.divisor);
    const g = new GraphBuilder();
    const se = addSqueezeExcite(g, undefined, { channels: c, squeeze, gate: p.gate });
    return ok(g.subgraph([se.reads], [se.out]));
  },
  summary: (p) =>
    `${p.squeezeChannels === undefined ? `r${p.reduction}` : `s${p.squeezeChannels}`} ${p.gate}`,
  widthFields: ['squeezeChannels'],
  // The first 1×1 conv is the squeeze; its width follows from the reduction or is stated.
  recognise: (r) => {
    const [squeeze] = r.convs;
    if (squeeze === undefined || r.count('GlobalAvgPool') !== 1) return [];
    const gate = r.count('HardSigmoid') > 0 ? 'hardsigmoid' : 'sigmoid';
    return [{ gate }, { gate, squeezeChannels: squeeze.outChannels }];
  },
  pytorch: squeezeExciteTorch,
  conformance: [
    { name: 'MobileNetV3 gate', params: {}, input: [32, 8, 8] },
    { name: 'sigmoid gate, stated width', params: { squeezeChannels: 5, gate: 'sigmoid' } },
  ],
};

export type SqueezeExciteParams = z.infer<typeof schema>;
