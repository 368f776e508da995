import { blockRegistry, opRegistry } from '../core/kinds';
import { diagnosticCodes, type DiagnosticCode } from '../core/diagnostics';
import { fieldsOf } from '../core/document/field-spec';
import i18next from 'i18next';
import type { ProblemMessage } from '../core/message';
import { say } from './say';
import { fillText } from './text-template';

/** One op's or block's text: its title, its one-line description, each field's label and help. */
export interface KindText {
  readonly title: string;
  readonly description: string;
  readonly fields: Readonly<Record<string, { readonly label: string; readonly help?: string }>>;
}

interface Def {
  readonly title: string;
  readonly description: string;
  readonly schema: Parameters<typeof fieldsOf>[0];
}

const kindText = (def: Def): KindText => ({
  title: def.title,
  description: def.description,
  fields: Object.fromEntries(
    fieldsOf(def.schema).map((f) => [
      f.name,
      f.help === undefined ? { label: f.label } : { label: f.label, help: f.help },
    ]),
  ),
});

const textOf = (registry: Readonly<Record<string, Def>>): Record<string, KindText> =>
  Object.fromEntries(Object.entries(registry).map(([kind, def]) => [kind, kindText(def)]));

/** Every op kind's text as the core writes it (English), keyed by kind: the `core` namespace's `ops`. */
export const coreOps = (): Record<string, KindText> => textOf(opRegistry);
/** Every block kind's text as the core writes it (English), keyed by kind. */
export const coreBlocks = (): Record<string, KindText> => textOf(blockRegistry);
/** Every diagnostic code the core can raise. */
export const coreDiagnosticCodes = Object.values(diagnosticCodes) as readonly DiagnosticCode[];

/** A translation of the core's text, written by kind and by field name. */
export interface CoreDictionary {
  readonly kinds: Readonly<Record<string, { readonly title: string; readonly description: string }>>;
  readonly fieldLabels: Readonly<Record<string, string>>;
  readonly fieldLabelsByKind: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly fieldHelp: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** A kind's text in a language that may lack some of it (the parity test names what is missing). */
export interface PartialKindText {
  readonly title?: string;
  readonly description?: string;
  readonly fields: Readonly<Record<string, { readonly label?: string; readonly help?: string }>>;
}

/**
 * The core's text in another language, in the English tree's shape. An entry the dictionary lacks is left
 * out, not filled with English, so the key-parity test names it.
 */
export function translateKinds(
  english: Readonly<Record<string, KindText>>,
  dict: CoreDictionary,
): Record<string, PartialKindText> {
  return Object.fromEntries(
    Object.entries(english).map(([kind, en]) => {
      const k = dict.kinds[kind];
      const fields = Object.fromEntries(
        Object.entries(en.fields).map(([name, f]) => {
          const label = dict.fieldLabelsByKind[kind]?.[name] ?? dict.fieldLabels[name];
          const help = f.help === undefined ? undefined : dict.fieldHelp[kind]?.[name];
          return [
            name,
            { ...(label === undefined ? {} : { label }), ...(help === undefined ? {} : { help }) },
          ];
        }),
      );
      return [kind, { ...(k ?? {}), fields }];
    }),
  );
}

const groupOf = (kind: string): 'ops' | 'blocks' => (Object.hasOwn(blockRegistry, kind) ? 'blocks' : 'ops');

/** An op's or block's title in the UI's language. */
export const kindTitle = (kind: string, lng?: string): string =>
  fillText(`core:${groupOf(kind)}.${kind}.title`, {}, { lng, defaultValue: kind });

/** An op's or block's one-line description in the UI's language. */
export const kindDescription = (kind: string, lng?: string): string =>
  i18next.t(`${groupOf(kind)}.${kind}.description`, {
    ns: 'core',
    defaultValue: '',
    ...(lng === undefined ? {} : { lng }),
  });

/** A field's label and help in the UI's language. */
export function fieldText(kind: string, field: { name: string; label: string; help?: string }) {
  const key = `${groupOf(kind)}.${kind}.fields.${field.name}`;
  const label = i18next.t(`${key}.label`, { ns: 'core', defaultValue: field.label });
  return field.help === undefined
    ? { label }
    : { label, help: i18next.t(`${key}.help`, { ns: 'core', defaultValue: field.help }) };
}

/**
 * A diagnostic for people, in the UI's language: the core's sentence translated by its key, with the figures
 * the core computed. A sentence the core has no key for (an imported file's own words) keeps its English,
 * after the code's meaning in the reader's language.
 */
export function diagnosticText(d: ProblemMessage & { readonly code: DiagnosticCode }): string {
  // A sentence with a key reads whole in the reader's language; one without is prefixed by its code's meaning.
  if (d.text !== undefined) return say(d);
  if (i18next.resolvedLanguage === 'en' || i18next.language === 'en') return d.message;
  return `${i18next.t(`diagnostics.${d.code}`, { ns: 'core' })}：${d.message}`;
}
