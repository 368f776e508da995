import { readFile } from 'node:fs/promises';
import { deflateSync, gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { decodeNpy } from '../src/runtime/npy';
import { Studio } from './pages/studio';
import { FASHION_MNIST_CLASSES } from '../src/core/train/data';

/** Loading TensorFlow.js, reading the subset and a few dozen steps on two shared cores: generous. */
const TRAIN_TIMEOUT = 240_000;
const SUBSET = 'public/datasets/fashion-mnist';

/** A small convnet for 28×28 grey images: two strided convs, global pooling, a 10-way Linear head. */
const design = {
  format: 'compact-studio-design',
  version: 2,
  name: 'tiny fashion net',
  nodes: [
    {
      id: 'n1',
      kind: 'Input',
      label: 'input',
      position: { x: 0, y: 0 },
      params: { channels: 1, height: 28, width: 28 },
    },
    {
      id: 'n2',
      kind: 'Conv2d',
      label: 'conv1',
      position: { x: 0, y: 100 },
      params: { outChannels: 16, stride: [2, 2] },
    },
    { id: 'n3', kind: 'BatchNorm', label: 'bn1', position: { x: 0, y: 200 }, params: {} },
    { id: 'n4', kind: 'ReLU', label: 'relu1', position: { x: 0, y: 300 }, params: {} },
    {
      id: 'n5',
      kind: 'Conv2d',
      label: 'conv2',
      position: { x: 0, y: 400 },
      params: { outChannels: 32, stride: [2, 2] },
    },
    { id: 'n6', kind: 'ReLU', label: 'relu2', position: { x: 0, y: 500 }, params: {} },
    { id: 'n7', kind: 'GlobalAvgPool', label: 'pool', position: { x: 0, y: 600 }, params: {} },
    { id: 'n8', kind: 'Flatten', label: 'flatten', position: { x: 0, y: 700 }, params: {} },
    { id: 'n9', kind: 'Linear', label: 'fc', position: { x: 0, y: 800 }, params: { outFeatures: 10 } },
    { id: 'n10', kind: 'Output', label: 'output', position: { x: 0, y: 900 }, params: {} },
  ],
  edges: Array.from({ length: 9 }, (_, i) => ({
    id: `e${i + 1}`,
    from: { node: `n${i + 1}`, port: 0 },
    to: { node: `n${i + 2}`, port: 0 },
  })),
};

/** The first test image of a class from the shipped subset, as a grey PNG (an independent encoder). */
async function testImage(label: number): Promise<Buffer> {
  const images = gunzipSync(await readFile(`${SUBSET}/t10k-images-idx3-ubyte.gz`));
  const labels = gunzipSync(await readFile(`${SUBSET}/t10k-labels-idx1-ubyte.gz`));
  const index = labels.subarray(8).indexOf(label);
  const pixels = images.subarray(16 + index * 784, 16 + (index + 1) * 784);
  const rows = Buffer.alloc(28 * 29);
  for (let y = 0; y < 28; y++) pixels.copy(rows, y * 29 + 1, y * 28, (y + 1) * 28);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const v of b) c = (crcTable[(c ^ v) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(28, 0);
  header.writeUInt32BE(28, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit grey, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const pointsOf = (page: Page) =>
  page
    .locator('svg[data-curve="loss"]')
    .getAttribute('data-points')
    .then((v) => Number(v ?? 0));

async function save(page: Page, name: RegExp): Promise<Uint8Array> {
  const download = page.waitForEvent('download');
  await page.getByRole('tabpanel', { name: 'Run' }).getByRole('button', { name }).click();
  return new Uint8Array(await readFile(await (await download).path()));
}

test('trains a small design on the Fashion-MNIST subset, keeps the weights over a reload, and Run uses them', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT + 180_000);
  const studio = new Studio(page);
  await studio.open();
  await studio.seedAutosave(JSON.stringify(design));
  await studio.open({ keepStorage: true });
  await expect(studio.designName).toHaveValue('tiny fashion net');

  await page.getByRole('tab', { name: 'Train' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Train' });
  await expect(panel.getByRole('radio', { name: 'Fashion-MNIST subset' })).toBeChecked();
  await panel.getByText('Recipe', { exact: true }).click();
  await panel.getByRole('spinbutton', { name: /At most this many steps/ }).fill('60');
  await panel.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(panel.getByText(/Runs on WASM/)).toBeVisible({ timeout: 60_000 });

  // The curve moves: points arrive while it trains, and the page answers meanwhile.
  await expect.poll(() => pointsOf(page), { timeout: TRAIN_TIMEOUT }).toBeGreaterThanOrEqual(2);
  const early = await pointsOf(page);
  await expect(panel.getByRole('progressbar', { name: 'Training progress' })).toBeVisible();
  await page.getByRole('tab', { name: 'Cost' }).click();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect.poll(() => pointsOf(page), { timeout: TRAIN_TIMEOUT }).toBeGreaterThan(early);
  const end = panel.getByRole('status').filter({ hasText: /^Trained/ });
  await expect(end).toBeVisible({ timeout: TRAIN_TIMEOUT });
  const accuracy = /(\d+\.\d)% test accuracy/.exec((await end.textContent()) ?? '')?.[1];
  expect(Number(accuracy)).toBeGreaterThan(20); // ten classes: chance is 10%
  await expect(
    panel.getByRole('img', { name: /fashion-mnist: accuracy against Multiply-adds; 1 results/ }),
  ).toBeVisible();

  // Reload: the weights and the result came back from IndexedDB, and Run says whose they are.
  await studio.waitForAutosave('tiny fashion net');
  await page.reload();
  await studio.waitForCanvas();
  await page.getByRole('tab', { name: 'Run' }).click();
  const run = page.getByRole('tabpanel', { name: 'Run' });
  await expect(run.getByRole('note', { name: 'Weights' })).toHaveText(
    new RegExp(`^Weights trained 0\\.4 epochs on Fashion-MNIST, ${accuracy}% test accuracy\\.$`),
  );
  const trouser = await testImage(1);
  await run
    .getByLabel('Choose an image file')
    .setInputFiles({ name: 'trouser.png', mimeType: 'image/png', buffer: trouser });
  await run.getByLabel('Backend').selectOption('wasm');
  await run.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(run.getByLabel('Latency')).toBeVisible({ timeout: 120_000 });
  const top = run.getByRole('listitem').first();
  const topName = (await top.getAttribute('aria-label'))?.split(':')[0] ?? '';
  expect(FASHION_MNIST_CLASSES).toContain(topName);

  // The top-1 comes from the trained weights: onnxruntime-node on the model the browser ran, with
  // the input it used, gives the same logits, and those are not the untrained design's.
  const model = await save(page, /model/i);
  const input = decodeNpy(await save(page, /input/i));
  const output = decodeNpy(await save(page, /output/i));
  const session = await ort.InferenceSession.create(model);
  const feeds = {
    [session.inputNames[0] ?? 'input']: new ort.Tensor('float32', input.data, [...input.shape]),
  };
  const logits = (await session.run(feeds))[session.outputNames[0] ?? 'output']?.data as Float32Array;
  await session.release();
  const worst = output.data.reduce((m, v, i) => Math.max(m, Math.abs(v - (logits[i] ?? NaN))), 0);
  expect(worst).toBeLessThanOrEqual(1e-4);
  const best = logits.indexOf(Math.max(...logits));
  expect(FASHION_MNIST_CLASSES[best]).toBe(topName);
  // Input in [0, 1] (whole image, no ImageNet normalisation), as the Train tab trained it.
  expect(Math.min(...input.data)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...input.data)).toBeLessThanOrEqual(1);
  studio.expectNoErrors();
});

test('the Train tab in Chinese', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.clear();
      localStorage.setItem('compact-studio/language', 'zh');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await page.getByRole('tab', { name: '训练' }).click();
  const panel = page.getByRole('tabpanel', { name: '训练' });
  await expect(panel.getByRole('radio', { name: 'Fashion-MNIST 子集' })).toBeChecked();
  await expect(panel.getByRole('button', { name: '训练', exact: true })).toBeVisible();
  await expect(panel.getByText('训练配置')).toBeVisible();
  await expect(panel.getByText(/还没有结果/)).toBeVisible();
  await panel.getByRole('radio', { name: '我的图像' }).click();
  await panel.getByRole('button', { name: '训练', exact: true }).click();
  await expect(panel.getByRole('alert')).toHaveText('请先选择一个图像文件夹或 zip。');
});
