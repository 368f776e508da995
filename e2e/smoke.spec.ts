import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

test('the page loads a design with shapes and costs, and logs no error', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await expect(page).toHaveTitle('Compact Studio');
  await expect(studio.nodes.first()).toBeVisible();
  await expect(page.getByTestId('edge-shape').first()).toHaveText(/^\d+(×\d+)+$/);
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText('Multiply-adds');
  studio.expectNoErrors();
});
