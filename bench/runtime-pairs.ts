import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-node';
import type { Browser } from '@playwright/test';
import { withDevServerBrowser } from './chromium';
import type { Design } from '../src/core/design/design-types';
import { importModel } from '../src/core/onnx/import/import';
import { findPreset } from '../src/core/presets/preset-registry';
import { buildModel } from '../src/runtime/model';
import { randomTensor } from '../src/runtime/preprocess';
import { ms, printTable } from './measure';
import { cpuNs, descendants, timeInProcess } from './proc-cpu';
import type { NodeWasmReply, NodeWasmRequest } from './runtime-node-wasm';

/**
 * Three columns on the same file and thread count, measured in interleaved rounds:
 * - browser: onnxruntime-web's `/wasm` build in a module worker of Chromium, as the app runs it;
 * - Node-WASM: the same .wasm and session options, run by Node (bench/runtime-node-wasm.ts);
 * - native: onnxruntime-node.
 * Each round runs one measurement per column, alone: one at a time, in an order that rotates
 * (A B C, B C A, C A B …), with a pause after each so that the thread pool of the column just
 * measured has stopped spinning (onnxruntime's pool threads spin for tens of milliseconds after a
 * run; without the pause the next column shares the cores with them). Within a round all columns
 * see the same load, so the per-round ratios and their spread are the figures to read.
 * Node-WASM ÷ native is what the WASM build costs; browser ÷ Node-WASM is the browser and our code.
 */
const ROUNDS = Number(process.env.BENCH_PAIRS ?? 24);
const WARMUP = 5;
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 150);
const PORT = Number(process.env.BENCH_PORT ?? 5198);
const SHAPE: readonly number[] = [1, 3, 224, 224];

function presetDesign(name: string): Design {
  const preset = findPreset(name);
  if (preset === undefined) throw new Error(`no preset ${name}`);
  return preset.build();
}

/** torchvision's EfficientNet-B0, exported by torch.onnx.export, imported into a design. */
function efficientNet(): Design {
  const bytes = gunzipSync(readFileSync('fixtures/torch/efficientnet_b0.bn.op13.onnx.gz'));
  const r = importModel(new Uint8Array(bytes));
  if (!r.ok) throw new Error(r.error);
  return r.design;
}

const models: readonly (readonly [string, () => Design])[] = [
  ['mobilenet_v2', () => presetDesign('mobilenet_v2')],
  ['shufflenet_v2_x1_0', () => presetDesign('shufflenet_v2_x1_0')],
  ['squeezenet1_1', () => presetDesign('squeezenet1_1')],
  ['efficientnet_b0 (imported)', efficientNet],
];

/** One column: a session kept open, timed one run at a time. */
interface Column {
  /** The thread count the runtime settled on (not the one asked for). */
  readonly threads: number;
  /** One run: wall ms, and CPU ms of every thread of the column's process(es) over the run. */
  step(): Promise<{ ms: number; cpuMs: number }>;
  output(): Promise<Float32Array>;
  close(): Promise<void>;
}

/** The browser's session.run against onnxruntime's own model_run, from a profiled session. */
interface Outside {
  readonly runMs: number;
  readonly outsideMs: number;
}

async function browserColumn(
  browser: Browser,
  bytes: Uint8Array,
  threads: number,
): Promise<Column & { outside: () => Promise<Outside> }> {
  const page = await browser.newPage();
  await page.route('**/bench-model/m', (route) => {
    void route.fulfill({ body: Buffer.from(bytes), contentType: 'application/octet-stream' });
  });
  await page.goto(`http://127.0.0.1:${PORT}/bench/runtime-pairs.html`);
  const opened = await page.evaluate<{ threads: number; isolated: boolean }>(
    `window.pairCall({ type: 'open', threads: ${threads}, modelUrl: '/bench-model/m', inputShape: [${SHAPE.join(', ')}] })`,
  );
  if (!opened.isolated)
    console.warn('  the bench page is not cross-origin isolated: onnxruntime-web runs 1 thread');
  const pids = descendants(process.pid, /chrom/i);
  return {
    threads: opened.threads,
    step: async () => {
      const c0 = cpuNs(pids);
      const ms = await page.evaluate<number>(`window.pairCall({ type: 'step' })`);
      return { ms, cpuMs: (cpuNs(pids) - c0) / 1e6 };
    },
    output: async () =>
      Float32Array.from(await page.evaluate<number[]>(`window.pairCall({ type: 'output' })`)),
    outside: () => page.evaluate<Outside>(`window.pairCall({ type: 'outside' })`),
    close: async () => {
      await page.evaluate(`window.pairCall({ type: 'close' })`);
      await page.close();
    },
  };
}

