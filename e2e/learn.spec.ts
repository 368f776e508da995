import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Closed forms from the papers, written here (batch 1): SqueezeNet fire2, MobileNet Table 3, MobileNetV2 Table 1. */
const fire = {
  baselineMultiplyAdds: 128 * 55 * 55 * 96 * 9,
  params: (s: number) => 96 * s + s + (s * 64 + 64) + (s * 64 * 9 + 64),
};
const separable = { ratio: 1 / 512 + 1 / 9, multiplyAdds: (n: number) => 9 * n * 196 + n * n * 196 };
const inverted = { multiplyAdds: (t: number) => 56 * 56 * 24 * t * (24 + 9 + 24) };

const words = {
  en: {
    tab: 'Learn',
    next: 'Next lesson',
    open: 'Open the example on the canvas',
    done: 'Task: Done',
    open_: 'Task: Not yet',
    figures: 'Figures on the canvas',
    madds: 'Multiply-adds',
    params: 'Params',
  },
  zh: {
    tab: '学习',
    next: '下一课',
    open: '在画布上打开示例',
    done: '任务: 已完成',
    open_: '任务: 尚未完成',
    figures: '画布上的数字',
    madds: '乘加数',
    params: '参数量',
  },
} as const;

const exact = (n: number) => n.toLocaleString('en-US');

function cell(page: Page, lang: keyof typeof words, row: string, column: 1 | 2) {
  const table = page.getByRole('table', { name: words[lang].figures });
  return table
    .getByRole('row', { name: new RegExp(`^${row}`) })
    .getByRole('cell')
    .nth(column - 1);
}

async function openLesson(page: Page, lang: keyof typeof words) {
  await page.getByRole('button', { name: words[lang].open }).click();
  await expect(page.getByRole('table', { name: words[lang].figures })).toBeVisible();
}

for (const lang of ['en', 'zh'] as const) {
  test(`three lessons in ${lang}: figures, knob and task check`, async ({ page }) => {
    const w = words[lang];
    await page.addInitScript((l) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('compact-studio/language', l);
        localStorage.removeItem('compact-studio/learn');
        sessionStorage.setItem('seeded', '1');
      }
    }, lang);
    await page.goto('/');
    await page.getByRole('tab', { name: w.tab }).click();

    // Fire: fire2 beside the 3×3 conv; s = 8 brings it under 8,000 params.
    await openLesson(page, lang);
    await expect(cell(page, lang, w.madds, 1)).toHaveAttribute('title', exact(fire.baselineMultiplyAdds));
    await expect(cell(page, lang, w.params, 2)).toHaveAttribute('title', exact(fire.params(16)));
    await expect(page.getByLabel(w.open_)).toBeVisible();
    await page.getByRole('combobox', { name: lang === 'en' ? /Squeeze/ : /挤压/ }).selectOption('8');
    await expect(cell(page, lang, w.params, 2)).toHaveAttribute('title', exact(fire.params(8)));
    await expect(page.getByLabel(w.done)).toBeVisible();

    // Depthwise-separable: 1/N + 1/Dk², then α = 0.5 for the 15M task.
    await page.getByRole('button', { name: w.next }).click();
    await openLesson(page, lang);
    await expect(page.locator('[data-figure="closed-form"]')).toHaveText(separable.ratio.toFixed(4));
    await expect(page.locator('[data-figure="measured"]')).toHaveText(separable.ratio.toFixed(4));
    await expect(cell(page, lang, w.madds, 2)).toHaveText(lang === 'en' ? '52.3M' : '5228万');
    await page.getByRole('combobox', { name: lang === 'en' ? /Width/ : /宽度/ }).selectOption('0.5');
    await expect(cell(page, lang, w.madds, 2)).toHaveAttribute('title', exact(separable.multiplyAdds(256)));
    await expect(page.getByLabel(w.done)).toBeVisible();

    // Inverted residual: t = 6 misses the 20M task, t = 4 meets it.
    await page.getByRole('button', { name: w.next }).click();
    await openLesson(page, lang);
    await expect(cell(page, lang, w.madds, 2)).toHaveAttribute('title', exact(inverted.multiplyAdds(6)));
    await expect(page.getByLabel(w.open_)).toBeVisible();
    await page.getByRole('combobox', { name: lang === 'en' ? /Expansion/ : /扩展/ }).selectOption('4');
    await expect(cell(page, lang, w.madds, 2)).toHaveAttribute('title', exact(inverted.multiplyAdds(4)));
    await expect(page.getByLabel(w.done)).toBeVisible();

    // Progress survives a reload; the lesson open stays open.
    await page.reload();
    await page.getByRole('tab', { name: w.tab }).click();
    await expect(page.getByText(lang === 'en' ? '3 of 22 tasks done' : '已完成 3 / 22 个任务')).toBeVisible();
  });
}

test('the language switch turns the shell and the lesson to Chinese and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.getByRole('tab', { name: '学习' })).toBeVisible();
  await expect(page.getByRole('button', { name: '文件', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('tab', { name: 'Learn' })).toBeVisible();
});

for (const lang of ['en', 'zh'] as const)
  for (const theme of ['light', 'dark'] as const)
    test(`screenshot: Learn at 1280×800, ${lang}, ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.addInitScript(
        ([l, t]) => {
          localStorage.setItem('compact-studio/language', l);
          localStorage.setItem('compact-studio/prefs', JSON.stringify({ theme: t }));
          localStorage.setItem(
            'compact-studio/learn',
            JSON.stringify({ current: 'depthwise-separable', done: [] }),
          );
        },
        [lang, theme] as const,
      );
      await page.goto('/');
      await page.getByRole('tab', { name: words[lang].tab }).click();
      await openLesson(page, lang);
      await page.waitForTimeout(600);
      await page.screenshot({ path: `test-results/learn-${lang}-${theme}.png` });
    });

test('a lesson’s pair downloads as a slide with its figures and formula, as SVG and as PNG at 2×', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await openLesson(page, 'en');
  const slide = page.getByRole('group', { name: 'Slide for a projector' });
  const [svgFile] = await Promise.all([
    page.waitForEvent('download'),
    slide.getByRole('button', { name: 'SVG' }).click(),
  ]);
  expect(svgFile.suggestedFilename()).toBe('lesson-fire.svg');
  const svg = (await readFile(await svgFile.path())).toString('utf8');
  // fire2 at s = 16 beside the dense 3×3 conv, 96 → 128 channels on 55×55 (closed forms above).
  expect(svg).toContain(exact(fire.params(16)));
  expect(svg).toContain(exact(fire.baselineMultiplyAdds));
  expect(svg).toContain('width="1600" height="900"');
  const [pngFile] = await Promise.all([
    page.waitForEvent('download'),
    slide.getByRole('button', { name: 'PNG' }).click(),
  ]);
  expect(pngFile.suggestedFilename()).toBe('lesson-fire.png');
  const png = await readFile(await pngFile.path());
  // The PNG header holds the size: 2 × 1600 by 2 × 900.
  expect(png.readUInt32BE(16)).toBe(3200);
  expect(png.readUInt32BE(20)).toBe(1800);
});
