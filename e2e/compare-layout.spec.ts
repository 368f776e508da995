import { expect, test, type Locator, type Page } from '@playwright/test';
import { Studio } from './pages/studio';

/**
 * The compare dialog's chart and box, measured: no value label overlaps a row label (nor a bar) at
 * any width the dialog takes, in English and Chinese, with a long Chinese layer name among the rows;
 * and the dialog keeps its place and size when either side changes.
 */
const words = {
  en: { inspector: 'Inspector', name: 'Name', title: 'Compare two designs', left: 'Left', right: 'Right' },
  zh: { inspector: '属性', name: '名称', title: '比较两个设计', left: '左侧', right: '右侧' },
} as const;

const LONG = '第二个倒残差块里的逐点扩展卷积层（这个名字故意取得很长很长）';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** Every bar's label, bar and value boxes, as the browser lays them out. */
async function barBoxes(
  chart: Locator,
): Promise<{ label: Box; bar: Box; value: Box; svg: Box; text: string }[]> {
  return chart.evaluate((svg) => {
    const box = (e: Element | null): Box => {
      const r = (e as Element).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return [...svg.querySelectorAll('g')].map((g) => ({
      label: box(g.querySelector('.compare-bar-label')),
      bar: box(g.querySelector('rect')),
      value: box(g.querySelector('.compare-bar-value')),
      svg: box(svg),
      text: g.querySelector('.compare-bar-label')?.textContent ?? '',
    }));
  });
}

async function expectNoOverlap(page: Page, chart: Locator, where: string): Promise<number> {
  // The chart follows the dialog's width after a resize.
  await expect
    .poll(async () =>
      chart.evaluate((svg) =>
        Math.abs(svg.getBoundingClientRect().width - (svg.parentElement?.getBoundingClientRect().width ?? 0)),
      ),
    )
    .toBeLessThan(2);
  const rows = await barBoxes(chart);
  expect(rows.length, where).toBeGreaterThan(3);
  for (const r of rows) {
    expect(apart(r.label, r.value), `${where}: "${r.text}" label and value`).toBe(true);
    expect(apart(r.label, r.bar), `${where}: "${r.text}" label and bar`).toBe(true);
    expect(apart(r.bar, r.value), `${where}: "${r.text}" bar and value`).toBe(true);
    // Nothing is cut off at either edge of the chart.
    expect(r.label.x, `${where}: "${r.text}" starts inside`).toBeGreaterThanOrEqual(r.svg.x - 0.5);
    expect(r.value.x + r.value.width, `${where}: value ends inside`).toBeLessThanOrEqual(
      r.svg.x + r.svg.width + 0.5,
    );
  }
  await page.screenshot({ path: `test-results/${where}.png` });
  return rows.length;
}

for (const lang of ['en', 'zh'] as const)
  test(`compare chart: values never cover row labels at any width, and the dialog does not move, ${lang}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const w = words[lang];
    const studio = new Studio(page);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.addInitScript((l) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.clear();
        localStorage.setItem('compact-studio/language', l);
        sessionStorage.setItem('seeded', '1');
      }
    }, lang);
    await page.goto('/');
    await expect(studio.nodes.first()).toBeVisible();
    // The layer with the largest difference against MobileNetV1 gets a long Chinese name.
    await page.keyboard.press('d');
    let dialog = page.getByRole('dialog', { name: w.title });
    const chart = dialog.locator('.compare-chart svg');
    const first = (await chart.locator('.compare-bar-label').first().textContent()) ?? '';
    const label = first.replace(/^\d+\.\s*/, '');
    await page.keyboard.press('Escape');
    await studio.node(label).click();
    await page.getByRole('tab', { name: w.inspector }).click();
    const name = page.getByRole('tabpanel', { name: w.inspector }).getByRole('textbox', { name: w.name });
    await name.fill(LONG);
    await name.press('Enter');
    await expect(studio.node(LONG)).toBeVisible();

    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('d');
    dialog = page.getByRole('dialog', { name: w.title });
    await expect(dialog.locator('.compare-chart svg')).toBeVisible();
    await expect(dialog.locator('.compare-bar-label').first()).toContainText(LONG.slice(0, 4));
    for (const width of [1400, 1100, 900, 700, 520, 380]) {
      await page.setViewportSize({ width, height: 900 });
      await expectNoOverlap(page, dialog.locator('.compare-chart svg'), `compare-${lang}-${String(width)}`);
    }

    // Switching a side neither moves nor resizes the dialog.
    for (const width of [1400, 700]) {
      await page.setViewportSize({ width, height: 900 });
      const before = await dialog.boundingBox();
      for (const [side, source] of [
        [w.left, 'example:fire_vs_conv3x3'],
        [w.right, 'preset:squeezenet1_0'],
        [w.left, 'preset:shufflenet_v2_x0_5'],
      ] as const) {
        await dialog.getByRole('combobox', { name: side }).selectOption(source);
        await expect(dialog.getByRole('combobox', { name: side })).toHaveValue(source);
        expect(await dialog.boundingBox(), `${String(width)} px, ${side} → ${source}`).toEqual(before);
      }
      await dialog.getByRole('combobox', { name: w.right }).selectOption('current');
      await dialog.getByRole('combobox', { name: w.left }).selectOption('preset:mobilenet_v1');
    }
    studio.expectNoErrors();
  });