async function nodeWasmColumn(bytes: Uint8Array, threads: number): Promise<Column> {
  const child = fork(fileURLToPath(new URL('./runtime-node-wasm.ts', import.meta.url)), {
    serialization: 'advanced',
  });
  const call = (r: NodeWasmRequest): Promise<Extract<NodeWasmReply, { ok: true }>> =>
    new Promise((resolve, reject) => {
      child.once('message', (reply: NodeWasmReply) => {
        if (reply.ok) resolve(reply);
        else reject(new Error(reply.error));
      });
      child.send(r);
    });
  const opened = await call({ type: 'open', threads, bytes, inputShape: SHAPE });
  return {
    threads: opened.threads,
    step: async () => {
      const { ms, cpuMs } = await call({ type: 'step' });
      return { ms, cpuMs };
    },
    output: async () => (await call({ type: 'output' })).output ?? new Float32Array(),
    close: async () => {
      await call({ type: 'close' });
      child.kill();
    },
  };
}

async function nativeColumn(bytes: Uint8Array, threads: number): Promise<Column> {
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const input = randomTensor(SHAPE.reduce((a, b) => a * b, 1));
  const feeds = () => ({
    [session.inputNames[0] ?? 'input']: new ort.Tensor('float32', input.slice(), [...SHAPE]),
  });
  return {
    threads,
    step: async () => {
      const f = feeds();
      const { ms, cpuMs, value } = await timeInProcess(() => session.run(f));
      for (const v of Object.values(value)) v.dispose();
      return { ms, cpuMs };
    },
    output: async () => {
      const out = await session.run(feeds());
      const first = out[session.outputNames[0] ?? ''];
      return Float32Array.from(first?.data as Float32Array);
    },
    close: () => session.release(),
  };
}

const quantile = (values: readonly number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const maxDiff = (a: Float32Array, b: Float32Array): number =>
  a.length !== b.length ? Infinity : a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? NaN))), 0);
const ratio = (values: readonly number[]): string =>
  `${quantile(values, 0.5).toFixed(2)}× (${quantile(values, 0.1).toFixed(2)}–${quantile(values, 0.9).toFixed(2)})`;
const load = (): string => loadavg()[0]?.toFixed(1) ?? '?';

interface Row {
  readonly name: string;
  readonly threads: readonly number[];
  readonly samples: readonly (readonly number[])[];
  readonly cpu: readonly (readonly number[])[];
  readonly diffs: readonly number[];
  readonly outside: Outside;
  readonly load: string;
}

/** Warm-up, then ROUNDS rounds of one measurement per column, alone and in rotating order. */
async function measureRow(
  name: string,
  columns: readonly Column[],
  outside: () => Promise<Outside>,
): Promise<Row> {
  const loadBefore = load();
  for (let i = 0; i < WARMUP; i++) for (const c of columns) await c.step();
  const reference = await columns[columns.length - 1]?.output();
  const diffs: number[] = [];
  for (const c of columns.slice(0, -1))
    diffs.push(maxDiff(await c.output(), reference ?? new Float32Array()));
  const outsideGraph = await outside();
  const samples = columns.map(() => [] as number[]);
  const cpu = columns.map(() => [] as number[]);
  for (let i = 0; i < ROUNDS; i++) {
    for (let k = 0; k < columns.length; k++) {
      const at = (i + k) % columns.length;
      await sleep(GAP_MS);
      const r = await columns[at]?.step();
      samples[at]?.push(r?.ms ?? NaN);
      cpu[at]?.push(r?.cpuMs ?? NaN);
    }
  }
  return {
    name,
    threads: columns.map((c) => c.threads),
    outside: outsideGraph,
    samples,
    cpu,
    diffs,
    load: `${loadBefore}–${load()}`,
  };
}

