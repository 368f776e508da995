import { analyze } from '../../core/analysis/analyze';
import { languages } from '../../i18n/types';
import { presetTitle } from '../../i18n/core-examples';
import type { Design } from '../../core/design/design-types';
import { presets } from '../../core/presets/preset-registry';
import type { PaperFigures, PresetDef, PresetOptions } from '../../core/presets/preset-types';
import { i18next } from '../../i18n';

let names: Map<string, PresetDef> | undefined;

/** The preset a design was built from, known by the name the preset gives its design (in any language). */
export function presetOf(design: Design): PresetDef | undefined {
  if (names === undefined) {
    names = new Map();
    for (const p of presets) {
      try {
        names.set(p.build().name, p);
        for (const lng of languages) names.set(presetTitle(p, lng), p);
      } catch {
        // A preset that cannot build is simply not matched.
      }
    }
  }
  return names.get(design.name);
}

export interface PaperRow {
  readonly figures: PaperFigures;
  readonly options: string;
  /** This app's build of the preset with the same options. */
  readonly built: { readonly params: number; readonly multiplyAdds: number } | undefined;
}

export function optionsText(o: PresetOptions): string {
  const parts: string[] = [];
  if (o.width !== undefined) parts.push(`${o.width}×`);
  if (o.resolution !== undefined) parts.push(`${o.resolution}px`);
  if (o.groups !== undefined) parts.push(`g = ${o.groups}`);
  return parts.length === 0 ? i18next.t('cost:teaching.defaultOptions') : parts.join(' · ');
}

const rowCache = new WeakMap<PresetDef, readonly PaperRow[]>();

/** Every figure the paper prints for the preset, next to this app's build with the same options. */
export function paperRows(preset: PresetDef): readonly PaperRow[] {
  const hit = rowCache.get(preset);
  if (hit !== undefined) return hit;
  const rows = preset.paperFigures.map((figures): PaperRow => {
    let built: PaperRow['built'];
    try {
      const t = analyze(preset.build(figures.options)).totals;
      built = { params: t.params, multiplyAdds: t.multiplyAdds };
    } catch {
      built = undefined;
    }
    return { figures, options: optionsText(figures.options), built };
  });
  rowCache.set(preset, rows);
  return rows;
}
