import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { caseKinds, kindOf, type CaseKind, type CaseResult, type Outcome } from './case';

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
  /**
   * Workers run at once (default 1). Each case's input and verdict depend on its index alone, so
   * the counts are the same at any number; only the memory growth seen during a case then
   * includes what the other workers grew meanwhile.
   */
  readonly jobs?: number;
  readonly onCase?: (r: CaseResult & { kind: CaseKind; ms: number }) => void;
}

export interface FuzzReport {
  readonly counts: ReadonlyMap<CaseKind, Map<Outcome, number>>;
  /** The failures, in the order of their cases. */
  readonly bad: readonly (CaseResult & { kind: CaseKind })[];
  /** Wall time of every case, in the order of the cases. */
  readonly caseMs: readonly number[];
  readonly slowestMs: number;
  /** The largest growth of the process's resident memory during one case, and its largest size. */
  readonly peakMb: number;
  readonly peakMbByKind: ReadonlyMap<CaseKind, number>;
  readonly peakRssMb: number;
}

const here = import.meta.dirname;

/**
 * One worker thread with a heap limit (resourceLimits) that runs cases one at a time under a time
 * limit, watching the process's resident memory while each runs: a case that takes too long, runs
 * out of heap, or grows memory by more than the limit is classified so, and the worker replaced.
 */
class Lane {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  /** The largest resident size of the process seen while this lane ran a case. */
  peakRss = 0;

  constructor(
    private readonly seed: number,
    private readonly timeoutMs: number,
    private readonly memoryMb: number,
  ) {}

  private start(): void {
    const w = new Worker(join(here, 'boot.mjs'), {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      w.once('message', () => {
        resolve();
      });
      w.once('error', reject);
    });
  }

  async run(index: number): Promise<{ r: CaseResult; ms: number; mb: number }> {
    if (this.worker === undefined) this.start();
    await this.ready;
    const w = this.worker;
    if (w === undefined) throw new Error('no worker');
    const memoryMb = this.memoryMb;
    const timeoutMs = this.timeoutMs;
    const base = process.memoryUsage.rss();
    let peak = base;
    const t0 = performance.now();
    return new Promise((resolve) => {
      const finish = (r: CaseResult, restart: boolean): void => {
        clearInterval(watch);
        clearTimeout(timer);
        w.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
        if (restart) {
          void w.terminate().then(() => undefined);
          this.worker = undefined;
        }
        this.peakRss = Math.max(this.peakRss, peak);
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
      w.postMessage({ seed: this.seed, index, commandMs: timeoutMs });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** Runs the cases 0 … cases − 1 of a seed on `jobs` lanes, each taking the next case when free. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const memoryMb = options.memoryMb ?? 1024;
  const counts = new Map<CaseKind, Map<Outcome, number>>();
  const bad: (CaseResult & { kind: CaseKind })[] = [];
  const caseMs: number[] = new Array<number>(options.cases).fill(0);
  let peakMb = 0;
  const peakMbByKind = new Map<CaseKind, number>();
  let next = 0;
  const lanes = Array.from(
    { length: Math.max(1, Math.min(options.jobs ?? 1, options.cases)) },
    () => new Lane(options.seed, timeoutMs, memoryMb),
  );
  const drive = async (lane: Lane): Promise<void> => {
    for (let index = next++; index < options.cases; index = next++) {
      const { r, ms, mb } = await lane.run(index);
      const kind = kindOf(index);
      const row = counts.get(kind) ?? new Map<Outcome, number>();
      row.set(r.outcome, (row.get(r.outcome) ?? 0) + 1);
      counts.set(kind, row);
      if (failures.has(r.outcome)) bad.push({ ...r, kind });
      caseMs[index] = ms;
      peakMb = Math.max(peakMb, mb);
      peakMbByKind.set(kind, Math.max(peakMbByKind.get(kind) ?? 0, mb));
      options.onCase?.({ ...r, kind, ms });
    }
    await lane.close();
  };
  await Promise.all(lanes.map(drive));
  bad.sort((a, b) => a.index - b.index);
  return {
    counts,
    bad,
    caseMs,
    slowestMs: Math.max(0, ...caseMs),
    peakMb,
    peakMbByKind,
    peakRssMb: Math.max(...lanes.map((l) => l.peakRss)) / 2 ** 20,
  };
}

/** The q-quantile (0–1) of some times, by the nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/**
 * The outcome table, one row per kind of input and a total, as Markdown: the count of each
 * outcome, the median and 99th-percentile wall time of a case, and the largest growth of the
 * process's memory during one case.
 */
export function outcomeTable(report: FuzzReport): string {
  const kinds = caseKinds.filter((k) => report.counts.has(k));
  const cell = (kind: CaseKind | undefined, o: Outcome): number =>
    kind === undefined
      ? kinds.reduce((a, k) => a + (report.counts.get(k)?.get(o) ?? 0), 0)
      : (report.counts.get(kind)?.get(o) ?? 0);
  const times = (kind: CaseKind | undefined): number[] =>
    report.caseMs.filter((_, i) => kind === undefined || kindOf(i) === kind);
  const figures = (kind: CaseKind | undefined): string[] => [
    quantile(times(kind), 0.5).toFixed(0),
    quantile(times(kind), 0.99).toFixed(0),
    (kind === undefined ? report.peakMb : (report.peakMbByKind.get(kind) ?? 0)).toFixed(0),
  ];
  const rows = [
    ...kinds.map((k) => [k, ...outcomes.map((o) => String(cell(k, o))), ...figures(k)]),
    ['total', ...outcomes.map((o) => String(cell(undefined, o))), ...figures(undefined)],
  ];
  const header = ['input', ...outcomes, 'median ms', 'p99 ms', 'peak growth MB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
