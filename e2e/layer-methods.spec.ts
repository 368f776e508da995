import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

/** Session creation fetches and compiles the wasm runtime: generous, but never a sleep. */
const RUN_TIMEOUT = 120_000;

async function openExample(studio: Studio, title: string): Promise<void> {
  await studio.paletteItem(title).focus();
  await studio.page.keyboard.press('Enter');
  await expect(studio.page.getByRole('status').filter({ hasText: `(${title}). Undo` })).toBeVisible();
}

test('LCCL: effective figure by hand, then with the zero ratio a run measures on the image', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await openExample(studio, 'LCCL, low-cost collaborative layer');
  await page.getByRole('tab', { name: 'Cost' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByText('LCCL', { exact: true }).click();
  const table = panel.getByRole('table', { name: 'LCCL: as exported and effective multiply-adds' });
  await expect(table).toContainText('set by hand');
  await page.screenshot({ path: 'test-results/lccl-cost.png' });

  await page.getByRole('tab', { name: 'Run' }).click();
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByLabel('Latency')).toBeVisible({ timeout: RUN_TIMEOUT });
  await panel.getByRole('button', { name: 'Measure on this image' }).click();
  const measured = panel.getByRole('table', { name: 'Measured zero ratio per LCCL layer' });
  await expect(measured).toContainText('chelsea.jpg', { timeout: RUN_TIMEOUT });
  const z = Number(await measured.locator('td').first().textContent());
  expect(z).toBeGreaterThan(0);
  expect(z).toBeLessThan(1);
  await page.screenshot({ path: 'test-results/lccl-run.png' });

  await page.getByRole('tab', { name: 'Cost' }).click();
  await panel.getByText('LCCL', { exact: true }).click();
  await expect(table).toContainText('measured on chelsea.jpg');
  await page.screenshot({ path: 'test-results/lccl-measured.png' });
  studio.expectNoErrors();
});

test('stochastic depth, SplitNet, NestedNet and MorphNet sections work on the examples', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await openExample(studio, 'Stochastic depth');
  await page.getByRole('tab', { name: 'Cost' }).click();
  const panel = page.getByRole('tabpanel');
  await panel.getByText('Stochastic depth', { exact: true }).click();
  const sd = panel.getByRole('table', { name: /expected training and inference/ });
  await expect(sd).toContainText('Expected training multiply-adds (effective)');
  await expect(sd).toContainText('4.25');
  await panel.getByRole('spinbutton', { name: 'Survival probability of block1 (linear decay)' }).fill('1');
  await expect(panel.getByRole('spinbutton', { name: 'Survival probability of block1' })).toHaveValue('1');
  await expect(sd).toContainText('4.33');
  await page.screenshot({ path: 'test-results/stochastic-depth.png' });

  await openExample(studio, 'MorphNet, uniform expansion');
  await page.getByRole('tab', { name: 'Cost' }).click();
  await panel.getByText('Split into groups', { exact: true }).click();
  await panel.getByRole('button', { name: 'Chart split depths' }).click();
  await expect(panel.getByRole('img', { name: /against split depth/ })).toBeVisible();
  await panel.getByRole('button', { name: 'Split after conv1_relu' }).click();
  await expect(studio.nodes.filter({ hasText: 'conv1_relu_split' })).toHaveCount(1);
  // The tree: the split feeds one copy of conv2 per branch.
  await expect(page.getByRole('group', { name: /^\w+_split to \w+_g2, / })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/splitnet.png' });

  await openExample(studio, 'NestedNet, nested sparse networks');
  await page.getByRole('tab', { name: 'Cost' }).click();
  await panel.getByText('Nested levels', { exact: true }).click();
  const rows = panel.getByRole('table', { name: 'NestedNet: a cost row per level' }).getByRole('row');
  await expect(rows).toHaveCount(4);

  await openExample(studio, 'MorphNet, shrinking by batch-norm γ');
  await page.getByRole('tab', { name: 'Cost' }).click();
  await panel.getByText('Per-layer widths', { exact: true }).click();
  await panel.getByRole('button', { name: 'Cost of one more channel' }).click();
  await expect(panel.getByRole('table', { name: /one more output channel/ })).toContainText('conv1');
  await panel.getByRole('button', { name: 'Propose shrink' }).click();
  await expect(panel.getByRole('list', { name: 'Channels the shrink removes' })).toContainText('32 → 24');
  await page.screenshot({ path: 'test-results/morphnet.png', fullPage: true });
  studio.expectNoErrors();
});

test('the expander conv shows its connectivity beside the group conv with the same fan-in', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await openExample(studio, 'Deep expander networks (X-Conv)');
  await studio.select('expander');
  const section = studio.inspector.getByRole('region', { name: 'Connectivity' });
  await expect(section.getByRole('img')).toHaveCount(2);
  await expect(section).toContainText('never does without a shuffle');
  await page.screenshot({ path: 'test-results/expander.png' });
  studio.expectNoErrors();
});
