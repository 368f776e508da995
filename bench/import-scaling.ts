import { tinyBytes, node } from '../test-support/tiny-model';
import { importModel } from '../src/core/onnx/import/import';
import { attrInts, floatTensor, type P } from '../src/core/onnx/proto';
import { ms, printTable } from './measure';

/** Synthetic graphs of n nodes in the shapes that once made import quadratic or blew the stack. */
const shapes: Readonly<Record<string, (n: number) => Uint8Array>> = {
  /** ReLU after ReLU: the longest path, n deep. */
  chain: (n) =>
    tinyBytes({
      nodes: Array.from({ length: n }, (_, i) =>
        node('Relu', [i === 0 ? 'x' : `t${i}`], [`t${i + 1}`], [], `relu${i}`),
      ),
    }),
  /** n readers of one tensor, summed pairwise back to one output. */
  'wide fan-out': (n) => {
    const nodes: P.INodeProto[] = [];
    const half = Math.max(1, Math.floor(n / 2));
    for (let i = 0; i < half; i++) nodes.push(node('Relu', ['x'], [`r${i}`], [], `relu${i}`));
    let acc = 'r0';
    for (let i = 1; i < half; i++) {
      nodes.push(node('Add', [acc, `r${i}`], [`a${i}`], [], `add${i}`));
      acc = `a${i}`;
    }
    return tinyBytes({ nodes, outputs: [acc] });
  },
  /** Every node named the same. */
  'one name': (n) =>
    tinyBytes({
      nodes: Array.from({ length: n }, (_, i) =>
        node('Relu', [i === 0 ? 'x' : `t${i}`], [`t${i + 1}`], [], 'same'),
      ),
    }),
  /** 1×1 convs, 8 channels, one weight tensor shared by all. */
  '1×1 convs': (n) =>
    tinyBytes({
      nodes: Array.from({ length: n }, (_, i) =>
        node(
          'Conv',
          [i === 0 ? 'x' : `t${i}`, 'w'],
          [`t${i + 1}`],
          [attrInts('kernel_shape', [1, 1])],
          `conv${i}`,
        ),
      ),
      inits: [floatTensor('w', [8, 8, 1, 1], new Float32Array(64).fill(0.125))],
      input: [1, 8, 4, 4],
    }),
};

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

/**
 * `npm run bench -- import`: import time of synthetic graphs of 1k, 10k and 100k nodes, with the
 * growth from each size to the next (10 is linear, 100 quadratic). Import must stay near-linear.
 */
export function benchImport(sizes: readonly number[] = [1_000, 10_000, 100_000]): void {
  const rows: string[][] = [];
  for (const [name, make] of Object.entries(shapes)) {
    let previous: number | undefined;
    for (const n of sizes) {
      const bytes = make(n);
      const r = importModel(bytes);
      if (!r.ok) throw new Error(`${name} × ${n}: ${r.error}`);
      if (r.invalid !== undefined) throw new Error(`${name} × ${n}: ${r.invalid}`);
      const median = cpuMedian(() => importModel(bytes), n >= 100_000 ? 3 : 5);
      rows.push([
        name,
        n.toLocaleString('en-US'),
        ms(median),
        previous === undefined ? '' : `×${(median / previous).toFixed(1)}`,
      ]);
      previous = median;
    }
  }
  printTable(
    'ONNX import scaling (synthetic graphs; growth per 10× nodes, 10 = linear)',
    ['graph', 'nodes', 'median CPU ms', 'growth'],
    rows,
  );
}
