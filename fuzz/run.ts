import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { kindOf, type CaseKind, type CaseResult, type Outcome } from './case';

export const outcomes: readonly Outcome[] = [
  'ok',
  'clean rejection',
  'crash',
  'hang',
  'over memory',
  'bare message',
  'disagreement',
];
/** Outcomes that break the promise: exit 1 and one clean line, or a design every command accepts. */
export const failures: ReadonlySet<Outcome> = new Set([
  'crash',
  'hang',
  'over memory',
  'bare message',
  'disagreement',
]);

export interface FuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /**
   * The most one command (import, validate, export, reading a link) may take; a case whose
   * chain of up to three commands has not answered in three times that is a hang too (the
   * worker is ended and a fresh one started).
   */
  readonly timeoutMs?: number;
  /** Heap of the worker, and growth of the process's memory during a case, above which it is over. */
  readonly memoryMb?: number;
  readonly onCase?: (r: CaseResult & { kind: CaseKind; ms: number }) => void;
}

export interface FuzzReport {
  readonly counts: ReadonlyMap<CaseKind, Map<Outcome, number>>;
  readonly bad: readonly (CaseResult & { kind: CaseKind })[];
  readonly slowestMs: number;
  readonly peakMb: number;
}

const here = import.meta.dirname;

/**
 * Runs cases one at a time in a worker thread with a heap limit (resourceLimits) and a time limit,
 * watching the process's resident memory while each runs: a case that takes too long, runs out of
 * heap, or grows memory by more than the limit is classified so, and the worker is replaced.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const memoryMb = options.memoryMb ?? 1024;
  const counts = new Map<CaseKind, Map<Outcome, number>>();
  const bad: (CaseResult & { kind: CaseKind })[] = [];
  let slowestMs = 0;
  let peakMb = 0;
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;
  const start = (): void => {
    worker = new Worker(join(here, 'boot.mjs'), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    const w = worker;
    ready = new Promise((resolve, reject) => {
      w.once('message', () => {
        resolve();
      });
      w.once('error', reject);
    });
  };
  const runOne = (index: number): Promise<{ r: CaseResult; ms: number; mb: number }> => {
    const w = worker;
    if (w === undefined) throw new Error('no worker');
    const base = process.memoryUsage.rss();
    let peak = base;
    const t0 = performance.now();
    return new Promise((resolve) => {
      const finish = (r: CaseResult, restart: boolean): void => {
        clearInterval(watch);
        clearTimeout(timer);
        w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
        if (restart) void w.terminate().then(() => undefined);
        if (restart) worker = undefined;
        resolve({ r, ms: performance.now() - t0, mb: (peak - base) / 2 ** 20 });
      };
      const watch = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss());
        if (peak - base > memoryMb * 2 ** 20)
          finish(
            {
              index,
              outcome: 'over memory',
              detail: `grew memory by ${Math.round((peak - base) / 2 ** 20)} MB`,
            },
            true,
          );
      }, 20);
      const timer = setTimeout(() => {
        finish({ index, outcome: 'hang', detail: `no answer in ${3 * timeoutMs} ms` }, true);
      }, 3 * timeoutMs);
      w.on('message', (r: CaseResult) => {
        finish(r, false);
      });
      w.on('error', (e: Error & { code?: string }) => {
        finish(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { index, outcome: 'over memory', detail: e.message }
            : { index, outcome: 'crash', detail: `${e.name}: ${e.message}` },
          true,
        );
      });
      w.on('exit', (code) => {
        finish({ index, outcome: 'crash', detail: `the worker exited (${code})` }, true);
      });
      w.postMessage({ seed: options.seed, index, commandMs: timeoutMs });
    });
  };
  for (let index = 0; index < options.cases; index++) {
    if (worker === undefined) start();
    await ready;
    const { r, ms, mb } = await runOne(index);
    const kind = kindOf(index);
    const row = counts.get(kind) ?? new Map<Outcome, number>();
    row.set(r.outcome, (row.get(r.outcome) ?? 0) + 1);
    counts.set(kind, row);
    if (failures.has(r.outcome)) bad.push({ ...r, kind });
    slowestMs = Math.max(slowestMs, ms);
    peakMb = Math.max(peakMb, mb);
    options.onCase?.({ ...r, kind, ms });
  }
  await worker?.terminate();
  return { counts, bad, slowestMs, peakMb };
}

/** The outcome table, one row per kind of input and a total, as Markdown. */
export function outcomeTable(report: FuzzReport): string {
  const kinds = [...report.counts.keys()];
  const cell = (kind: CaseKind | undefined, o: Outcome): number =>
    kind === undefined
      ? kinds.reduce((a, k) => a + (report.counts.get(k)?.get(o) ?? 0), 0)
      : (report.counts.get(kind)?.get(o) ?? 0);
  const rows = [
    ...kinds.map((k) => [k, ...outcomes.map((o) => String(cell(k, o)))]),
    ['total', ...outcomes.map((o) => String(cell(undefined, o)))],
  ];
  const header = ['input', ...outcomes];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
