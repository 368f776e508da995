import { i18next } from '../../i18n';
import type { Analysis } from '../../core/analysis/analysis-types';

/** The design-wide figures the panel shows, each with its definition as docs/costs.md states it. */
export type TotalFigure =
  'params' | 'multiplyAdds' | 'memoryAccessConvFc' | 'memoryAccess' | 'activationSum' | 'activationPeak';

export interface FigureDef {
  readonly label: string;
  /** The convention in a few words, shown under the figure. */
  readonly convention: string;
  readonly definition: string;
  readonly formula: string;
}

export const totalFigures: readonly TotalFigure[] = [
  'params',
  'multiplyAdds',
  'memoryAccessConvFc',
  'memoryAccess',
  'activationSum',
  'activationPeak',
];

/** A figure's label, convention, definition and formula, read in the UI's language when used. */
const figureDef = (f: TotalFigure): FigureDef => ({
  get label() {
    return i18next.t(`cost:figures.${f}.label`);
  },
  get convention() {
    return i18next.t(`cost:figures.${f}.convention`);
  },
  get definition() {
    return i18next.t(`cost:figures.${f}.definition`);
  },
  get formula() {
    return i18next.t(`cost:figures.${f}.formula`);
  },
});

export const figureDefs = Object.fromEntries(totalFigures.map((f) => [f, figureDef(f)])) as Readonly<
  Record<TotalFigure, FigureDef>
>;

export function totalValue(a: Analysis, f: TotalFigure): number {
  switch (f) {
    case 'activationSum':
      return a.activations.sum;
    case 'activationPeak':
      return a.activations.peak;
    default:
      return a.totals[f];
  }
}

/** Bytes per weight for each storage precision. */
export const precisions = [
  { id: 'fp32', bytes: 4 },
  { id: 'fp16', bytes: 2 },
  { id: 'int8', bytes: 1 },
] as const;
