import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

test.describe('editing on the canvas', () => {
  let studio: Studio;
  test.beforeEach(async ({ page }) => {
    studio = new Studio(page);
    await studio.open();
    await studio.newDesign();
  });

  test('a block dragged from the palette lands on the canvas', async () => {
    await studio.dragFromPalette('Fire module', { x: 150, y: 300 });
    await expect(studio.node('fire_1')).toBeVisible();
    await expect(studio.node('fire_1')).toContainText('Fire module');
    studio.expectNoErrors();
  });

  test('connecting two nodes shows the tensor shape on the edge', async ({ page }) => {
    await studio.dragFromPalette('Conv2d', { x: 150, y: 260 });
    await studio.dragPort(studio.port('input', 'output'), studio.port('conv_1', 'input'));
    // Announced by the names on the cards, with the tensor it carries.
    await expect(page.getByRole('group', { name: 'input to conv_1, 1×3×224×224' })).toHaveCount(1);
    await expect(page.getByTestId('edge-shape').filter({ hasText: '1×3×224×224' })).toHaveCount(2);
    await expect(studio.shapeOf('conv_1')).toHaveText('1×32×224×224');
  });

  test('a connection that would make a cycle is refused with the reason at the cursor', async ({ page }) => {
    await studio.dragFromPalette('Conv2d', { x: 150, y: 160 });
    await studio.dragFromPalette('ReLU', { x: 150, y: 400 });
    await studio.dragPort(studio.port('conv_1', 'output'), studio.port('relu_1', 'input'));
    // The conv has no input yet: no shape on its edge (the other edge is New design's input → output).
    await expect(page.getByTestId('edge-shape')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    await studio.dragPort(studio.port('relu_1', 'output'), studio.port('conv_1', 'input'), { hold: true });
    await expect(page.getByRole('alert').filter({ hasText: 'cycle' })).toBeVisible();
    await page.mouse.up();
    await expect(page.getByRole('alert').filter({ hasText: 'Cannot connect' })).toContainText('cycle');
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  });

  test('changing a setting changes the output shape; undo and redo bring both back', async () => {
    await studio.dragFromPalette('Conv2d', { x: 150, y: 260 });
    await studio.dragPort(studio.port('input', 'output'), studio.port('conv_1', 'input'));
    await studio.select('conv_1');
    const channels = studio.inspector.getByRole('spinbutton', { name: 'Output channels' });
    await channels.fill('64');
    await expect(studio.shapeOf('conv_1')).toHaveText('1×64×224×224');
    await studio.inspector.getByRole('spinbutton', { name: 'Stride height' }).fill('2');
    await studio.inspector.getByRole('spinbutton', { name: 'Stride width' }).fill('2');
    await expect(studio.shapeOf('conv_1')).toHaveText('1×64×112×112');
    await channels.fill('0');
    await expect(studio.inspector.getByRole('alert')).toHaveText('Must be a whole number of at least 1.');
    await expect(studio.shapeOf('conv_1')).toHaveText('1×64×112×112');

    await studio.undo(); // the stride (height and width typed in a row are one step)
    await expect(studio.shapeOf('conv_1')).toHaveText('1×64×224×224');
    await studio.undo(); // channels
    await expect(studio.shapeOf('conv_1')).toHaveText('1×32×224×224');
    await studio.redo();
    await expect(studio.shapeOf('conv_1')).toHaveText('1×64×224×224');
  });

  test('delete, duplicate, and the help overlay work from the keyboard', async ({ page }) => {
    await studio.dragFromPalette('ReLU', { x: 150, y: 260 });
    await studio.select('relu_1');
    await page.keyboard.press('Control+d');
    await expect(studio.node('relu_2')).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(studio.node('relu_2')).toHaveCount(0);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Duplicate');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('the palette works from the keyboard: search, Enter adds after the selection', async ({ page }) => {
    await studio.select('input');
    await page.keyboard.press('/');
    await page.keyboard.type('pointwise');
    await page.keyboard.press('ArrowDown');
    await expect(studio.paletteItem('Pointwise conv 1×1')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(studio.shapeOf('conv_1')).toHaveText('1×64×224×224');
  });
});
