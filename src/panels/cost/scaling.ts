import { scaleDesign, type WidthRounding } from '../../core/analysis/scale';
import type { Design } from '../../core/design/design-types';

/**
 * MorphNet's uniform expansion is applied to the design as it was before scaling began (the origin),
 * never to an already scaled copy, so moving the slider back and forth never drifts by rounding.
 * Each scaled design remembers its origin and width; any other edit starts from a fresh origin.
 */
export interface ScaleState {
  readonly origin: Design;
  readonly width: number;
  /** To the channel (MorphNet's) or to a multiple of 8 (as deployment usually wants). */
  readonly rounding: WidthRounding;
}

const scaled = new WeakMap<Design, ScaleState>();

export function scaleStateOf(design: Design): ScaleState {
  return scaled.get(design) ?? { origin: design, width: 1, rounding: 'channel' };
}

/** The resolution of the design's (first) Input, when it is square. */
export function inputResolution(design: Design): number | undefined {
  const input = design.nodes.find((n) => n.kind === 'Input');
  if (input?.kind !== 'Input') return undefined;
  const p = input.params as { height?: number; width?: number };
  return p.height !== undefined && p.height === p.width ? p.height : undefined;
}

/** The design scaled from its origin to `width` at `resolution`, widths rounded as asked, remembered as such. */
export function rescale(
  current: Design,
  width: number,
  resolution: number | undefined,
  rounding: WidthRounding = scaleStateOf(current).rounding,
): Design {
  const { origin } = scaleStateOf(current);
  const sameRes = resolution === undefined || resolution === inputResolution(origin);
  const next =
    width === 1 && sameRes
      ? origin
      : scaleDesign(origin, sameRes ? { width, rounding } : { width, resolution, rounding });
  if (next !== origin) scaled.set(next, { origin, width, rounding });
  return next;
}

/** Remember a design found elsewhere (fit to budget) as scaled from `origin`. */
export function rememberScaled(design: Design, origin: Design, width: number, rounding: WidthRounding): void {
  if (design !== origin) scaled.set(design, { origin, width, rounding });
}
