import * as ort from 'onnxruntime-node';
import { withDevServerBrowser } from './chromium';
import { findPreset } from '../src/core/presets/preset-registry';
import { buildModel } from '../src/runtime/model';
import type { LatencyStats } from '../src/runtime/outputs';
import { latencyStats } from '../src/runtime/outputs';
import { randomTensor } from '../src/runtime/preprocess';
import { timing } from './runtime-timing';
import { ms, printTable } from './measure';

/**
 * In-browser WASM latency (Debian's Chromium, headless) against onnxruntime-node on the same
 * machine and thread count, for three presets. The first browser column is everything we choose
 * (the /wasm build, all cores, a worker, batch norm folded); each further column changes one of them.
 */

const MODELS = ['mobilenet_v2', 'shufflenet_v2_x1_0', 'squeezenet1_1'] as const;
const PORT = 5199;

interface Variant {
  readonly title: string;
  readonly build: 'wasm' | 'default';
  readonly threads: 'all' | 1;
  readonly where: 'worker' | 'main';
  readonly fold: boolean;
}
const best: Variant = {
  title: 'ours: /wasm, all threads, worker, BN folded',
  build: 'wasm',
  threads: 'all',
  where: 'worker',
  fold: true,
};
const variants: readonly Variant[] = [
  best,
  { ...best, title: 'default import (JSEP build)', build: 'default' },
  { ...best, title: '1 thread', threads: 1 },
  { ...best, title: 'main thread', where: 'main' },
  { ...best, title: 'BN kept (training graph)', fold: false },
];

function exportBytes(name: string, fold: boolean): Uint8Array {
  const preset = findPreset(name);
  if (preset === undefined) throw new Error(`no preset ${name}`);
  const r = buildModel(preset.build(), { foldBatchNorm: fold });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.model.bytes;
}

async function native(bytes: Uint8Array, threads: number): Promise<LatencyStats> {
  const session = await ort.InferenceSession.create(bytes, {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const input = randomTensor(3 * 224 * 224);
  const feeds = () => ({
    [session.inputNames[0] ?? 'input']: new ort.Tensor('float32', input.slice(), [1, 3, 224, 224]),
  });
  for (let i = 0; i < timing.warmup; i++) await session.run(feeds());
  const samples: number[] = [];
  const start = performance.now();
  while (
    samples.length < timing.runs &&
    (samples.length < 5 || performance.now() - start < timing.budgetMs)
  ) {
    const f = feeds();
    const t0 = performance.now();
    await session.run(f);
    samples.push(performance.now() - t0);
  }
  await session.release();
  return latencyStats(samples);
}

export async function benchRuntime(): Promise<void> {
  await withDevServerBrowser(PORT, async (browser) => {
    const base = `http://127.0.0.1:${PORT}/bench/runtime.html`;
    const models = new Map<string, Uint8Array>();
    for (const m of MODELS)
      for (const fold of [true, false]) models.set(`${m}-${fold}`, exportBytes(m, fold));
    const page = await browser.newPage();
    await page.route('**/bench-model/*', (route) => {
      const key = route.request().url().split('/').pop() ?? '';
      void route.fulfill({
        body: Buffer.from(models.get(key) ?? new Uint8Array()),
        contentType: 'application/octet-stream',
      });
    });
    await page.goto(base);
    const info = await page.evaluate(() => window.benchInfo());
    if (!info.isolated) console.warn('The bench page is not cross-origin isolated: threads will not work.');
    const all = info.cores;
    const rows: string[][] = [];
    for (const m of MODELS) {
      const cells: string[] = [m];
      for (const v of variants) {
        const threads = v.threads === 'all' ? all : 1;
        // The reference is measured right before, with the same threads and graph: the machine's load drifts.
        const reference = await native(models.get(`${m}-${v.fold}`) ?? new Uint8Array(), threads);
        await page.goto(base); // a fresh page: onnxruntime's thread count is fixed once it starts
        const stats = await page.evaluate((c) => window.benchRun(c), {
          build: v.build,
          threads,
          where: v.where,
          modelUrl: `/bench-model/${m}-${v.fold}`,
          inputShape: [1, 3, 224, 224],
        });
        cells.push(
          `${ms(stats.median)} / ${ms(reference.median)} = ${(stats.median / reference.median).toFixed(1)}×`,
        );
      }
      rows.push(cells);
      console.log(`  ${m} measured`);
    }
    printTable(
      `Runtime: median ms per run, 1×3×224×224, ${all} threads unless said: browser / onnxruntime-node (same threads and graph, measured just before) = ratio`,
      ['model', ...variants.map((v) => v.title)],
      rows,
    );
  });
}
