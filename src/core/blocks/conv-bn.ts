import { sayIn, msg, type MessageSayer } from '../message';
import { z } from 'zod';
import type { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import { activationSuffix, type ActivationKind, type OpParamsInput } from '../kind-table';

export type { ActivationKind };

export interface ConvBnSpec {
  /** Conv2d params; padding defaults to ⌊k/2⌋ per axis (Conv2d's own default is 1×1 whatever the kernel). */
  readonly conv: OpParamsInput<'Conv2d'>;
  /** Batch norm after the conv (default true). */
  readonly bn?: boolean;
  /**
   * The batch norm folded into the conv, as a deploy export writes it: the conv gets a bias and
   * no BatchNorm follows (multiply-adds unchanged; params C of bias instead of γ, β 2C).
   */
  readonly folded?: boolean;
  /** The batch norm's epsilon (BatchNorm's default 1e-5 when left out; MobileNetV3 uses 1e-3). */
  readonly epsilon?: number;
  /** Activation after the batch norm; none when left out (a linear projection). */
  readonly act?: ActivationKind;
}

export interface ConvBnPorts {
  /** The conv's input port: where a block binds one of its own inputs when `from` is empty. */
  readonly entry: PortRef;
  /** The last op's output. */
  readonly out: PortRef;
}

/**
 * Adds conv → [BN] → [activation], labelled `name`, `name_bn`, `name_<act>` (with `folded`, conv+bias →
 * [activation]). With `from` empty the
 * conv's input is left open, for a block to bind its own input to `entry`.
 */
export function convBn(
  g: GraphBuilder,
  from: readonly PortRef[],
  name: string,
  spec: ConvBnSpec,
): ConvBnPorts {
  const [kh, kw] = spec.conv.kernel ?? [3, 3];
  const [dh, dw] = spec.conv.dilation ?? [1, 1];
  const padding = spec.conv.padding ?? [
    Math.floor((dh * (kh - 1) + 1) / 2),
    Math.floor((dw * (kw - 1) + 1) / 2),
  ];
  const bn = spec.bn ?? true;
  const folded = bn && spec.folded === true;
  const conv = g.add('Conv2d', { ...spec.conv, padding, ...(folded ? { bias: true } : {}) }, from, name);
  let out = conv;
  if (bn && !folded)
    out = g.add(
      'BatchNorm',
      spec.epsilon === undefined ? {} : { epsilon: spec.epsilon },
      [out],
      `${name}_bn`,
    );
  if (spec.act !== undefined) out = g.add(spec.act, {}, [out], `${name}_${activationSuffix(spec.act)}`);
  return { entry: { node: conv.node, port: 0 }, out };
}

/** The `batchNorm` param of the blocks built from conv + BN: false when an export folded it. */
export const batchNormParam = z
  .boolean()
  .default(true)
  .meta({ label: 'Batch norm (off: folded into the conv bias)' });

/** The label a block's summary adds when its batch norm is folded. */
export const foldedSummary = (batchNorm: boolean, words?: MessageSayer): string[] =>
  batchNorm ? [] : [sayIn(words, msg('sumBnFolded'))];
