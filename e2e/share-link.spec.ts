import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

/**
 * A bad share link (damaged, or one that would expand to hundreds of megabytes) opens the app on
 * the last design with a message about the link: never the boot failure that blames storage.
 */
test.describe('bad share links', () => {
  const links: readonly [string, string][] = [
    ['a damaged link', '#design=yA'],
    ['a link of characters no link has', '#design=%%%%'],
    ['a link over the size limit', `#design=${'A'.repeat(300_000)}`],
  ];

  for (const [what, hash] of links)
    test(`${what} opens the last design and says the link could not be opened`, async ({ page }) => {
      const studio = new Studio(page);
      await studio.open();
      await studio.designName.fill('Last design');
      // A fresh load (a hash change alone does not start the app again).
      await page.goto('about:blank');
      await page.goto(`/${hash}`);
      await studio.waitForCanvas();
      await expect(studio.designName).toHaveValue('Last design');
      const alert = page.getByRole('alert').filter({ hasText: 'link' });
      await expect(alert.first()).toContainText('The design in this link could not be opened');
      await expect(page.getByText('could not start')).toHaveCount(0);
      await expect(page.getByText("clear this site's storage")).toHaveCount(0);
      await page.screenshot({ path: test.info().outputPath('bad-link.png') });
    });
});
