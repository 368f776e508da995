import { scalingGraphs as shapes } from '../test-support/scaling-graphs';
import { importModel } from '../src/core/onnx/import/import';
import { ms, printTable } from './measure';

/**
 * Median CPU time (user + system) of a few runs: on a shared machine wall time mostly measures
 * the neighbours, and the growth ratios are what this suite is for.
 */
function cpuMedian(fn: () => unknown, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    samples.push((d.user + d.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}

/** The issue's bars on the 1×1 convs (CPU time in Node): 10,000 nodes under 1 s, 150,000 under 10 s. */
const targets: Readonly<Record<number, number>> = { 10_000: 1_000, 150_000: 10_000 };

/**
 * `npm run bench -- import`: import time of synthetic graphs of 1k, 10k, 100k and 150k nodes, the
 * time per node, and the growth from each size to the next (10 is linear, 100 quadratic). Import
 * must stay near-linear.
 */
export function benchImport(sizes: readonly number[] = [1_000, 10_000, 100_000]): void {
  const rows: string[][] = [];
  for (const [name, make] of Object.entries(shapes)) {
    let previous: { n: number; median: number } | undefined;
    const counts = [...sizes, 150_000];
    for (const n of counts) {
      const bytes = make(n);
      const r = importModel(bytes);
      if (!r.ok) throw new Error(`${name} × ${n}: ${r.error}`);
      if (r.invalid !== undefined) throw new Error(`${name} × ${n}: ${r.invalid}`);
      const median = cpuMedian(() => importModel(bytes), n >= 100_000 ? 3 : 5);
      const target = targets[n];
      rows.push([
        name,
        n.toLocaleString('en-US'),
        ms(median),
        `${((median * 1000) / n).toFixed(1)} µs`,
        previous === undefined
          ? ''
          : `×${(median / previous.median).toFixed(1)}${n === previous.n * 10 ? '' : ` for ×${String(n / previous.n)} nodes`}`,
        name !== '1×1 convs' || target === undefined
          ? ''
          : `${median < target ? 'met' : 'NOT met'} (< ${ms(target)})`,
      ]);
      previous = { n, median };
    }
  }
  printTable(
    'ONNX import scaling (synthetic graphs; growth per 10× nodes, 10 = linear; CPU time, so a loaded machine counts less)',
    ['graph', 'nodes', 'median CPU ms', 'per node', 'growth', 'target'],
    rows,
  );
}
