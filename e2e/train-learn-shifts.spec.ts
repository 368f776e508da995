import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

/**
 * Sparse shift learning in the Train tab: a design with a SparseShift node (36 channels) offers it;
 * a large λ sends every shift back to the centre, which the tab says and the design keeps.
 */
const TRAIN_TIMEOUT = 240_000;

test('learns a sparse shift mask in the Train tab, and says how many channels stayed shifted', async ({
  page,
}) => {
  test.setTimeout(TRAIN_TIMEOUT + 60_000);
  const design = await readFile('fixtures/train/sparse-shift-cnn.json', 'utf8');
  const studio = new Studio(page);
  await studio.openDesign(design);
  await page.getByRole('tab', { name: 'Train' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Train' });
  const section = panel.getByRole('group', { name: 'Sparse shift' });
  const learn = section.getByRole('checkbox', { name: /Learn which channels shift/ });
  await expect(learn).not.toBeChecked();
  await learn.check();
  await section.getByRole('spinbutton', { name: 'Shift penalty λ' }).fill('5');
  await panel.getByText('Recipe', { exact: true }).click();
  await panel.getByRole('spinbutton', { name: /At most this many steps/ }).fill('8');
  await panel.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Trained/ })).toBeVisible({
    timeout: TRAIN_TIMEOUT,
  });
  await expect(section.getByRole('status')).toHaveText(
    'shift2: 0 of 36 channels stayed shifted after training; the rest pass through.',
  );
  studio.expectNoErrors();
});

test('the sparse shift section in Chinese', async ({ page }) => {
  const design = await readFile('fixtures/train/sparse-shift-cnn.json', 'utf8');
  const studio = new Studio(page);
  await studio.openDesign(design, 'zh');
  await page.getByRole('tab', { name: '训练' }).click();
  const section = page.getByRole('tabpanel', { name: '训练' }).getByRole('group', { name: '稀疏移位' });
  await section.getByRole('checkbox', { name: /学习哪些通道移位/ }).check();
  await expect(section.getByRole('spinbutton', { name: '移位惩罚 λ' })).toHaveValue('0.07');
});
