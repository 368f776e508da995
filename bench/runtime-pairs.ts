import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as ort from 'onnxruntime-node';
import { withDevServerBrowser } from './chromium';
import type { Design } from '../src/core/design/design-types';
import { importModel } from '../src/core/onnx/import/import';
import { findPreset } from '../src/core/presets/preset-registry';
import { buildModel } from '../src/runtime/model';
import { randomTensor } from '../src/runtime/preprocess';
import { ms, printTable } from './measure';

/**
 * Browser WASM against onnxruntime-node, measured in interleaved pairs: one browser run, one native
 * run, PAIRS times over, each side with its session open throughout, the same file and thread
 * count. The machine's load drifts between minutes; within a pair both sides see the same load, so
 * the per-pair ratio and its spread are the figures to read.
 */
const PAIRS = Number(process.env.BENCH_PAIRS ?? 24);
const WARMUP = 5;
const PORT = 5198;

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

const quantile = (values: readonly number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

export async function benchRuntimePairs(): Promise<void> {
  await withDevServerBrowser(PORT, async (browser) => {
    const rows: string[][] = [];
    for (const [name, build] of models) {
      const built = buildModel(build(), { foldBatchNorm: true });
      if (!built.ok) throw new Error(built.errors.join('; '));
      const bytes = built.model.bytes;
      const page = await browser.newPage();
      await page.route('**/bench-model/m', (route) => {
        void route.fulfill({ body: Buffer.from(bytes), contentType: 'application/octet-stream' });
      });
      await page.goto(`http://127.0.0.1:${PORT}/bench/runtime-pairs.html`);
      const info = await page.evaluate<{ cores: number; isolated: boolean }>('window.pairInfo()');
      const threads = info.cores;
      await page.evaluate(
        `window.pairCall({ type: 'open', threads: ${threads}, modelUrl: '/bench-model/m', inputShape: [1, 3, 224, 224] })`,
      );
      const session = await ort.InferenceSession.create(bytes, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
      const input = randomTensor(3 * 224 * 224);
      const nativeRun = async (): Promise<number> => {
        const feeds = {
          [session.inputNames[0] ?? 'input']: new ort.Tensor('float32', input.slice(), [1, 3, 224, 224]),
        };
        const t0 = performance.now();
        await session.run(feeds);
        return performance.now() - t0;
      };
      const browserRun = (): Promise<number> => page.evaluate<number>(`window.pairCall({ type: 'step' })`);
      for (let i = 0; i < WARMUP; i++) {
        await browserRun();
        await nativeRun();
      }
      const b: number[] = [];
      const n: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        // Alternate which side goes first, so neither always runs on a cache the other warmed.
        if (i % 2 === 0) {
          b.push(await browserRun());
          n.push(await nativeRun());
        } else {
          n.push(await nativeRun());
          b.push(await browserRun());
        }
      }
      await session.release();
      await page.evaluate(`window.pairCall({ type: 'close' })`);
      await page.close();
      const ratios = b.map((v, i) => v / (n[i] ?? NaN));
      rows.push([
        name,
        String(threads),
        String(PAIRS),
        ms(quantile(b, 0.5)),
        ms(quantile(n, 0.5)),
        `${quantile(ratios, 0.5).toFixed(2)}×`,
        `${quantile(ratios, 0.1).toFixed(2)}–${quantile(ratios, 0.9).toFixed(2)}`,
      ]);
      console.log(`  ${name} measured`);
    }
    printTable(
      'Runtime in interleaved pairs: browser (onnxruntime-web /wasm, in a worker, BN folded) against onnxruntime-node, same file and threads, 1×3×224×224',
      [
        'model',
        'threads',
        'pairs',
        'browser median ms',
        'native median ms',
        'ratio (median of pairs)',
        'ratio p10–p90',
      ],
      rows,
    );
  });
}
