import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { startIn } from './pages/studio';

/** A small grey PNG, as a class folder of the user's own images would hold. */
function png(shade: number): Uint8Array {
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(shade);
  for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
  return new Uint8Array(PNG.sync.write(image));
}

const words = {
  en: {
    tab: 'Train',
    mine: 'My images',
    zip: 'Choose a zip…',
    oneClass:
      'There is only one class (“shirt”): add a subfolder for each other class, so that there is something to tell apart.',
    noDecode:
      /“[^”]*broken\.png” is not an image this browser can decode: remove it or save it as PNG or JPEG\./,
  },
  zh: {
    tab: '训练',
    mine: '我的图像',
    zip: '选择 zip…',
    oneClass: '只有一个类别（“shirt”）：请为其他类别各添加一个子文件夹，这样才有可区分的对象。',
    noDecode: /浏览器无法解码“[^”]*broken\.png”：请删除它，或另存为 PNG 或 JPEG。/,
  },
} as const;

for (const lang of ['en', 'zh'] as const)
  test(`the Train tab refuses bad images in one sentence and keeps the design, ${lang}`, async ({ page }) => {
    const w = words[lang];
    await startIn(page, lang);
    const cards = await page.locator('.react-flow__node').count();
    await page.getByRole('tab', { name: w.tab }).click();
    const panel = page.getByRole('tabpanel', { name: w.tab });
    await panel.getByRole('radio', { name: w.mine }).click();
    const train = panel.getByRole('button', { name: w.tab, exact: true });
    const choose = async (name: string, files: Record<string, Uint8Array>) => {
      await panel
        .locator('label', { hasText: w.zip })
        .locator('input[type=file]')
        .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(zipSync(files)) });
      await train.click();
    };

    // One class folder: nothing to tell apart.
    await choose('one-class.zip', { 'shirt/a.png': png(40), 'shirt/b.png': png(200) });
    await expect(panel.getByRole('alert')).toHaveText(w.oneClass, { timeout: 20_000 });

    // Two classes, one file that is not an image at all although it says .png: named.
    await choose('broken.zip', {
      'shirt/a.png': png(40),
      'shirt/broken.png': new TextEncoder().encode('not a picture'),
      'shoe/b.png': png(200),
    });
    await expect(panel.getByRole('alert')).toHaveText(w.noDecode, { timeout: 20_000 });

    // Nothing the user made is touched: the same cards, no training started.
    await expect(page.locator('.react-flow__node')).toHaveCount(cards);
    await expect(panel.getByRole('progressbar')).toHaveCount(0);
  });
