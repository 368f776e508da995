import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

test('every preset opens as a readable graph with its blocks closed and no error', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  const presets = page
    .getByRole('region', { name: /^Presets/ })
    .getByRole('button')
    .filter({ has: page.locator('.palette-item-title') });
  const titles = await presets.allInnerTexts();
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) {
    await studio.paletteItem(title).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Opened ${title}` })).toBeVisible();
    await expect(studio.designName).not.toHaveValue('');
    await expect(studio.nodes.first()).toBeVisible();
    await expect(page.getByTestId('block-frame')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Diagnostics:/ })).toHaveAccessibleName(
      /No problems|warning/,
    );
  }
  studio.expectNoErrors();
});
