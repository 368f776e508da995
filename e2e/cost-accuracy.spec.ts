import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { encodeSafetensors } from '../src/core/torch/safetensors';
import { Studio } from './pages/studio';

interface Keys {
  tensors: { key: string; role: string; shape: number[] }[];
}

/** The metrics.jsonl of a finished train.py run: 2 epochs of CIFAR-10, 71.25% test top-1. */
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
    seed: 3,
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
    loss: 0.8,
    top1: 0.7125,
    top5: 0.97,
  },
]
  .map((l) => JSON.stringify(l))
  .join('\n');

test('the cost panel shows the accuracy of the loaded weights beside the costs, in English and Chinese', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const studio = new Studio(page);
  await studio.open();
  await page.getByRole('tab', { name: 'Cost' }).click();
  const cost = page.locator('.cost-panel');
  const accuracy = cost.locator('[data-figure="accuracy"]');
  await expect(accuracy).toContainText('Accuracy not measured yet');

  // The training project's layer keys, then a run's weights and metrics loaded back.
  const downloading = page.waitForEvent('download');
  await studio.menu('File', 'Export training project (PyTorch, zip)');
  const files = unzipSync(new Uint8Array(await readFile(await (await downloading).path())));
  const keys = JSON.parse(
    strFromU8(files['mobilenetv2-training/studio_keys.json'] ?? new Uint8Array()),
  ) as Keys;
  const choosing = page.waitForEvent('filechooser');
  await studio.menu('File', 'Load trained weights…');
  await (
    await choosing
  ).setFiles([
    {
      name: 'weights.safetensors',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(
        encodeSafetensors(
          keys.tensors.map((t) => ({
            name: `${t.key}.${t.role}`,
            shape: t.shape,
            data: new Float32Array(t.shape.reduce((a, b) => a * b, 1)).fill(0.01),
          })),
        ),
      ),
    },
    { name: 'metrics.jsonl', mimeType: 'application/json', buffer: Buffer.from(metrics) },
  ]);
  await expect(accuracy).toHaveText('Accuracy 71.3% test top-1 on cifar10 (PyTorch, 2 epochs)', {
    timeout: 60_000,
  });
  await expect(accuracy).not.toHaveClass(/earlier/);
  await accuracy.screenshot({ path: 'test-results/cost-accuracy.png' });

  // In Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(accuracy).toHaveText('准确率 71.3% cifar10 测试集（PyTorch，2 轮）');

  // An edit of a layer: the figure is of an earlier version now.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await cost.getByRole('slider', { name: 'Width multiplier' }).fill('0.5');
  await expect(accuracy).toContainText('from an earlier version of the design');
  await expect(accuracy).toHaveClass(/earlier/);
  studio.expectNoErrors();
});
