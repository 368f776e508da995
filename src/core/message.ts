import { messageTemplates, type MessageKey } from './message-templates';

export { messageTemplates, type MessageKey } from './message-templates';

/**
 * The values a sentence names: figures, labels, shapes (already written as text, e.g. "1×3×224×224"), or a
 * sentence of its own (a setting's problem inside "field: problem"), said in the same language.
 */
export type MessageParams = Readonly<Record<string, string | number | Message>>;

/**
 * A sentence the core composes, as a key into its catalogue of templates and the values it names. The core
 * stays free of any i18n library: it fills the English template itself (the CLI prints that), and a UI
 * translates by key, so a Chinese reader gets the same sentence with the same figures.
 */
export interface Message {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export const msg = (key: MessageKey, params: MessageParams = {}): Message => ({ key, params });

/** Whether a value is a message of the catalogue (and not, say, a node's settings). */
export const isMessage = (v: unknown): v is Message =>
  typeof v === 'object' &&
  v !== null &&
  Object.keys(v).length === 2 &&
  typeof (v as { key?: unknown }).key === 'string' &&
  Object.hasOwn(messageTemplates, (v as { key: string }).key) &&
  typeof (v as { params?: unknown }).params === 'object';

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/**
 * A template with its `{{name}}` placeholders filled; `{{name, number}}` writes a number with thousands
 * separators (i18next's own `number` format does the same in the UI, for the reader's locale).
 */
export function fill(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (whole, name: string, format: string | undefined) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'object') return english(v);
    return format === 'number' && typeof v === 'number' ? v.toLocaleString('en-US') : String(v);
  });
}

/** The placeholders a template names, sorted: what a translation must name too. */
export const placeholdersOf = (template: string): string[] =>
  [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] ?? ''))].sort();

/** A message in English, as the core writes it. */
export const english = (m: Message): string => fill(messageTemplates[m.key], m.params);

/** How a node card's summary writes its few words: in English by default, in the reader's language in a UI. */
export interface MessageSayer {
  say(m: Message): string;
  /** A kind's title (a stage names the unit it repeats). */
  title(kind: string): string;
}

/** A message in the given words, or in English when none are given. */
export const sayIn = (words: MessageSayer | undefined, m: Message): string =>
  words === undefined ? english(m) : words.say(m);

/** A sentence as a problem carries it: English, and the key and values to translate it (a diagnostic is one). */
export interface ProblemMessage {
  readonly message: string;
  readonly text?: Message;
  /** Inside a block: the primitive's label the sentence is about. */
  readonly within?: string;
}

/**
 * Why an action was refused: the English sentence (the CLI prints it), its key and values, and the problem it
 * quotes, if any (its `problem` value, which a UI says in the reader's language too).
 */
export interface Refusal {
  readonly error: string;
  readonly text: Message;
  readonly detail?: ProblemMessage;
}

export const refusal = (m: Message, detail?: ProblemMessage): Refusal => ({
  error: english(detail === undefined ? m : { ...m, params: { ...m.params, problem: detail.message } }),
  text: m,
  ...(detail === undefined ? {} : { detail }),
});

/** A message as both forms a problem carries: the English sentence and the key a UI translates. */
export const problemMessage = (m: Message): { readonly message: string; readonly text: Message } => ({
  message: english(m),
  text: m,
});
