import type { z } from 'zod';

const list = (values: readonly unknown[]): string =>
  values
    .slice(0, 8)
    .map((v) => JSON.stringify(v))
    .join(', ');

/** What a size bound counts: items of a list, characters of a string, or the number itself. */
const unitOf = (origin: string): string =>
  origin === 'array' || origin === 'set' ? ' items' : origin === 'string' ? ' characters' : '';

/**
 * A schema issue as words for a person ("must be at least 1"), never zod's own dump: the caller
 * adds which node and which field. Unforeseen issue kinds fall back to zod's one-line message.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unitOf(issue.origin)}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be ${article(issue.expected)}`;
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? list(issue.values) : `one of ${list(issue.values)}`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has unknown keys ${list(issue.keys)}`;
    case 'invalid_union':
      return 'is not any of the accepted forms';
    case 'invalid_format':
      return `is not in the ${issue.format} format`;
    default:
      return issue.message.split('\n')[0] ?? 'is not valid';
  }
}

function article(type: string): string {
  const words: Readonly<Record<string, string>> = {
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    tuple: 'a list',
    record: 'an object',
  };
  return words[type] ?? `of type ${type}`;
}

/** "kernel.0" for a zod path; "settings" for the whole params object. */
export const fieldOf = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? 'settings' : path.map(String).join('.');
