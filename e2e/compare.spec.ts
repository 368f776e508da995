import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

const exact = (n: number) => n.toLocaleString('en-US');

test('two presets side by side: totals, pairs by structure with closed-form figures, chart, swap and close', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.button('View').click();
  await page.getByRole('menuitem', { name: /Compare two designs/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two designs' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Left' }).selectOption('preset:mobilenet_v1_conv');
  await dialog.getByRole('combobox', { name: 'Right' }).selectOption('preset:mobilenet_v1');

  // MobileNet, Table 1: conv2 is a 3×3 conv 32 → 64 on 112×112, or depthwise 3×3 + pointwise 32 → 64.
  const full = 112 * 112 * 9 * 32 * 64;
  const separable = 112 * 112 * (9 * 32 + 32 * 64);
  const pairs = dialog.getByRole('table', { name: /paired by position and kind/ });
  const conv2 = pairs.getByRole('row').filter({ hasText: 'conv2' }).first();
  await expect(conv2).toContainText('Depthwise-separable conv');
  await expect(conv2.getByRole('cell').nth(3)).toHaveAttribute(
    'title',
    `${exact(full)} → ${exact(separable)}`,
  );
  await expect(dialog).toContainText('13 changed');
  await expect(dialog.getByRole('img', { name: /Largest differences/ })).toBeVisible();
  const madds = dialog.getByRole('table', { name: 'Totals' }).locator('[data-figure="multiplyAdds"]');
  const left = await madds.getByRole('cell').nth(0).getAttribute('title');
  const right = await madds.getByRole('cell').nth(1).getAttribute('title');

  await dialog.getByRole('button', { name: /Swap sides/ }).click();
  await expect(madds.getByRole('cell').nth(0)).toHaveAttribute('title', right ?? '');
  await expect(madds.getByRole('cell').nth(1)).toHaveAttribute('title', left ?? '');
  await page.screenshot({ path: 'test-results/compare-1280.png' });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  studio.expectNoErrors();
});

test('the pinned baseline against the edited design, opened with D: a renamed layer still pairs, unchanged', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await page.getByRole('tab', { name: 'Cost' }).click();
  await page.getByRole('button', { name: 'Pin as baseline' }).click();
  await studio.node('features.0.0').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const name = studio.inspector.getByRole('textbox', { name: 'Name' });
  await name.fill('stem');
  await name.press('Enter');
  await studio.node('stem').click();
  await page.keyboard.press('d');
  const dialog = page.getByRole('dialog', { name: 'Compare two designs' });
  await expect(dialog.getByRole('combobox', { name: 'Left' })).toHaveValue('baseline');
  await expect(dialog.getByRole('combobox', { name: 'Right' })).toHaveValue('current');
  // Paired by position and kind: the renamed conv is the same layer, so nothing changed.
  await expect(dialog).toContainText('0 changed · 0 right only · 0 left only');
  await dialog.getByRole('checkbox', { name: 'Show unchanged pairs' }).check();
  const stem = dialog
    .getByRole('table', { name: /paired by position and kind/ })
    .getByRole('row')
    .nth(2);
  await expect(stem.getByRole('cell').nth(1)).toHaveText('features.0.0');
  await expect(stem.getByRole('cell').nth(2)).toHaveText('stem');
});
