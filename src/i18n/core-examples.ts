import { sayReference } from './say';
import type { Design } from '../core/design/design-types';
import i18next from 'i18next';
import { blockKinds, blockRegistry, anyOpDef, opKinds } from '../core/kinds';
import type { Citation } from '../core/citation';
import { examples } from '../core/examples/example-registry';
import type { ExampleDef } from '../core/examples/example-types';
import { presets } from '../core/presets/preset-registry';
import type { PresetDef } from '../core/presets/preset-types';

/** The prose around a reference, the reference itself left out: it is cited as written in every language. */
export interface CitationProse {
  readonly before?: string;
  readonly after?: string;
}

/** A worked example's text: the method it shows and the one line of what it shows. */
export interface ExampleText {
  readonly method: string;
  readonly shows: string;
}

/** A printed figure's prose: the words around its table reference, and why this build differs. */
export interface FigureText {
  readonly source?: CitationProse;
  readonly note?: string;
}

/** A preset's text: its description and, by the figure's index in `paperFigures`, each figure's prose. */
export interface PresetText {
  /** A name, the same in most languages; translated where it holds words ("(full convolutions)"). */
  readonly title: string;
  readonly description: string;
  readonly figures?: Readonly<Record<string, FigureText>>;
}

const proseOf = (c: Citation): CitationProse | undefined =>
  c.before === undefined && c.after === undefined
    ? undefined
    : {
        ...(c.before === undefined ? {} : { before: c.before }),
        ...(c.after === undefined ? {} : { after: c.after }),
      };

/** Every worked example's text as the core writes it (English), keyed by the example's name. */
export const coreExamples = (): Record<string, ExampleText> =>
  Object.fromEntries(examples.map((e) => [e.name, { method: e.method, shows: e.shows }]));

const figureTexts = (p: PresetDef): Record<string, FigureText> =>
  Object.fromEntries(
    p.paperFigures.flatMap((f, i) => {
      const source = proseOf(f.source);
      const text: FigureText = {
        ...(source === undefined ? {} : { source }),
        ...(f.note === undefined ? {} : { note: f.note }),
      };
      return Object.keys(text).length === 0 ? [] : [[String(i), text]];
    }),
  );

/** Every preset's text as the core writes it (English), keyed by the preset's name. */
export const corePresets = (): Record<string, PresetText> =>
  Object.fromEntries(
    presets.map((p) => {
      const figures = figureTexts(p);
      return [
        p.name,
        Object.keys(figures).length === 0
          ? { title: p.title, description: p.description }
          : { title: p.title, description: p.description, figures },
      ];
    }),
  );

/** The citation of every op and block kind that cites a paper, if it has prose around its reference. */
export const coreCitations = (): Record<string, CitationProse> =>
  Object.fromEntries(
    [
      ...opKinds.map((k) => [k, anyOpDef(k).paper] as const),
      ...blockKinds.map((k) => [k, blockRegistry[k].paper] as const),
    ].flatMap(([kind, paper]) => {
      const prose = paper === undefined ? undefined : proseOf(paper);
      return prose === undefined ? [] : [[kind, prose]];
    }),
  );

const text = (key: string, english: string, lng: string | undefined): string =>
  i18next.t(key, { ns: 'core', defaultValue: english, ...(lng === undefined ? {} : { lng }) });

/** A citation in the UI's language: the reference as written, the prose around it translated. */
function citation(c: Citation, key: string, lng?: string): string {
  const part = (which: 'before' | 'after'): string => {
    const english = c[which];
    return english === undefined ? '' : text(`${key}.${which}`, english, lng);
  };
  return `${part('before')}${sayReference(c.ref, lng)}${part('after')}`;
}

/** An op's or block's paper, as the palette and the inspector cite it, in the UI's language. */
export const kindCitation = (kind: string, paper: Citation, lng?: string): string =>
  citation(paper, `citations.${kind}`, lng);

/** The method a worked example shows, in the UI's language. */
export const exampleMethod = (e: ExampleDef, lng?: string): string =>
  text(`examples.${e.name}.method`, e.method, lng);

/** One line of what a worked example shows, in the UI's language. */
export const exampleShows = (e: ExampleDef, lng?: string): string =>
  text(`examples.${e.name}.shows`, e.shows, lng);

/** A preset's title in the UI's language: a name, translated only where it holds words. */
export const presetTitle = (p: PresetDef, lng?: string): string =>
  text(`presets.${p.name}.title`, p.title, lng);

/** A preset's one-line description, in the UI's language. */
export const presetDescription = (p: PresetDef, lng?: string): string =>
  text(`presets.${p.name}.description`, p.description, lng);

/** Where the paper prints a preset's figure (the `index`th of `paperFigures`), in the UI's language. */
export function figureSource(p: PresetDef, index: number, lng?: string): string {
  const f = p.paperFigures[index];
  return f === undefined ? '' : citation(f.source, `presets.${p.name}.figures.${String(index)}.source`, lng);
}

/** Why this build differs from a preset's printed figure, in the UI's language; undefined if it does not. */
export function figureNote(p: PresetDef, index: number, lng?: string): string | undefined {
  const note = p.paperFigures[index]?.note;
  return note === undefined ? undefined : text(`presets.${p.name}.figures.${String(index)}.note`, note, lng);
}

/**
 * A worked example's design, named in the UI's language: the core names it in English ("Inverted residual vs
 * depthwise-separable"); another language names it by the method it shows.
 */
export function exampleDesign(e: ExampleDef, design: Design = e.build(), lng?: string): Design {
  const language = lng ?? i18next.language;
  return language === 'en' ? design : { ...design, name: exampleMethod(e, language) };
}

/** A preset's design, named by its title in the UI's language where the title holds words. */
export function presetDesign(p: PresetDef, lng?: string): Design {
  const design = p.build();
  const language = lng ?? i18next.language;
  return language === 'en' ? design : { ...design, name: presetTitle(p, language) };
}
