import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

/** Session creation fetches and compiles the wasm runtime: generous, but never a sleep. */
const RUN_TIMEOUT = 120_000;

/** A fresh profile (each test has its own); a first start lays out the default design, slow on a busy machine. */
async function boot(studio: Studio): Promise<void> {
  await studio.page.goto('/');
  await expect(studio.canvas).toBeVisible({ timeout: 30_000 });
  await expect(studio.nodes.first()).toBeVisible();
}

async function openExample(studio: Studio, title: string): Promise<void> {
  await studio.paletteItem(title).focus();
  await studio.page.keyboard.press('Enter');
  await expect(
    studio.page.getByRole('status').filter({ hasText: `(${title}) as a new design.` }),
  ).toBeVisible();
}

test('a run shows on its own design only, and greyed on an edited version of it', async ({ page }) => {
  test.setTimeout(240_000);
  const studio = new Studio(page);
  await boot(studio);
  await openExample(studio, 'MorphNet, uniform expansion');
  const runName = await studio.designName.inputValue();
  // The notice (with its way back) would lie over the Run button for a while.
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByRole('tab', { name: 'Run' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Run' });
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByLabel('Latency')).toBeVisible({ timeout: RUN_TIMEOUT });
  const times = page.getByTestId('node-time');
  await expect(times.first()).toBeVisible({ timeout: RUN_TIMEOUT });

  // Another design: no time on any card, no result in the Run tab.
  await openExample(studio, 'SplitNet, splitting a network into disjoint groups');
  await expect(studio.node('conv1')).toBeVisible();
  await expect(times).toHaveCount(0);
  await expect(panel.getByLabel('Latency')).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Per-node time' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('other-design.png') });

  // Back on the design that ran: its times, as they were.
  await page.getByRole('button', { name: `Back to “${runName}”` }).click();
  await expect(studio.designName).toHaveValue(runName);
  await expect(times.first()).toBeVisible();
  await expect(page.locator('[data-testid="node-time"][data-earlier="true"]')).toHaveCount(0);

  // An edit of conv2: the other cards keep their times, greyed as from an earlier version; conv2's goes.
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await studio.select('conv2');
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('48');
  await expect(studio.node('conv2').getByTestId('node-time')).toHaveCount(0);
  await expect(page.locator('[data-testid="node-time"][data-earlier="true"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="node-time"][data-earlier="true"]').first()).toHaveAttribute(
    'title',
    /From an earlier version of this design/,
  );
  await page.screenshot({ path: test.info().outputPath('earlier-version.png') });
  await page.getByRole('tab', { name: 'Run' }).click();
  await expect(
    panel.getByText('From an earlier version of this design: it changed since this run.'),
  ).toBeVisible();
  studio.expectNoErrors();
});
