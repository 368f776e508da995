import { sayReference } from './say';
import { afterEach, describe, expect, it } from 'vitest';
import { citationText } from '../core/citation';
import { presets } from '../core/presets/preset-registry';
import { englishRuns } from '../../test-support/english-prose';
import { figureNote, figureSource } from './core-examples';
import { i18next } from './index';

/** Every printed figure of every preset: the preset, the figure's index and the figure. */
const figures = presets.flatMap((p) => p.paperFigures.map((f, i) => [p, i, f] as const));

describe('the presets’ paper figures (cost panel, lessons) in each language', () => {
  const original = i18next.language;
  afterEach(async () => {
    await i18next.changeLanguage(original);
  });

  it('has figures with notes and prose around their tables to translate', () => {
    expect(figures.some(([, , f]) => f.note !== undefined)).toBe(true);
    expect(figures.some(([, , f]) => f.source.after !== undefined)).toBe(true);
  });

  it('Chinese: each table cited as printed, no English prose around it or in the notes', async () => {
    await i18next.changeLanguage('zh');
    const prose: Record<string, string[]> = {};
    for (const [p, i, f] of figures) {
      const source = figureSource(p, i);
      // The reference as cited, its table and figure words in Chinese (表 2).
      const ref = sayReference(f.source.ref, 'zh');
      expect(source.startsWith(ref), `${p.name} ${String(i)}`).toBe(true);
      const runs = [...englishRuns(source.slice(ref.length)), ...englishRuns(figureNote(p, i) ?? '')];
      if (runs.length > 0) prose[`${p.name} ${String(i)}`] = runs;
      expect(figureNote(p, i) === undefined).toBe(f.note === undefined);
    }
    expect(prose).toEqual({});
  });

  it('English: the core’s own text, unchanged', async () => {
    await i18next.changeLanguage('en');
    for (const [p, i, f] of figures) {
      expect(figureSource(p, i)).toBe(citationText(f.source));
      expect(figureNote(p, i)).toBe(f.note);
    }
    const v2 = presets.find((p) => p.name === 'shufflenet_v2_x0_5');
    expect(v2 === undefined ? '' : figureSource(v2, 0)).toBe(
      'Table 5 (FLOPs = multiply-adds, # of weights); counting conv and FC layers as the authors do, the layout of Table 5 falls just short of rounding up to this figure',
    );
  });
});
