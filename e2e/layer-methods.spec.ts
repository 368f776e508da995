import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

/** Session creation fetches and compiles the wasm runtime: generous, but never a sleep. */
const RUN_TIMEOUT = 120_000;

async function openExample(studio: Studio, title: string): Promise<void> {
  await studio.paletteItem(title).focus();
  await studio.page.keyboard.press('Enter');
  await expect(
    studio.page.getByRole('status').filter({ hasText: `(${title}) as a new design.` }),
  ).toBeVisible();
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
  console.log(`LCCL zero ratio measured on chelsea.jpg: ${z}`);
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
  // A wire is a tab stop (a group) only beside the selected card; otherwise an image with the same name.
  await expect(page.locator('.react-flow__edge').and(page.getByLabel(/^\w+_split to \w+_g2, /))).toHaveCount(
    1,
  );
  await page.screenshot({ path: 'test-results/splitnet.png' });

  await openExample(studio, 'NestedNet, nested sparse networks');
  await page.getByRole('tab', { name: 'Cost' }).click();
  await panel.getByText('Nested levels', { exact: true }).click();
  const rows = panel.getByRole('table', { name: 'NestedNet: a cost row per level' }).getByRole('row');
  await expect(rows).toHaveCount(4);

  // The Run tab runs every level on the image: latency and top-5 per level (the full level shares all 5).
  await page.getByRole('tab', { name: 'Run' }).click();
  await panel.getByRole('button', { name: 'Run every level' }).click();
  const runs = panel.getByRole('table', { name: 'NestedNet: latency and top-5 per level' });
  await expect(runs.getByRole('row')).toHaveCount(4, { timeout: RUN_TIMEOUT });
  await expect(runs).toContainText('On chelsea.jpg');
  await expect(runs.getByRole('row', { name: /^1× / })).toContainText('5 / 5');
  for (const level of ['0.25×', '0.5×', '1×'])
    await expect(runs.getByRole('row', { name: new RegExp(`^${level.replace('.', '\\.')} `) })).toContainText(
      /\d ms|\d µs/,
    );
  console.log(`NestedNet levels on chelsea.jpg: ${(await runs.innerText()).replace(/\s+/g, ' ')}`);
  await page.screenshot({ path: 'test-results/nestednet-run.png', fullPage: true });

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

test('the stochastic-depth lesson: closed form equals the design, p_L = 0.4 meets the task', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page
    .getByRole('tabpanel')
    .getByText(/^Path through the chapter/)
    .click();
  await page.getByRole('button', { name: /^\[137\] Stochastic depth/ }).click();
  await page.getByRole('button', { name: 'Open the example on the canvas' }).click();
  // Six branches of 256·(32·192 + 192·9 + 192·32) multiply-adds, the classifier 320; Σ p_l = 4.25 at p_L = 0.5.
  const branch = 256 * (32 * 192 + 192 * 9 + 192 * 32);
  const ratio = (s: number) => ((s * branch + 320) / (6 * branch + 320)).toFixed(4);
  await expect(page.locator('[data-figure="closed-form"]')).toHaveText(ratio(4.25));
  await expect(page.locator('[data-figure="measured"]')).toHaveText(ratio(4.25));
  await expect(page.getByLabel('Task: Not yet')).toBeVisible();
  await page.getByRole('combobox', { name: /Survival probability/ }).selectOption('0.4');
  await expect(page.locator('[data-figure="measured"]')).toHaveText(ratio(3.9));
  await expect(page.getByLabel('Task: Done')).toBeVisible();
  await page.screenshot({ path: 'test-results/lesson-stochastic-depth.png' });
  studio.expectNoErrors();
});