export async function benchRuntimePairs(): Promise<void> {
  await withDevServerBrowser(PORT, async (browser) => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/bench/runtime-pairs.html`);
    const cores = (await page.evaluate<{ cores: number }>('window.pairInfo()')).cores;
    await page.close();
    const threadCounts = [...new Set([1, cores])];
    const rows: Row[] = [];
    const only = process.env.BENCH_MODELS?.split(',');
    for (const [name, build] of models) {
      if (only !== undefined && !only.some((m) => name.startsWith(m))) continue;
      const built = buildModel(build(), { foldBatchNorm: true });
      if (!built.ok) throw new Error(built.errors.join('; '));
      const bytes = built.model.bytes;
      for (const threads of threadCounts) {
        const inBrowser = await browserColumn(browser, bytes, threads);
        const columns = [inBrowser, await nodeWasmColumn(bytes, threads), await nativeColumn(bytes, threads)];
        try {
          rows.push(await measureRow(name, columns, inBrowser.outside));
        } finally {
          for (const c of columns) await c.close();
        }
        console.log(`  ${name}, ${threads} thread(s) measured`);
      }
    }
    printRows(rows);
  });
}

function printRows(rows: readonly Row[]): void {
  const per = (r: Row, of: Row['samples'], a: number, b: number): number[] =>
    (of[a] ?? []).map((v, i) => v / (of[b]?.[i] ?? NaN));
  const wall = (r: Row, a: number, b: number) => per(r, r.samples, a, b);
  const med = (v: readonly number[] | undefined) => quantile(v ?? [], 0.5);
  printTable(
    `Runtime in interleaved rounds (${ROUNDS} per row, each run alone, ${GAP_MS} ms apart): browser (onnxruntime-web /wasm in a module worker), Node-WASM (the same .wasm and session options in Node ${process.versions.node}), native (onnxruntime-node); same file (BN folded), 1×3×224×224; ratios are medians of per-round ratios (p10–p90)`,
    [
      'model',
      'threads (browser / Node-WASM / native)',
      'browser ms',
      'Node-WASM ms',
      'native ms',
      'browser ÷ native',
      'Node-WASM ÷ native',
      'browser ÷ Node-WASM',
      'CPU ms per run (browser / Node-WASM / native)',
      'CPU browser ÷ native',
      'browser outside the graph ms, min (profiled run ms)',

      'max |Δ| vs native (browser / Node-WASM)',
      'load avg',
    ],
    rows.map((r) => [
      r.name,
      r.threads.join(' / '),
      ms(med(r.samples[0])),
      ms(med(r.samples[1])),
      ms(med(r.samples[2])),
      ratio(wall(r, 0, 2)),
      ratio(wall(r, 1, 2)),
      ratio(wall(r, 0, 1)),
      r.cpu.map((c) => ms(med(c))).join(' / '),
      ratio(per(r, r.cpu, 0, 2)),
      `${ms(r.outside.outsideMs)} (of ${ms(r.outside.runMs)})`,
      r.diffs.map((d) => d.toExponential(1)).join(' / '),
      r.load,
    ]),
  );
  console.log(
    "\nCPU ms: time on a CPU of every thread of the column's process(es) during the run (Linux schedstat); with more than one thread it includes the pool's spinning. The browser's covers every Chromium process over the whole round trip from this driver, which costs some CPU by itself (an empty round trip measured 1–7 ms, median, on this machine): its CPU figures are an upper bound. Outside the graph: session.run's wall time less onnxruntime's model_run, in a profiled session of the browser (tensor creation, copies into and out of the wasm heap, the binding): the part of a run our code could change without touching kernels.",
  );
  for (const r of rows) {
    const total = med(wall(r, 0, 2));
    const build = med(wall(r, 1, 2));
    const ours = med(wall(r, 0, 1));
    const cpuTotal = med(per(r, r.cpu, 0, 2));
    const cpuBuild = med(per(r, r.cpu, 1, 2));
    const cpuOurs = med(per(r, r.cpu, 0, 1));
    const share =
      total > 1.05 && build > 1
        ? `; the WASM build is ${Math.min(100, (100 * Math.log(build)) / Math.log(total)).toFixed(0)} % of it on a log scale`
        : '';
    console.log(
      `- ${r.name}, ${r.threads[0] ?? '?'} thread(s): browser ${total.toFixed(2)}× native = WASM build ${build.toFixed(2)}× (Node-WASM ÷ native) × browser and ours ${ours.toFixed(2)}× (browser ÷ Node-WASM)${share}. In CPU time per run: ${cpuTotal.toFixed(2)}× = WASM build ${cpuBuild.toFixed(2)}× × browser and ours ${cpuOurs.toFixed(2)}×.`,
    );
  }
}
