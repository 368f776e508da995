import type { z } from 'zod';
import { english, msg, type Message, type MessageKey } from '../message';

const list = (values: readonly unknown[]): string =>
  values
    .slice(0, 8)
    .map((v) => JSON.stringify(v))
    .join(', ');

/** What a size bound counts: items of a list, characters of a string, or the number itself. */
const countOf = (origin: string, n: number | bigint): string | Message =>
  origin === 'array' || origin === 'set'
    ? msg('countItems', { n: String(n) })
    : origin === 'string'
      ? msg('countChars', { n: String(n) })
      : String(n);

/**
 * A schema issue as words for a person ("must be at least 1"), never zod's own dump: the caller
 * adds which node and which field. Unforeseen issue kinds fall back to zod's one-line message.
 */
export const describeIssue = (issue: z.core.$ZodIssue): string => english(issueMessage(issue));

/** A schema issue as a message of the catalogue, so a UI says it in the reader's language. */
export function issueMessage(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'too_small':
      return msg(issue.inclusive === false ? 'issueMoreThan' : 'issueAtLeast', {
        n: countOf(issue.origin, issue.minimum),
      });
    case 'too_big':
      return msg(issue.inclusive === false ? 'issueLessThan' : 'issueAtMost', {
        n: countOf(issue.origin, issue.maximum),
      });
    case 'invalid_type':
      return msg(typeKeys[issue.expected] ?? 'issueType', { type: issue.expected });
    case 'invalid_value':
      return issue.values.length === 1
        ? msg('issueValue', { value: list(issue.values) })
        : msg('issueOneOf', { values: list(issue.values) });
    case 'not_multiple_of':
      return msg('issueMultiple', { n: String(issue.divisor) });
    case 'unrecognized_keys':
      return msg('issueKeys', { keys: list(issue.keys) });
    case 'invalid_union':
      return msg('issueUnion');
    case 'invalid_format':
      return msg('issueFormat', { format: issue.format });
    default:
      return msg('issueOther', { text: issue.message.split('\n')[0] ?? '' });
  }
}

/** The message for a value of the wrong type, by the type expected. */
const typeKeys: Readonly<Record<string, MessageKey>> = {
  int: 'issueWhole',
  number: 'issueNumber',
  string: 'issueText',
  boolean: 'issueBoolean',
  array: 'issueList',
  tuple: 'issueList',
  object: 'issueObject',
  record: 'issueObject',
};

/** "kernel.0" for a zod path; "settings" for the whole params object. */
export const fieldOf = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? 'settings' : path.map(String).join('.');
