import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { encodeSafetensors } from '../src/core/torch/safetensors';
import { Studio } from './pages/studio';

interface Keys {
  tensors: { key: string; role: string; shape: number[] }[];
}

const metrics = [
  {
    event: 'start',
    data: 'cifar10',
    split: 'test',
    classes: 1000,
    train_images: 50000,
    eval_images: 10000,
    epochs: 2,
    global_batch: 256,
    seed: 7,
    recipe: {
      optimizer: 'sgd',
      momentum: 0.9,
      learningRate: 0.1,
      weightDecay: 5e-4,
      warmupEpochs: 1,
      schedule: 'cosine',
      labelSmoothing: 0,
      augment: { flip: true, crop: 4 },
    },
  },
  {
    event: 'end',
    step: 390,
    epochs: 2,
    seconds: 120,
    data: 'cifar10',
    split: 'test',
    time: 1_800_000_000,
    loss: 0.9,
    top1: 0.68,
    top5: 0.97,
  },
]
  .map((l) => JSON.stringify(l))
  .join('\n');

test('File → Export training project downloads a zip; Load trained weights binds a run back', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const studio = new Studio(page);
  await studio.open();
  const downloading = page.waitForEvent('download');
  await studio.menu('File', 'Export training project (PyTorch, zip)');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('mobilenetv2-training.zip');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files).sort()).toEqual(
    ['README.md', 'data.py', 'net.py', 'recipe.json', 'studio_keys.json', 'train.py'].map(
      (f) => `mobilenetv2-training/${f}`,
    ),
  );
  const keys = JSON.parse(
    strFromU8(files['mobilenetv2-training/studio_keys.json'] ?? new Uint8Array()),
  ) as Keys;
  const tensor = (t: Keys['tensors'][number], shape = t.shape) => ({
    name: `${t.key}.${t.role}`,
    shape,
    data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(0.01),
  });

  // A file with one tensor of the wrong shape is refused, naming it.
  const [first, ...rest] = keys.tensors;
  if (first === undefined) throw new Error('no tensors');
  let choosing = page.waitForEvent('filechooser');
  await studio.menu('File', 'Load trained weights…');
  await (
    await choosing
  ).setFiles({
    name: 'bad.safetensors',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(encodeSafetensors([tensor(first, [1, 1, 1, 1]), ...rest.map((t) => tensor(t))])),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'bad.safetensors was not loaded' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(`${first.key}.${first.role} (1×1×1×1 in the file`)).toBeVisible({
    timeout: 60_000,
  });

  choosing = page.waitForEvent('filechooser');
  await studio.menu('File', 'Load trained weights…');
  await (
    await choosing
  ).setFiles([
    {
      name: 'weights.safetensors',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(encodeSafetensors(keys.tensors.map((t) => tensor(t)))),
    },
    { name: 'metrics.jsonl', mimeType: 'application/json', buffer: Buffer.from(metrics) },
  ]);
  await expect(
    page.getByRole('status').filter({
      hasText:
        /Loaded trained weights from weights\.safetensors into \d+ layers; recorded cifar10 test top-1 68\.00%/,
    }),
  ).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/training-project-loaded.png' });
  studio.expectNoErrors();
});
