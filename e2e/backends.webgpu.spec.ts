import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { serializeDesign } from '../src/core/document/format';
import { GraphBuilder } from '../src/core/design/builder';
import type { Design } from '../src/core/design/design-types';
import { decodeNpy } from '../src/runtime/npy';
import { Studio } from './pages/studio';

/**
 * The WebGPU execution provider, for correctness: this project launches Chromium with
 * `--enable-unsafe-webgpu`, which without a GPU offers SwiftShader (a software adapter, ~100×
 * slower than WASM), so the design is small. The same design and input run on WASM and on WebGPU
 * (chosen explicitly, as Automatic never takes a software adapter) and the outputs must agree.
 */

const TOLERANCE = 1e-3;
const RUN_TIMEOUT = 45_000;

/** Input 3×32×32 → conv/BN/ReLU, depthwise-separable, pools, a strided conv → Linear 10 → Output. */
function smallDesign(): Design {
  const g = new GraphBuilder();
  const convBnRelu = (
    x: ReturnType<GraphBuilder['add']>,
    name: string,
    conv: { outChannels: number; kernel: number; stride?: number; groups?: number },
  ) => {
    const pad = (conv.kernel - 1) / 2;
    const stride = conv.stride ?? 1;
    const c = g.add(
      'Conv2d',
      {
        outChannels: conv.outChannels,
        kernel: [conv.kernel, conv.kernel],
        stride: [stride, stride],
        padding: [pad, pad],
        groups: conv.groups ?? 1,
      },
      [x],
      name,
    );
    return g.add('ReLU', {}, [g.add('BatchNorm', {}, [c], `${name}_bn`)], `${name}_relu`);
  };
  let x = g.add('Input', { channels: 3, height: 32, width: 32 }, [], 'input');
  x = convBnRelu(x, 'stem', { outChannels: 16, kernel: 3 });
  x = convBnRelu(x, 'dw1', { outChannels: 16, kernel: 3, groups: 16 });
  x = convBnRelu(x, 'pw1', { outChannels: 32, kernel: 1 });
  x = g.add('MaxPool', { kernel: [2, 2], stride: [2, 2], padding: [0, 0] }, [x], 'pool1');
  x = convBnRelu(x, 'dw2', { outChannels: 32, kernel: 3, stride: 2, groups: 32 });
  x = convBnRelu(x, 'pw2', { outChannels: 64, kernel: 1 });
  x = g.add('AvgPool', { kernel: [2, 2], stride: [2, 2], padding: [0, 0] }, [x], 'pool2');
  x = g.add('GlobalAvgPool', {}, [x], 'gap');
  x = g.add('Flatten', {}, [x], 'flatten');
  g.output(g.add('Linear', { outFeatures: 10 }, [x], 'fc'));
  return g.design('WebGPU check');
}

interface AdapterReport {
  readonly found: boolean;
  readonly reason?: string;
  readonly vendor?: string;
  readonly architecture?: string;
  readonly description?: string;
  readonly fallback?: boolean;
}

/** What `navigator.gpu.requestAdapter()` gives this page (the worker asks the same browser). */
function probeAdapter(page: Page): Promise<AdapterReport> {
  return page.evaluate(async () => {
    type Info = { vendor: string; architecture: string; description: string; isFallbackAdapter?: boolean };
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info: Info } | null> } }).gpu;
    if (gpu === undefined) return { found: false, reason: 'navigator.gpu is undefined' };
    try {
      const adapter = await gpu.requestAdapter();
      if (adapter === null) return { found: false, reason: 'navigator.gpu.requestAdapter() returned null' };
      const { vendor, architecture, description, isFallbackAdapter } = adapter.info;
      return { found: true, vendor, architecture, description, fallback: isFallbackAdapter === true };
    } catch (e) {
      return { found: false, reason: `navigator.gpu.requestAdapter() threw: ${String(e)}` };
    }
  });
}

