/** Median and spread of repeated timings; the first `warmup` runs are discarded. */
export interface Timing {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly runs: number;
}

export function time(
  fn: () => unknown,
  options: { runs?: number; warmup?: number; budgetMs?: number } = {},
): Timing {
  const { runs = 30, warmup = 3, budgetMs = 5000 } = options;
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < runs && (samples.length < 5 || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { median: at(0.5), p10: at(0.1), p90: at(0.9), runs: samples.length };
}

/** Prints rows as an aligned Markdown table (first column left, the rest right). */
export function printTable(
  title: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(Math.max(1, w - 1))}:`)).join(' | ')} |`,
  );
  for (const r of rows) console.log(line(r));
}

export const ms = (v: number): string => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));
