import { expect, test, type Page } from '@playwright/test';
import { CostPanel } from './pages/cost-panel';
import { Studio } from './pages/studio';

/** A total as an exact count, read from the figure's accessible name ("Params: 3,504,872"). */
async function exact(page: Page, label: string): Promise<number> {
  const cost = new CostPanel(page);
  const name = await cost.panel.locator(`[aria-label^="${label}: "]`).first().getAttribute('aria-label');
  return Number((name ?? '').replace(/^[^:]*:/, '').replace(/\D/g, ''));
}
const totals = async (page: Page) => ({
  params: await exact(page, 'Params'),
  multiplyAdds: await exact(page, 'Multiply-adds'),
  memoryAccess: await exact(page, 'Memory access (all ops)'),
});

/** Walks the wire from the input with Alt+↓ (the view follows) until `label` has the focus. */
async function reach(page: Page, label: string): Promise<void> {
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  const input = page.locator('.react-flow__node[aria-label="input"]');
  await input.click();
  await input.focus();
  for (let i = 0; i < 40; i++) {
    const at = await focused();
    if (at === label) return;
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(focused).not.toBe(at);
  }
  throw new Error(`${label} is not on the wire from the input`);
}

// torchvision's mobilenet_v2, measured in PyTorch (model.parameters(), conv and linear MACs).
const V2 = { params: 3_504_872, multiplyAdds: 300_774_272 };

test.describe('insert and delete in MobileNetV2', () => {
  let studio: Studio;
  let cost: CostPanel;
  test.beforeEach(async ({ page }) => {
    studio = new Studio(page);
    cost = new CostPanel(page);
    await studio.open();
    await cost.open();
    await expect.poll(() => totals(page)).toMatchObject(V2);
  });

  test('Enter splices a unit into the wire at its width; Delete bridges it back out', async ({ page }) => {
    await reach(page, 'stage_2');
    await studio.paletteSearch.fill('Inverted residual');
    await studio.paletteItem('Inverted residual').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Inserted' })).toContainText(
      'Inserted inverted_residual_1 between stage_2 and stage_3.',
    );
    await expect(studio.shapeOf('inverted_residual_1')).toHaveText('1×24×56×56');
    // Closed form at 24 channels on 56×56, t = 6 (144 wide): expand, depthwise 3×3, project, 3 BNs.
    const unitParams = 24 * 144 + 144 * 9 + 144 * 24 + 2 * (144 + 144 + 24);
    const unitMadds = (24 * 144 + 144 * 9 + 144 * 24) * 56 * 56;
    await expect
      .poll(() => totals(page))
      .toMatchObject({ params: V2.params + unitParams, multiplyAdds: V2.multiplyAdds + unitMadds });
    await expect(page.getByRole('button', { name: 'Diagnostics: No problems' })).toBeVisible();

    await studio.node('inverted_residual_1').click();
    await page.keyboard.press('Delete');
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(
      'Deleted inverted_residual_1. Connected stage_2 → stage_3 (1×24×56×56).',
    );
    await expect.poll(() => totals(page)).toMatchObject(V2);
    await expect(page.getByRole('button', { name: 'Diagnostics: No problems' })).toBeVisible();
  });

  test('deleting a ReLU6 bridges it: the figures lose exactly its memory traffic', async ({ page }) => {
    const before = await totals(page);
    await reach(page, 'features.0.2');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(
      'Connected features.0.1 → stage_1 (1×32×112×112).',
    );
    // A ReLU6 reads and writes its 32×112×112 map once each; no params, no multiply-adds.
    await expect
      .poll(() => totals(page))
      .toEqual({ ...before, memoryAccess: before.memoryAccess - 2 * 32 * 112 * 112 });
  });

  test('a delete that cannot be bridged says what broke and where', async ({ page }) => {
    await reach(page, 'stage_3');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('alert')).toContainText(
      'stage_4 lost input 1: it received 1×32×28×28 and stage_2 gives 1×24×56×56, so nothing was bridged.',
    );
  });
});

