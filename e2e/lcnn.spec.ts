import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

// LCNN (Bagherinezhad et al. 2017) placed by hand from the palette: the lookups per position move
// the effective multiply-adds (the method's own kernel) while the as-exported figure stays.
test('LCNN: the palette cites the paper; s moves the effective multiply-adds, not the exported ones', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.newDesign();
  await studio.paletteSearch.fill('lcnn');
  await expect(page.getByText('Bagherinezhad et al. 2017, LCNN').first()).toBeVisible();
  await studio.paletteSearch.fill('');
  await studio.dragFromPalette('Lookup conv (LCNN)', { x: 150, y: 240 });
  await studio.dragPort(studio.port('input', 'output'), studio.port('lookup_conv_1', 'input'));
  await studio.select('lookup_conv_1');
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('16');
  await expect(studio.shapeOf('lookup_conv_1')).toHaveText('1×16×224×224');

  const effective = studio.inspector.locator('[data-figure="effectiveMultiplyAdds"] .formula');
  const exported = studio.inspector.locator('[data-figure="multiplyAdds"] .exact');
  // k = 16 vectors over 3 channels at 224×224, then s·3·3·16 scaled adds at each output position.
  await expect(effective).toContainText('16·3·224·224 + 3·3·3·16·224·224 = 24,084,480');
  await expect(exported).toHaveText('118,013,952');
  await studio.inspector.getByRole('spinbutton', { name: 'Lookups per position s' }).fill('1');
  await expect(effective).toContainText('16·3·224·224 + 1·3·3·16·224·224 = 9,633,792');
  await expect(exported).toHaveText('118,013,952');
  await expect(studio.inspector.locator('[data-figure="effectiveIndices"] .formula')).toContainText(
    '1·3·3·16 = 144',
  );
  studio.expectNoErrors();
});
