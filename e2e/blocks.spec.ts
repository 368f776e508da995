import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

test.describe('blocks, copy and paste, exports', () => {
  let studio: Studio;
  test.beforeEach(async ({ page }) => {
    studio = new Studio(page);
    await studio.open();
    await studio.newDesign();
    await studio.dragFromPalette('Fire module', { x: 150, y: 260 });
    await studio.dragPort(studio.port('input', 'output'), studio.port('fire_1', 'input'));
  });

  test('a block opens in place to show its primitives, and closes again', async ({ page }) => {
    await studio.button('Open block fire_1').click();
    const frame = page.getByTestId('block-frame');
    await expect(frame).toBeVisible();
    await expect(studio.node('squeeze1x1')).toBeVisible();
    await expect(studio.shapeOf('squeeze1x1')).toHaveText('1×16×224×224');
    await page.keyboard.press('f'); // the whole frame in view (cards out of view are not drawn)
    await expect(studio.shapeOf('concat')).toHaveText('1×128×224×224');
    await studio.button('Close block fire_1').click();
    await expect(frame).toHaveCount(0);
    await expect(studio.node('squeeze1x1')).toHaveCount(0);
  });

  test('copy and paste make a second copy with its own name', async ({ page }) => {
    await studio.select('fire_1');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(studio.node('fire_2')).toBeVisible();
    await studio.undo();
    await expect(studio.node('fire_2')).toHaveCount(0);
  });

  test('a selection becomes a block of my own that survives a reload', async ({ page }) => {
    await studio.select('fire_1');
    await page.keyboard.press('Control+g');
    await expect(page.getByRole('status').filter({ hasText: 'Saved Block 1 to My blocks' })).toBeVisible();
    await page.reload();
    await studio.waitForCanvas();
    await expect(studio.paletteItem('Block 1')).toBeVisible();
    await studio.paletteItem('Block 1').dragTo(studio.canvas, { targetPosition: { x: 600, y: 400 } });
    await expect(studio.node('fire_2')).toBeVisible();
  });

  test('the canvas exports as SVG and PNG', async ({ page }) => {
    const svg = page.waitForEvent('download');
    await studio.menu('File', 'Export SVG');
    await studio.button('Export SVG').click();
    expect((await svg).suggestedFilename()).toBe('untitled.svg');
    const png = page.waitForEvent('download');
    await studio.menu('File', 'Export PNG');
    await studio.button('Export PNG').click();
    expect((await png).suggestedFilename()).toBe('untitled.png');
    studio.expectNoErrors();
  });
});