test('Repeat ×4 makes a stage; a width edit is announced and undone in one step', async ({ page }) => {
  const studio = new Studio(page);
  const cost = new CostPanel(page);
  await studio.open();
  await studio.newDesign();
  await studio.select('input');
  await studio.paletteSearch.fill('Conv2d');
  await studio.paletteItem('Conv2d').press('Enter');
  await studio.paletteSearch.fill('Inverted residual');
  await studio.paletteItem('Inverted residual').press('Enter');
  await expect(studio.shapeOf('inverted_residual_1')).toHaveText('1×32×224×224');

  await studio.inspector.getByRole('spinbutton', { name: 'Repeat as a stage of' }).fill('4');
  await studio.inspector.getByRole('button', { name: 'Repeat ×4' }).click();
  await expect(studio.node('stage_1')).toContainText('4 × Inverted residual');
  await cost.open();
  // Closed form, 224×224: conv 3→32 3×3 (no bias); each unit 32 → 192 → 32 with BNs and a skip.
  const hw = 224 * 224;
  const conv = { params: 3 * 32 * 9, madds: 3 * 32 * 9 * hw };
  const unit = 32 * 192 + 192 * 9 + 192 * 32;
  await expect
    .poll(() => totals(page))
    .toMatchObject({
      params: conv.params + 4 * (unit + 2 * (192 + 192 + 32)),
      multiplyAdds: conv.madds + 4 * unit * hw,
    });

  await page.getByRole('tab', { name: 'Inspector' }).click();
  await studio.inspector.getByRole('spinbutton', { name: 'Width (output channels, c)' }).fill('48');
  // The first unit widens 32 → 48 and loses its skip; the other three keep theirs at 48.
  await expect(page.getByRole('status').filter({ hasText: 'residual' })).toContainText(
    'stage_1 lost its residual add',
  );
  await cost.open();
  const first = 32 * 192 + 192 * 9 + 192 * 48;
  const rest = 48 * 288 + 288 * 9 + 288 * 48;
  await expect
    .poll(() => totals(page))
    .toMatchObject({
      params: conv.params + first + 2 * (192 + 192 + 48) + 3 * (rest + 2 * (288 + 288 + 48)),
      multiplyAdds: conv.madds + (first + 3 * rest) * hw,
    });
  await studio.undo();
  await expect
    .poll(() => totals(page))
    .toMatchObject({ params: conv.params + 4 * (unit + 2 * (192 + 192 + 32)) });

  // The stage opens in place to show its units, and the layer table groups its costs.
  await page.getByRole('button', { name: 'Open block stage_1' }).click();
  await page.keyboard.press('f');
  for (const u of ['0', '1', '2', '3']) await expect(studio.node(u)).toBeVisible();
  await cost.openDrawer();
  await expect(
    cost.layerTable.getByRole('button', { name: /^stage_1: (hide|show) its \d+ layers$/ }),
  ).toBeVisible();
  studio.expectNoErrors();
});

test('the baseline diff pairs by structure: full convs → depthwise-separable reads as 13 changed', async ({
  page,
}, info) => {
  const studio = new Studio(page);
  const cost = new CostPanel(page);
  await studio.open();
  const open = async (title: string) => {
    await studio.paletteSearch.fill(title);
    await studio.paletteItem(title).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Opened ${title}` })).toBeVisible();
  };
  await open('MobileNetV1 (full convolutions)');
  await cost.open();
  await cost.button('Pin as baseline').click();
  await open('MobileNetV1');
  const summary = cost.panel.locator('.cost-diff-summary');
  await expect(summary).toContainText('13 changed');
  await expect(summary).toContainText('0 added');
  await expect(summary).toContainText('0 removed');
  const row = cost.diff.locator('tr[data-status="changed"]').first();
  await expect(row).toContainText('replaces conv2, conv2_bn, conv2_relu');
  // Readable at the panel's width: each delta on one line.
  const lines = await row.locator('td').evaluateAll((cells) =>
    cells.map((c) => {
      const r = document.createRange();
      r.selectNodeContents(c);
      return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
    }),
  );
  expect(lines).toEqual([1, 1, 1]);
  await cost.diff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('diff.png') });
});
