import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

// Two kernel-level methods of the survey placed by hand: a direct sparse conv (a density on
// Conv2d, Park et al. 2017) and an IGCV2 block (Xie et al. 2018).
test('sparse conv and IGCV2: editing the density moves the effective figure, K and L the condition', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.newDesign();
  await studio.dragFromPalette('Conv2d', { x: 150, y: 240 });
  await studio.dragPort(studio.port('input', 'output'), studio.port('conv_1', 'input'));
  await studio.select('conv_1');
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('16');
  await expect(studio.shapeOf('conv_1')).toHaveText('1×16×224×224');

  // Dense: no effective figures of its own; the im2col buffer is 3·9 × 224·224.
  await expect(studio.inspector.locator('[aria-label="Effective figures"]')).toHaveCount(0);
  await expect(studio.inspector.locator('[data-figure="workspace"] .exact')).toHaveText('1,354,752');

  const density = studio.inspector.getByRole('spinbutton', { name: 'Weight density' });
  const effective = studio.inspector.locator('[data-figure="effectiveMultiplyAdds"] .formula');
  const exported = studio.inspector.locator('[data-figure="multiplyAdds"] .exact');
  // nnz = round(0.25 · 16·3·9) = 108 non-zeros, each used at 224·224 positions.
  await density.fill('0.25');
  await expect(effective).toContainText('108·50,176 = 5,419,008');
  await expect(exported).toHaveText('21,676,032');
  await density.fill('0.5');
  await expect(effective).toContainText('216·50,176 = 10,838,016');
  await expect(exported).toHaveText('21,676,032');
  await page.getByRole('tab', { name: 'Cost' }).click();
  await expect(page.locator('[data-figure="effectiveMultiplyAdds"] .figure')).toBeVisible();
  await page.getByRole('tab', { name: 'Inspector' }).click();

  await studio.dragFromPalette('IGCV2 block', { x: 150, y: 420 });
  const igcv2 = 'interleaved_structured_sparse_conv_1';
  await studio.dragPort(studio.port('conv_1', 'output'), studio.port(igcv2, 'input'));
  await studio.select(igcv2);
  // 16 channels, K = 4, L − 1 = 3: 4³ = 64 ≠ 16, named in the warning and the condition.
  await expect(studio.inspector.getByText('4^3 = 64 ≠ 16')).toBeVisible();
  await expect(studio.inspector).toContainText('Not complementary');
  await studio.inspector.getByRole('spinbutton', { name: 'Group 1×1 convs (L − 1)' }).fill('2');
  await expect(studio.inspector.getByText('4^2 = 16 = 16')).toBeVisible();
  await expect(studio.inspector).not.toContainText('Not complementary');
  // 9C + (L−1)·C·K + 2C with C = 16, K = 4, L − 1 = 2.
  await expect(studio.inspector.locator('[data-figure="params"] .formula')).toContainText(
    '9·16 + 2·16·4 + 2·16 = 304',
  );
  studio.expectNoErrors();
});

// A fully learnable group conv (Wang et al. 2019) placed by hand: its learned groups are settings,
// and moving filters between groups moves Σ_g |in_g|·|out_g|·k²·H'W'.
test('FLGC: editing the filter groups moves the multiply-adds; a bad list names its field', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.newDesign();
  await studio.dragFromPalette('Conv2d', { x: 150, y: 240 });
  await studio.dragPort(studio.port('input', 'output'), studio.port('conv_1', 'input'));
  await studio.select('conv_1');
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('8');
  await expect(studio.shapeOf('conv_1')).toHaveText('1×8×224×224');

  await studio.dragFromPalette('Fully learnable group conv (FLGC)', { x: 150, y: 420 });
  const flgc = 'flgc_1';
  await studio.dragPort(studio.port('conv_1', 'output'), studio.port(flgc, 'input'));
  await studio.select(flgc);
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('8');
  await studio.inspector.getByRole('spinbutton', { name: 'Groups' }).fill('2');
  const inputs = studio.inspector.getByRole('textbox', { name: 'Input-channel groups' });
  const filters = studio.inspector.getByRole('textbox', { name: 'Filter groups' });
  await inputs.fill('0, 1, 1, 1, 1, 1, 1, 1');
  await filters.fill('0, 0, 0, 0, 0, 0, 0, 1');
  await expect(studio.shapeOf(flgc)).toHaveText('1×8×224×224');
  const madds = studio.inspector.locator('[data-figure="multiplyAdds"]');
  // Groups of 1 and 7 input channels with 7 and 1 filters: (1·7 + 7·1)·9·224·224.
  await expect(madds.locator('.formula')).toContainText('(1·7 + 7·1)·3·3·224·224 = 6,322,176');
  await expect(madds.locator('.exact')).toHaveText('6,322,176');
  // The largest group's im2col buffer: 7 channels · 9 taps × 224·224 positions.
  await expect(studio.inspector.locator('[data-figure="workspace"] .exact')).toHaveText('3,161,088');
  // The wide group takes the wide share of the filters: (1·1 + 7·7)·9·224·224.
  await filters.fill('0, 1, 1, 1, 1, 1, 1, 1');
  await expect(madds.locator('.exact')).toHaveText('22,579,200');
  await expect(studio.inspector.locator('[data-figure="params"] .formula')).toContainText(
    '(1·1 + 7·7)·3·3 = 450',
  );
  // A group number past G − 1 is refused with one sentence naming the list.
  await filters.fill('0, 1, 2, 1, 1, 1, 1, 1');
  await expect(
    page.getByText('Filter groups puts filter 2 in group 2, but there are only 2 groups (0 to 1).').first(),
  ).toBeVisible();
});

test('the Examples group opens a worked example as a design', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.paletteSearch.fill('example:igcv2');
  await studio.paletteItem('IGCV2, interleaved structured sparse convolution').dblclick();
  await expect(studio.node('igcv2')).toBeVisible();
  await expect(studio.node('conv3x3')).toBeVisible();
  await expect(studio.shapeOf('igcv2')).toHaveText('1×64×32×32');
  studio.expectNoErrors();
});
