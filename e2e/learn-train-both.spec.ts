import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

/** TensorFlow.js loading, the subset read and two short runs with their evaluation, on shared cores. */
const TRAIN_TIMEOUT = 420_000;

test('a lesson’s slide draws both designs, its number and its paper; "train both" shows two accuracies beside their costs', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT + 60_000);
  const studio = new Studio(page);
  await studio.open();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByText('Lesson 1 of 22 · survey ref. [124]')).toBeVisible();
  await expect(page.getByTestId('lesson-reference')).toHaveText(
    'Iandola et al., SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and <0.5MB model size, arXiv:1602.07360, 2016',
  );
  await page.getByRole('button', { name: 'Open the example on the canvas' }).click();
  const pictures = page.getByRole('group', { name: 'The two designs' });
  await expect(pictures.getByRole('img')).toHaveCount(2);

  // The slide, as downloaded.
  const download = page.waitForEvent('download');
  await page
    .getByRole('group', { name: 'Slide for a projector' })
    .getByRole('button', { name: 'SVG' })
    .click();
  const svg = await readFile(await (await download).path(), 'utf8');
  expect(svg).toContain('Lesson 1 of 22 · survey ref. [124]');
  expect(svg).toContain('Iandola et al., SqueezeNet');
  expect(svg.match(/<svg class="design-picture"/g)).toHaveLength(2);

  // Train both, with a very short recipe: the task is not done until both have finished.
  const notYet = page.getByLabel('Train both: Not yet');
  await expect(notYet).toBeVisible();
  await page.getByRole('spinbutton', { name: /Steps per design/ }).fill('3');
  await page.getByRole('button', { name: 'Train both on Fashion-MNIST' }).click();
  // Both sides train at once, each in its own worker.
  const progress = page.getByRole('status').filter({ hasText: /Training Baseline/ });
  await expect(progress).toBeVisible({ timeout: TRAIN_TIMEOUT });
  await expect(progress).toContainText(/Training Method/);
  await expect(notYet).toBeVisible();
  await expect(page.getByLabel('Train both: Done')).toBeVisible({ timeout: TRAIN_TIMEOUT });
  const table = page.getByRole('table', { name: 'Accuracy beside cost' });
  for (const side of ['baseline', 'method']) {
    const cell = table.locator(`tr[data-side="${side}"] td[data-accuracy]`);
    const accuracy = Number(await cell.getAttribute('data-accuracy'));
    expect(accuracy, side).toBeGreaterThan(0);
    expect(accuracy, side).toBeLessThanOrEqual(1);
    await expect(cell).toHaveText(`${(accuracy * 100).toFixed(1)}%`);
  }
  // The costs beside them are the trained designs' own (stem + side + head; closed form in train-pair.test.ts).
  await expect(table.locator('tr[data-side="baseline"] td').first()).toHaveAttribute('title', '113,066');
  await page.locator('.lesson-train').screenshot({ path: 'test-results/learn-train-both.png' });
  studio.expectNoErrors();
  await page.setContent(svg);
  await page.screenshot({ path: 'test-results/learn-slide.png', fullPage: true });
});
