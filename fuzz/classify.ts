/**
 * What counts as a message that lets JavaScript's own error text through: an error class name, the
 * engine's wording for a bad property read or a blown stack, a zod issue dump, "undefined" or
 * "NaN" standing where a value should be, a stack frame. A user-facing line must match none.
 */
const bare: readonly RegExp[] = [
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError|URIError|AggregateError|ZodError)\b/,
  /Cannot read propert/,
  /Cannot set propert/,
  /is not a function/,
  /is not iterable/,
  /Maximum call stack/,
  /Invalid (typed )?array length/,
  /Array buffer allocation failed/,
  /out of memory/i,
  /\[object \w+\]/,
  /"code":\s*"/,
  /^\s*error:\s*[[{]/m,
  /:\s*\[\s*$/m,
  /\bundefined\b/,
  /\bNaN\b/,
  /\bnull\b/,
  /internal error/,
  /^\s+at .+:\d+:\d+/m,
  /Unexpected token/,
  /in JSON at position/,
  /index out of range/,
  /invalid wire type/,
];

/** The first rule a message breaks, or undefined when it reads as the product's own sentence. */
export function bareMessage(text: string): string | undefined {
  return bare.find((r) => r.test(text))?.source;
}

/** A message's shape problem: more than one line, a control character, or a very long line. */
export function messageShape(text: string): string | undefined {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body.includes('\n')) return 'more than one line';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(body)) return 'a control character';
  if (body.length > 2_500) return `a line of ${body.length} characters`;
  return undefined;
}
