import type { Analysis, LayerInfo } from '../../core/analysis/analysis-types';
import { convVariant, type Conv2dParams } from '../../core/ops/conv2d';
import { opDef } from '../../core/kinds';
import { stripeOfFamily, type Stripe } from '../../ui/families';
import { kindTitle } from '../../i18n/core-text';
import { i18next } from '../../i18n';

/** Stripe colours are CSS variables shared with the canvas cards: var(--stripe-NAME). */
export type StripeName = Exclude<Stripe, 'block'>;

const convStripes = {
  depthwise: 'depthwise',
  pointwise: 'pointwise',
  group: 'conv',
  standard: 'conv',
} as const;

/** What a layer is, for the share-by-kind chart: convs are split into their variants. */
export function layerKind(l: LayerInfo): { readonly kind: string; readonly stripe: StripeName } {
  if (l.op === 'Conv2d') {
    const variant = convVariant(l.params as Conv2dParams, l.inputShapes[0]?.[1]);
    return { kind: i18next.t(`canvas:conv.${variant}`), stripe: convStripes[variant] };
  }
  return { kind: kindTitle(l.op), stripe: stripeOfFamily(opDef(l.op).family) as StripeName };
}

export type ShareFigure = 'multiplyAdds' | 'params' | 'memoryAccess';

export interface KindShare {
  readonly kind: string;
  readonly stripe: StripeName;
  readonly value: number;
  readonly share: number;
  readonly layers: number;
}

/** Each kind of op's part of a figure, largest first; kinds with none of it are left out. */
export function sharesByKind(a: Analysis, figure: ShareFigure): KindShare[] {
  const byKind = new Map<string, { stripe: StripeName; value: number; layers: number }>();
  for (const l of a.layers) {
    const { kind, stripe } = layerKind(l);
    const entry = byKind.get(kind) ?? { stripe, value: 0, layers: 0 };
    entry.value += l.cost[figure];
    entry.layers += 1;
    byKind.set(kind, entry);
  }
  const total = a.totals[figure];
  return [...byKind]
    .filter(([, e]) => e.value > 0)
    .map(([kind, e]) => ({
      kind,
      stripe: e.stripe,
      value: e.value,
      layers: e.layers,
      share: total === 0 ? 0 : e.value / total,
    }))
    .sort((x, y) => y.value - x.value);
}

export interface IntensityPoint {
  readonly layer: LayerInfo;
  /** Multiply-adds per element of memory access (all-ops convention). */
  readonly intensity: number;
}

/** Arithmetic intensity of every layer that does multiply-adds, in run order. */
export function intensities(a: Analysis): IntensityPoint[] {
  return a.layers
    .filter((l) => l.cost.multiplyAdds > 0 && l.cost.memoryAccess > 0)
    .map((layer) => ({ layer, intensity: layer.cost.multiplyAdds / layer.cost.memoryAccess }));
}

/** The design's overall intensity: total multiply-adds per total memory access. */
export function overallIntensity(a: Analysis): number {
  return a.totals.memoryAccess === 0 ? 0 : a.totals.multiplyAdds / a.totals.memoryAccess;
}
