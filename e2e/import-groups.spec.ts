import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { Studio } from './pages/studio';

/** A real torchvision ResNet-18 export (fixtures/torch/make.py), as a user would pick it. */
const resnet18 = gunzipSync(
  readFileSync(new URL('../fixtures/torch/resnet18.bn.op13.onnx.gz', import.meta.url)),
);

/**
 * Picks the bytes as a file named `name`. Written to disk first: Playwright sends a buffer to the
 * browser through its protocol, which took most of a minute for these 45 MB on a busy machine.
 */
async function importFile(page: Page, studio: Studio, name: string, buffer: Buffer): Promise<void> {
  const path = join(mkdtempSync(join(tmpdir(), 'import-groups-')), name);
  writeFileSync(path, buffer);
  const choosing = page.waitForEvent('filechooser');
  await studio.menu('File', 'Import ONNX');
  await (await choosing).setFiles(path);
  await expect(page.getByRole('status').filter({ hasText: `Imported ${name}` })).toBeVisible({
    timeout: 30_000,
  });
}

const pngSize = (bytes: Buffer): [number, number] => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test.describe('a torchvision import reads as its modules', () => {
  let studio: Studio;
  test.beforeEach(async ({ page }) => {
    studio = new Studio(page);
    await studio.open();
    await importFile(page, studio, 'resnet18.onnx', resnet18);
  });

  test('named after the file, blocks labelled by module path, groups collapse and expand', async ({
    page,
  }) => {
    await expect(studio.designName).toHaveValue('resnet18');
    // ResNet-18's eight basic blocks, by their torch module paths.
    for (const path of ['layer1.0', 'layer1.1', 'layer2.0', 'layer4.1'])
      await expect(studio.node(path)).toBeVisible();
    await expect(studio.node('layer1.0')).toContainText('ResNet basic block');
    const layer1 = page.locator('[data-testid="module-group"][data-path="layer1"]');
    await expect(layer1).toBeVisible();
    await page.screenshot({ path: 'test-results/import-groups-open.png' });

    await page.getByRole('button', { name: 'Collapse module layer1' }).click();
    await expect(page.locator('[data-testid="module-card"][data-path="layer1"]')).toBeVisible();
    await expect(studio.node('layer1.0')).toHaveCount(0);
    await expect(studio.node('layer2.0')).toBeVisible();
    await page.screenshot({ path: 'test-results/import-groups-collapsed.png' });

    await page.getByRole('button', { name: 'Expand module layer1' }).click();
    await expect(studio.node('layer1.0')).toBeVisible();
    await expect(page.locator('[data-testid="module-card"]')).toHaveCount(0);
    studio.expectNoErrors();
  });

  test('a slide export is a PNG at 2× with the totals and a legend', async ({ page }) => {
    const svgDownload = page.waitForEvent('download');
    await studio.menu('File', 'Export SVG');
    await page.getByRole('checkbox', { name: 'Parameters on each card' }).check();
    await studio.button('Export SVG').click();
    const svg = readFileSync(await (await svgDownload).path(), 'utf8');
    expect(svg).toContain('data-role="legend"');
    expect(svg).toMatch(/Totals: 11\.2M params · 1\.81G multiply-adds/);
    expect(svg).toContain('>Block<');
    expect(svg).toContain('params</text>');
    const [, w = '0', h = '0'] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg) ?? [];

    const pngDownload = page.waitForEvent('download');
    await studio.menu('File', 'Export PNG');
    await studio.button('Export PNG').click();
    const png = readFileSync(await (await pngDownload).path());
    expect((await pngDownload).suggestedFilename()).toBe('resnet18.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual([2 * Number(w), 2 * Number(h)]);
    await (await pngDownload).saveAs('test-results/slide-light.png');

    // The dark theme's picture: its own colours, the same legend.
    await studio.button('Dark theme').click();
    const dark = page.waitForEvent('download');
    await studio.menu('File', 'Export PNG');
    await studio.button('Export PNG').click();
    await (await dark).saveAs('test-results/slide-dark.png');
    studio.expectNoErrors();
  });
});
