import i18next from 'i18next';
import type { Citation } from '../core/citation';
import { english, type Message, type Refusal, type ProblemMessage } from '../core/message';

/** A core message in the reader's language. */
export const sayMessage = (m: Message): string =>
  i18next.t(`core:messages.${m.key}`, {
    ...Object.fromEntries(
      Object.entries(m.params).map(([k, v]) => [k, typeof v === 'object' ? sayMessage(v) : v]),
    ),
    defaultValue: english(m),
  });

/**
 * A paper reference as cited ("Sandler et al. 2018, Table 2"): the authors, year and title as written,
 * the table, figure, equation and section words in the reader's language ("表 2" in Chinese).
 */
export function sayReference(ref: string, lng: string = i18next.language): string {
  if (lng !== 'zh') return ref;
  return ref
    .replace(/\bTables? (\d)/g, '表 $1')
    .replace(/\b(?:Figure|Figs?\.) (\d)/g, '图 $1')
    .replace(/\bEqs?\. ?\((\d)/g, '式 ($1')
    .replace(/\bEqs?\. (\d)/g, '式 $1')
    .replace(/\bSection (\d)/g, '第 $1 节');
}

/** A citation whose prose is the core's messages, in the reader's language: the reference as cited, the prose said. */
export const sayCitation = (c: Citation<Message>): string =>
  `${c.before === undefined ? '' : sayMessage(c.before)}${sayReference(c.ref)}${c.after === undefined ? '' : sayMessage(c.after)}`;

/** A sentence from the core in the reader's language: by its key where it has one, else as the core wrote it. */
export function say(s: ProblemMessage): string {
  if (s.text === undefined) return s.message;
  const text = sayMessage(s.text);
  return s.within === undefined ? text : i18next.t('core:messages.inside', { label: s.within, text });
}

/** The first of a rule's problems, said; undefined when there is none. */
export const sayFirst = (problems: readonly ProblemMessage[]): string | undefined => {
  const first = problems[0];
  return first === undefined ? undefined : say(first);
};

/** A formula line in the reader's language: its words translated, its symbols as the core wrote them. */
export const formulaText = (symbolic: string): string =>
  i18next.t(symbolic, { ns: 'formula', keySeparator: false, nsSeparator: false, defaultValue: symbolic });

/** Why an action was refused, in the reader's language, with the problem it quotes said the same way. */
export const sayRefusal = (r: Refusal): string =>
  sayMessage(
    r.detail === undefined ? r.text : { ...r.text, params: { ...r.text.params, problem: say(r.detail) } },
  );
