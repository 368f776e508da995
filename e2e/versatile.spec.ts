import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

// Versatile filters (Wang et al. 2018) placed by hand: the effective figures (primaries stored,
// each secondary over its own taps) beside the as-exported dense conv, moved by the channel reach.
test('versatile conv: the channel reach moves the effective params, the exported conv stays', async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.newDesign();
  await studio.dragFromPalette('Versatile conv', { x: 150, y: 240 });
  const node = 'versatile_conv_1';
  await studio.dragPort(studio.port('input', 'output'), studio.port(node, 'input'));
  await studio.select(node);
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('16');
  await expect(studio.shapeOf(node)).toHaveText('1×16×224×224');

  const params = studio.inspector.locator('[data-figure="effectiveParams"] .formula');
  const exported = studio.inspector.locator('[data-figure="params"] .exact');
  // 3×3 primaries over 3 channels: s = 2, P = 16/2 = 8, 8·3·9 = 216 stored; exported 16·3·9 = 432.
  await expect(params).toContainText('8·3·3·3 = 216');
  await expect(exported).toHaveText('432');
  // δ = 2, g = 1: n = 3 channel offsets, but 16 is not a multiple of s·n = 6 until Cout = 12.
  await studio.inspector.getByRole('spinbutton', { name: 'Channel reach δ = c − ĉ' }).fill('2');
  await studio.inspector.getByRole('spinbutton', { name: 'Output channels' }).fill('12');
  // P = 12/6 = 2 primaries, each stored whole over c = 3 channels (the paper's Fig. 2(b); a
  // secondary reads a window of ĉ = 1 of them): 2·3·9 = 54 stored; exported 12·3·9 = 324.
  await expect(params).toContainText('2·3·3·3 = 54');
  await expect(exported).toHaveText('324');
  await expect(studio.inspector.locator('[data-figure="effectiveMultiplyAdds"] .formula')).toContainText(
    '2·3·1·(9 + 1)·224·224',
  );
  studio.expectNoErrors();
});
