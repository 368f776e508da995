import type { z } from 'zod';

/** The setting names a kind's schema knows (its object shape), or undefined when it has no fixed set. */
export function knownSettings(schema: z.ZodType<object>): readonly string[] | undefined {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape === undefined ? undefined : Object.keys(shape);
}

/** Levenshtein distance, case-insensitive, stopping early once it passes `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/** The known name closest to a misspelt one, when it is close enough to be what was meant. */
export function suggest(name: string, known: readonly string[]): string | undefined {
  if (name.length > 64) return undefined;
  const max = Math.max(1, Math.floor(name.length / 3));
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(name, k, max);
    if (d <= max && (best === undefined || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

/**
 * Settings a node has that its kind does not: each with what was probably meant. A misspelt
 * setting would otherwise be dropped by the schema and the default silently used.
 */
export function unknownSettings(
  kind: string,
  schema: z.ZodType<object>,
  params: Readonly<Record<string, unknown>>,
): { field: string; message: string }[] {
  const known = knownSettings(schema);
  if (known === undefined) return [];
  return Object.keys(params)
    .filter((k) => !known.includes(k))
    .slice(0, 8)
    .map((field) => {
      const near = suggest(field, known);
      const hint =
        near !== undefined
          ? `; did you mean "${near}"?`
          : known.length === 0
            ? ` (${kind} has none)`
            : ` (${kind} has ${known.map((k) => `"${k}"`).join(', ')})`;
      return { field, message: `unknown setting${hint}` };
    });
}
