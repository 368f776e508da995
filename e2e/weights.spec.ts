import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { decodeNpy } from '../src/runtime/npy';
import { Studio } from './pages/studio';

/** Session creation fetches and compiles the runtime's wasm: generous, but never a sleep. */
const RUN_TIMEOUT = 120_000;

/** torchvision's MobileNetV2 (width 0.25, 10 classes), as torch.onnx.export wrote it. */
const FIXTURE = 'fixtures/torch/mobilenet_v2.bn.op13.onnx.gz';

async function importFixture(studio: Studio, page: Page, name: string): Promise<Buffer> {
  const bytes = gunzipSync(await readFile(FIXTURE));
  const choosing = page.waitForEvent('filechooser');
  await studio.menu('File', 'Import ONNX…');
  await (await choosing).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  // Named after the file (torch writes the graph name "torch_jit", which says nothing).
  await expect(studio.designName).toHaveValue(name.replace(/\.onnx$/i, ''));
  return bytes;
}

class RunTab {
  constructor(readonly page: Page) {}
  get panel() {
    return this.page.getByRole('tabpanel', { name: 'Run' });
  }
  get weights() {
    return this.panel.getByRole('note', { name: 'Weights' });
  }
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Run' }).click();
  }
  /** Runs on WASM and returns the logits and the input the browser used. */
  async run(): Promise<{ logits: Float32Array; input: { data: Float32Array; shape: number[] } }> {
    await this.panel.getByLabel('Backend').selectOption('wasm');
    await expect(this.panel.getByRole('img', { name: /Preprocessed input/ })).toBeVisible();
    await this.panel.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(this.panel.getByLabel('Latency')).toBeVisible({ timeout: RUN_TIMEOUT });
    const input = decodeNpy(await this.save(/input/));
    const output = decodeNpy(await this.save(/output/));
    return { logits: output.data, input: { data: input.data, shape: [...input.shape] } };
  }
  async save(name: RegExp): Promise<Uint8Array> {
    const download = this.page.waitForEvent('download');
    await this.panel.getByRole('button', { name }).click();
    return new Uint8Array(await readFile(await (await download).path()));
  }
}

async function torchLogits(bytes: Buffer, input: { data: Float32Array; shape: number[] }) {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ input: new ort.Tensor('float32', input.data, input.shape) });
  const logits = out['logits']?.data as Float32Array;
  await session.release();
  return logits;
}

const worst = (a: Float32Array, b: Float32Array): number =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - (b[i] ?? NaN))), 0);

test.describe('imported weights', () => {
  test.setTimeout(240_000);

  test('survive renaming layers and a reload: the same logits as the torch file, and the panel says whose', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    const tab = new RunTab(page);
    await tab.open();
    await expect(tab.weights).toContainText(
      'Untrained, He-initialised with seed 0: the labels mean nothing until you import trained weights',
    );

    const bytes = await importFixture(studio, page, 'mobilenet_v2.onnx');
    await expect(tab.weights).toHaveText('Weights imported from mobilenet_v2.onnx.');
    const before = await tab.run();
    expect(before.logits).toHaveLength(10);
    // Independent check: onnxruntime-node on torch's own file, with the input the browser used.
    const torch = await torchLogits(bytes, before.input);
    expect(worst(before.logits, torch)).toBeLessThanOrEqual(1e-4);
    expect(Math.max(...torch) - Math.min(...torch)).toBeGreaterThan(1e-3);

    // Rename a conv and a whole block (whose inner layers' names change with it).
    await page.getByRole('tab', { name: 'Inspector' }).click();
    for (const [from, to] of [
      ['features.0.0', 'stem'],
      ['features.1', 'bottleneck 1'],
    ] as const) {
      await studio.select(from);
      const name = studio.page.getByRole('tabpanel').getByRole('textbox', { name: 'Name' });
      await name.fill(to);
      await name.press('Enter');
      await expect(studio.node(to)).toBeVisible();
    }
    await page.reload();
    await studio.waitForCanvas();
    await expect(studio.node('stem')).toBeVisible();
    await expect(studio.node('bottleneck 1')).toBeVisible();
    await tab.open();
    await expect(tab.weights).toHaveText('Weights imported from mobilenet_v2.onnx.');
    await expect(page.getByRole('button', { name: /Weights not kept/ })).toHaveCount(0);
    const after = await tab.run();
    expect(worst(after.logits, torch)).toBeLessThanOrEqual(1e-4);
    expect(worst(after.logits, before.logits)).toBeLessThanOrEqual(1e-5);

    // A width change re-initialises the layers whose weights change shape, and the panel says so:
    // the stem conv and its batch norm (8 → 16 channels). The first block keeps the 8-wide hidden
    // layers its file gave it, so it gains a 1×1 expand conv and batch norm (16 → 8, fresh), and
    // its depthwise conv, batch norm and projection keep their imported weights.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await studio.select('stem');
    await page.getByRole('tabpanel').getByRole('spinbutton', { name: 'Output channels' }).fill('16');
    await tab.open();
    await expect(tab.weights).toHaveText(
      'Weights imported from mobilenet_v2.onnx; 4 layers re-initialised after edits (He, seed 0).',
    );
    // Per-node times say that profiling costs time of its own.
    await expect(tab.panel.getByText(/Profiling adds overhead to every node/)).toBeVisible({
      timeout: RUN_TIMEOUT,
    });
    studio.expectNoErrors();
  });

  test('when the browser refuses to store them, the run panel and the status bar say so', async ({
    page,
  }) => {
    // A full disk, as the browser reports it: IndexedDB refuses any write of weights.
    await page.addInitScript(() => {
      const put = Reflect.get<IDBObjectStore, 'put'>(IDBObjectStore.prototype, 'put');
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (typeof key === 'string' && key.startsWith('weights') && value !== null)
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return Reflect.apply<IDBObjectStore, [unknown, IDBValidKey?], IDBRequest<IDBValidKey>>(put, this, [
          value,
          key,
        ]);
      };
    });
    const studio = new Studio(page);
    await studio.open();
    await importFixture(studio, page, 'mobilenet_v2.onnx');
    const mark = page.getByRole('button', { name: /Weights not kept in this browser/ });
    await expect(mark).toBeVisible();
    await mark.click();
    const tab = new RunTab(page);
    await expect(tab.weights).toContainText(
      'Not kept in this browser (the browser’s storage for this site is full)',
    );
    // The design itself was kept: after a reload it is there, with fresh initialisation, and says so.
    await page.reload();
    await studio.waitForCanvas();
    await expect(studio.node('features.0.0')).toBeVisible();
    await tab.open();
    await expect(tab.weights).toContainText('Untrained, He-initialised with seed 0');
  });
});
