import { expect, test } from '@playwright/test';
import { GraphBuilder } from '../src/core/design/builder';
import { serializeDesign } from '../src/core/document/format';
import { CostPanel } from './pages/cost-panel';
import { Studio } from './pages/studio';

const figures = [
  'params',
  'multiplyAdds',
  'memoryAccessConvFc',
  'memoryAccess',
  'activationSum',
  'activationPeak',
];

/** Input → 1×1 conv 16 → 128 ("pw") → Output: a G1 case. */
function unequalPointwise(): string {
  const g = new GraphBuilder();
  const x = g.add('Input', { channels: 16, height: 28, width: 28 }, [], 'input');
  g.output(g.add('Conv2d', { outChannels: 128, kernel: [1, 1], padding: [0, 0] }, [x], 'pw'));
  return serializeDesign(g.design('G1 case'));
}

test.describe('cost panel', () => {
  let studio: Studio;
  let cost: CostPanel;

  test.beforeEach(async ({ page }) => {
    studio = new Studio(page);
    cost = new CostPanel(page);
    await studio.open();
    await cost.open();
  });

  test.afterEach(() => {
    studio.expectNoErrors();
  });

  test('every figure and its delta update after an edit, with the exact integer on hover', async () => {
    await expect(cost.value('multiplyAdds')).toHaveText('300.8M');
    await expect(cost.total('multiplyAdds').getByLabel('Multiply-adds: 300,774,272')).toBeVisible();
    const before = await Promise.all(figures.map((f) => cost.value(f).textContent()));
    await cost.width.fill('0.5');
    for (const [i, f] of figures.entries()) {
      await expect(cost.value(f)).not.toHaveText(before[i] ?? '');
      await expect(cost.delta(f)).toHaveText(/^−[\d.]+[KM]? \(−[\d.]+%\)$/);
    }
    // The tooltip names the convention and gives the formula.
    await cost.value('memoryAccessConvFc').hover();
    await expect(cost.page.getByRole('tooltip').filter({ hasText: 'ShuffleNetV2’s MAC' })).toBeVisible();
    await expect(cost.panel.getByRole('group', { name: 'Model size' })).toContainText('fp16');
  });

  test('FLOPs toggle doubles multiply-adds and says so', async () => {
    await cost.flopsSwitch.click();
    await expect(cost.flopsSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(cost.total('multiplyAdds')).toContainText('FLOPs');
    await expect(cost.total('multiplyAdds')).toContainText('2 × multiply-adds');
    await expect(cost.value('multiplyAdds')).toHaveText('601.5M');
    await cost.flopsSwitch.click();
    await expect(cost.value('multiplyAdds')).toHaveText('300.8M');
  });

  test('a budget flags the figure and points at the costliest nodes; fit to budget brings it within', async ({
    page,
  }) => {
    await cost.setBudget('Multiply-adds', '200M');
    await expect(
      cost.total('multiplyAdds').getByRole('img', { name: 'Multiply-adds over budget' }),
    ).toBeVisible();
    const checks = cost.panel.getByRole('list', { name: 'Budget checks' });
    await expect(checks).toContainText('over by');
    const costliest = checks.locator('.cost-costliest').getByRole('button').first();
    await expect(cost.panel.getByText('Select one node to see the formula')).toBeVisible();
    await costliest.click();
    // The node is selected (the canvas may have it off screen): the formulas section now teaches it.
    await expect(cost.panel.getByText('Select one node to see the formula')).toHaveCount(0);

    await cost.button('Fit to budget').click();
    // Widths to the channel (MorphNet) fill 200M at 0.80× (198.6M); steps of gcd(c, 24) stopped at 0.71×.
    await expect(
      cost.panel.getByRole('status').filter({ hasText: 'Largest width within the budgets' }),
    ).toContainText('0.80×');
    await expect(
      cost.total('multiplyAdds').getByRole('img', { name: 'Multiply-adds over budget' }),
    ).toHaveCount(0);
    const exact = await cost
      .total('multiplyAdds')
      .locator('[aria-label^="Multiply-adds: "]')
      .getAttribute('aria-label');
    expect(Number((exact ?? '').replace(/\D/g, ''))).toBeLessThanOrEqual(200e6);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(cost.value('multiplyAdds')).toHaveText('300.8M');
  });

  test('a budget applies as it is typed, without leaving the field', async () => {
    const field = cost.budget('Multiply-adds');
    await field.pressSequentially('200M');
    // No Enter, no blur: the check appears while the reader is still in the field.
    await expect(
      cost.total('multiplyAdds').getByRole('img', { name: 'Multiply-adds over budget' }),
    ).toBeVisible();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('200M');
    await field.press('Backspace');
    await field.press('Backspace');
    await field.press('Backspace');
    await field.press('Backspace');
    await expect(
      cost.total('multiplyAdds').getByRole('img', { name: 'Multiply-adds over budget' }),
    ).toHaveCount(0);
  });

  test('a pinned baseline shows the side-by-side diff after a change', async () => {
    await cost.button('Pin as baseline').click();
    await cost.resolution.selectOption('160');
    const row = cost.compare.getByRole('row', { name: /^Multiply-adds/ });
    await expect(row).toContainText('300.8M');
    await expect(row).toContainText(/−[\d.]+M \(−\d+%\)/);
    await expect(cost.diff.locator('tr[data-status="changed"]').first()).toBeVisible();
    await expect(cost.panel.getByText(/\d+ changed/)).toBeVisible();
  });

  test('the per-layer table selects nodes, and the canvas selects rows', async () => {
    await cost.openDrawer();
    await cost.layerTable.getByRole('button', { name: 'features.0.0' }).click();
    await expect(studio.node('features.0.0')).toHaveClass(/selected/);
    // The drawer covers the lower canvas: pick a node above it.
    await studio.node('input').click();
    await expect(cost.layerTable.locator('tr[data-layer="input"]')).toHaveClass(/selected/);
    await cost.page.getByRole('searchbox', { name: 'Filter layers' }).fill('project');
    await expect(cost.layerTable.locator('tbody tr[data-layer="input"]')).toHaveCount(0);
    await expect(cost.layerTable.locator('tbody tr[data-layer="stage_2/features.2/project"]')).toBeVisible();
  });
});

test('a G1 hint on a 1×1 conv with unequal channels goes when the widths are made equal', async ({
  page,
}) => {
  const studio = new Studio(page);
  const cost = new CostPanel(page);
  // Opened as the autosaved design: the app boots from it.
  await studio.open();
  await studio.seedAutosave(unequalPointwise());
  await studio.open({ keepStorage: true });
  await cost.open();
  await expect(cost.hints).toHaveCount(1);
  await expect(cost.hints.first()).toContainText('G1');
  await expect(cost.hints.first()).toContainText('16 → 128');
  // The card carries the hint too.
  const mark = studio.node('pw').getByRole('note').filter({ hasText: 'G1' });
  await expect(mark).toBeVisible();
  await cost.hints.first().getByRole('button', { name: 'Show pw' }).click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await studio.inspector.getByLabel('Output channels', { exact: true }).fill('16');
  await studio.inspector.getByLabel('Output channels', { exact: true }).press('Enter');
  await cost.open();
  await expect(cost.hints).toHaveCount(0);
  await expect(cost.panel).toContainText('No guideline is broken');
  await expect(mark).toHaveCount(0);
  studio.expectNoErrors();
});