test('WebGPU computes the same outputs as WASM for a small design', async ({ page }) => {
  test.setTimeout(90_000);
  const studio = new Studio(page);
  await studio.open();
  // Opened as a saved file, through File → Open… (share.ts's lz-string is CommonJS, which this
  // ESM test process cannot import by name).
  const choosing = page.waitForEvent('filechooser');
  await studio.menu('File', 'Open…');
  await (
    await choosing
  ).setFiles({
    name: 'webgpu-check.json',
    mimeType: 'application/json',
    buffer: Buffer.from(serializeDesign(smallDesign())),
  });
  await expect(studio.designName).toHaveValue('WebGPU check');

  const adapter = await probeAdapter(page);
  if (!adapter.found) {
    const why = `WebGPU has no adapter in this Chromium even with --enable-unsafe-webgpu (${adapter.reason})`;
    console.log(`SKIPPED: ${why}`);
    test.skip(true, why);
    return;
  }
  const adapterText = `vendor "${adapter.vendor}", architecture "${adapter.architecture}", description "${adapter.description}", fallback ${adapter.fallback}`;
  console.log(`WebGPU adapter: ${adapterText}`);
  test.info().annotations.push({ type: 'adapter', description: adapterText });

  await page.getByRole('tab', { name: 'Run' }).click();
  const panel = page.getByRole('tabpanel');
  const runButton = panel.getByRole('button', { name: 'Run', exact: true });
  const save = async (name: RegExp) => {
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name }).click();
    return decodeNpy(new Uint8Array(await readFile(await (await download).path())));
  };
  await panel.getByRole('button', { name: 'Random tensor' }).click();
  await expect(panel.getByText('1×3×32×32 float32')).toBeVisible();

  await panel.getByLabel('Backend').selectOption('wasm');
  await runButton.click();
  await expect(panel.getByText(/Ran on WASM, \d+ threads?/)).toBeVisible({ timeout: RUN_TIMEOUT });
  const wasmInput = await save(/input/);
  const wasm = await save(/output/);

  await panel.getByLabel('Backend').selectOption('webgpu');
  await runButton.click();
  await expect(panel.getByText('Ran on WebGPU')).toBeVisible({ timeout: RUN_TIMEOUT });
  const note = panel.getByText('WebGPU on a software adapter');
  if (adapter.fallback === true)
    await expect(note).toHaveText(
      /^WebGPU on a software adapter \(.+\): correct but far slower than WASM\.$/,
    );
  else await expect(note).toHaveCount(0);
  const gpuInput = await save(/input/);
  const gpu = await save(/output/);

  expect(gpuInput.shape).toEqual([1, 3, 32, 32]);
  expect([...gpuInput.data]).toEqual([...wasmInput.data]);
  expect(gpu.shape).toEqual([1, 10]);
  expect(wasm.shape).toEqual([1, 10]);
  let worst = 0;
  wasm.data.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (gpu.data[i] ?? NaN)))));
  const range = Math.max(...wasm.data) - Math.min(...wasm.data);
  console.log(
    `WebGPU vs WASM: max abs difference ${worst.toExponential(2)} over ${wasm.data.length} logits spanning ${range.toFixed(3)}`,
  );
  expect(worst).toBeLessThanOrEqual(TOLERANCE);
  // Outputs with some spread, so the comparison says something.
  expect(range).toBeGreaterThan(0.1);

  // The per-node profile on WebGPU finishes too, without an error.
  await expect(panel.getByRole('list', { name: 'Time per node' })).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(runButton).toBeEnabled();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  // Feature maps come from the backend of the last run: WebGPU here (the canvas renders only the
  // cards in view; the stem is one).
  await studio.node('stem').click();
  await expect(panel.getByRole('img', { name: 'Feature maps of stem' })).toBeVisible({
    timeout: RUN_TIMEOUT,
  });
  await expect(panel.getByText(/: 1×16×32×32; each channel/)).toBeVisible();
  studio.expectNoErrors();
});
