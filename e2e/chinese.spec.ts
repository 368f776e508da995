import { expect, test, type Page } from '@playwright/test';

/**
 * The whole UI in Chinese: every text a reader sees or hears (page text, titles, accessible names, the text
 * boxes' values) on the
 * default design, its cost panel and inspector, a preset with guideline hints and a problem, a worked
 * example, three lessons and the compare view. English prose left anywhere fails here by its text.
 */

/** A word followed by a lowercase word: prose. Names ("ShuffleNet V2", "Compact Studio") are not. */
const prose = /\b[A-Za-z]{3,}[ ,]+[a-z]{3,}\b/;
/** What stays as written in every language: references to papers, file and example names, code. */
const asWritten = [
  /et al\./, // a paper's reference: authors, year, title
  /example:\w+/, // an example's CLI name
  /\bNetwork in Network\b/, // a paper's name inside a lesson
  /\bmini-batch\b/,
];

async function englishProse(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = document.body.innerText.split('\n');
    for (const el of Array.from(document.querySelectorAll('[title],[aria-label],[placeholder]')))
      for (const a of ['title', 'aria-label', 'placeholder']) out.push(el.getAttribute(a) ?? '');
    // What a text box holds (the design's name).
    for (const el of Array.from(document.querySelectorAll('input:not([type]), input[type="text"]')))
      out.push((el as HTMLInputElement).value);
    return out;
  });
  return [...new Set(texts.map((t) => t.trim()))].filter(
    (t) => prose.test(t) && !asWritten.some((w) => w.test(t)),
  );
}

test('the UI in Chinese has no English prose: design, cost, inspector, presets, examples, lessons, compare', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.clear();
      localStorage.setItem('compact-studio/language', 'zh');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const found = new Map<string, string>();
  const look = async (where: string) => {
    for (const t of await englishProse(page)) if (!found.has(t)) found.set(t, where);
  };
  const selectCards = async (where: string, n: number) => {
    const cards = page.locator('.react-flow__node');
    const count = Math.min(await cards.count(), n);
    for (let i = 0; i < count; i++) {
      await cards.nth(i).click({ force: true });
      await look(`${where}, card ${i + 1}`);
    }
  };
  const open = async (title: string) => {
    const item = page
      .getByRole('navigation')
      .getByRole('button')
      .filter({ has: page.locator('.palette-item-title', { hasText: title }) })
      .first();
    await item.focus({ timeout: 5000 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '打开为新设计' }).first()).toBeVisible();
  };

  await look('first visit');
  for (const tab of ['代价', '属性', '运行', '学习']) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await look(`tab ${tab}`);
  }
  await page.getByRole('tab', { name: '属性', exact: true }).click();
  await selectCards('default design', 4);

  // A preset with group convs and fragmented blocks: guideline hints on cards and in the cost panel.
  await open('ShuffleNet V1');
  await selectCards('ShuffleNet V1', 3);
  await page.getByRole('tab', { name: '代价', exact: true }).click();
  await look('ShuffleNet V1, cost');

  // A worked example and the one preset whose title holds words.
  await open('FLGC：完全可学习的组卷积');
  await selectCards('FLGC example', 3);

  // A problem: groups that do not divide the channels, said on the card, in the inspector and the status bar.
  await page.getByRole('tab', { name: '属性', exact: true }).click();
  await page.locator('.react-flow__node').filter({ hasText: 'group_conv' }).first().click({ force: true });
  const groups = page.getByRole('spinbutton', { name: '分组数' });
  await groups.fill('5');
  await groups.press('Enter');
  await expect(page.getByText('分组数 5 不能整除 64 个输入通道。').first()).toBeVisible();
  await look('a broken design');
  await open('MobileNetV1（标准卷积）');
  await look('MobileNetV1 (full convolutions)');

  // Three lessons, each opened on the canvas.
  await page.getByRole('tab', { name: '学习', exact: true }).click();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: '在画布上打开示例' }).click();
    await look(`lesson ${i + 1}`);
    await page.getByRole('button', { name: '下一课' }).click();
  }

  // The compare view.
  await page.keyboard.press('d');
  await expect(page.getByRole('dialog')).toBeVisible();
  await look('compare');
  await page
    .getByRole('dialog')
    .getByRole('combobox', { name: '左侧' })
    .selectOption('preset:mobilenet_v1_conv');
  await page.getByRole('dialog').getByRole('combobox', { name: '右侧' }).selectOption('preset:mobilenet_v1');
  await expect(page.getByRole('dialog').getByRole('table').first()).toContainText('MobileNetV1（标准卷积）');
  await look('compare, two presets');

  expect([...found].map(([text, where]) => `${where}: ${text}`)).toEqual([]);
});
