import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

test.describe('keeping work', () => {
  test('the design comes back after a reload', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.newDesign();
    await studio.designName.fill('Reload test');
    await studio.dragFromPalette('Fire module', { x: 150, y: 300 });
    await expect(studio.node('fire_1')).toBeVisible();
    await page.reload();
    await studio.waitForCanvas();
    await expect(studio.designName).toHaveValue('Reload test');
    await expect(studio.node('fire_1')).toBeVisible();
    await expect(studio.nodes).toHaveCount(3);
    studio.expectNoErrors();
  });

  test('a saved file opens again as the same design', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.designName.fill('Saved net');
    const count = await studio.nodes.count();
    const downloading = page.waitForEvent('download');
    await studio.menu('File', 'Save');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('saved-net.json');
    const file = await download.path();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      format: 'compact-studio-design',
      name: 'Saved net',
    });

    await studio.newDesign();
    const choosing = page.waitForEvent('filechooser');
    await studio.menu('File', 'Open…');
    await (await choosing).setFiles(file);
    await expect(studio.designName).toHaveValue('Saved net');
    await expect(studio.nodes).toHaveCount(count);
  });

  test('a file that is not a design is refused with the reason, and the design is kept', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    const name = await studio.designName.inputValue();
    const choosing = page.waitForEvent('filechooser');
    await studio.menu('File', 'Open…');
    await (
      await choosing
    ).setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
    await expect(page.getByRole('alert')).toContainText('bad.json is not a design');
    await expect(studio.designName).toHaveValue(name);
  });

  test('a share link opens the same design in a fresh browser', async ({ page, browser }) => {
    const studio = new Studio(page);
    await studio.open();
    await studio.newDesign();
    await studio.designName.fill('Shared net');
    await studio.dragFromPalette('Conv2d', { x: 150, y: 260 });
    await studio.dragPort(studio.port('input', 'output'), studio.port('conv_1', 'input'));
    await studio.menu('File', 'Share link…');
    const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toContain('#design=');

    const other = await browser.newContext();
    const page2 = await other.newPage();
    const studio2 = new Studio(page2);
    await page2.goto(link);
    await studio2.waitForCanvas();
    await expect(studio2.designName).toHaveValue('Shared net');
    await expect(studio2.shapeOf('conv_1')).toHaveText('1×32×224×224');
    await expect(studio2.nodes).toHaveCount(3);
    expect(page2.url()).not.toContain('#design=');
    studio2.expectNoErrors();
    await other.close();
  });
});
