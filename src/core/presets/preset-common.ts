import type { ActivationKind } from '../blocks/conv-bn';
import type { GraphBuilder } from '../design/builder';
import type { PortRef } from '../design/design-types';
import type { PresetOptions } from './preset-types';

export interface ResolvedOptions {
  readonly width: number;
  readonly resolution: number;
  readonly classes: number;
}

/** Fills in the defaults and rejects options no network can have, saying which and why. */
export function resolveOptions(options: PresetOptions = {}): ResolvedOptions {
  const { width = 1, resolution = 224, classes = 1000 } = options;
  if (!(width > 0 && Number.isFinite(width)))
    throw new RangeError(`width must be a positive number, not ${width}.`);
  if (!Number.isInteger(resolution) || resolution < 1)
    throw new RangeError(`resolution must be a positive whole number of pixels, not ${resolution}.`);
  if (!Number.isInteger(classes) || classes < 1)
    throw new RangeError(`classes must be a positive whole number, not ${classes}.`);
  return { width, resolution, classes };
}

/** The RGB image every ImageNet preset reads, square. */
export const imageInput = (g: GraphBuilder, resolution: number): PortRef =>
  g.add('Input', { channels: 3, height: resolution, width: resolution }, [], 'input');

/**
 * torchvision's Conv2dNormActivation at the top level of a network: conv (no bias, "same" padding)
 * → BatchNorm → activation, labelled `<base>.0`, `<base>.1`, `<base>.2` as PyTorch names them.
 */
export function torchConvNormAct(
  g: GraphBuilder,
  x: PortRef,
  base: string,
  conv: { readonly outChannels: number; readonly kernel: number; readonly stride?: number },
  act: ActivationKind,
): PortRef {
  const pad = (conv.kernel - 1) / 2;
  const stride = conv.stride ?? 1;
  const c = g.add(
    'Conv2d',
    {
      outChannels: conv.outChannels,
      kernel: [conv.kernel, conv.kernel],
      stride: [stride, stride],
      padding: [pad, pad],
    },
    [x],
    `${base}.0`,
  );
  const bn = g.add('BatchNorm', {}, [c], `${base}.1`);
  return g.add(act, {}, [bn], `${base}.2`);
}
