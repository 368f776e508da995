import { expect, test, type Page } from '@playwright/test';
import { exampleOf } from '../src/core/lessons/example-of';
import { lessons } from '../src/core/lessons/lesson-registry';
import { openInLanguage } from './pages/studio';

/**
 * Every lesson's example, opened one after another as a student steps through them, draws every
 * wire of its design: the edges React Flow renders are the design's edges, one for one (the
 * design built here from the example's definition, not read back from the app). And no lesson's
 * task is done by opening its example: the student has to act.
 */
const words = {
  en: {
    tab: 'Learn',
    next: 'Next lesson',
    open: 'Open the example on the canvas',
    to: ' to ',
    comma: ', ',
    notYet: 'Task: Not yet',
  },
  zh: {
    tab: '学习',
    next: '下一课',
    open: '在画布上打开示例',
    to: ' 到 ',
    comma: '，',
    notYet: '任务: 尚未完成',
  },
} as const;

/** Each drawn wire as "from to to", read from its accessible name (the shape after the comma dropped). */
async function renderedEdges(page: Page, comma: string): Promise<string[]> {
  const names = await page
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return names.map((n) => n.split(comma)[0] ?? n).sort();
}

for (const lang of ['en', 'zh'] as const)
  test(`every lesson's example draws every wire and is not done on opening, ${lang}`, async ({ page }) => {
    test.setTimeout(180_000);
    const w = words[lang];
    await page.setViewportSize({ width: 1280, height: 800 });
    await openInLanguage(page, lang);
    await page.getByRole('tab', { name: w.tab }).click();
    let checked = 0;
    for (const [i, lesson] of lessons.entries()) {
      const example = exampleOf(lesson);
      if (example !== undefined && lesson.live !== undefined) {
        const design = example.build();
        const label = new Map(design.nodes.map((n) => [n.id, n.label]));
        const expected = design.edges
          .map((e) => `${label.get(e.from.node) ?? ''}${w.to}${label.get(e.to.node) ?? ''}`)
          .sort();
        await page.getByRole('button', { name: w.open }).click();
        // The whole design in view: the canvas draws only what is on screen.
        await page.locator('.react-flow__controls-fitview').click();
        await expect.poll(() => renderedEdges(page, w.comma), { message: lesson.id }).toEqual(expected);
        await expect(page.getByLabel(w.notYet), lesson.id).toBeVisible();
        checked++;
      }
      if (i < lessons.length - 1) await page.getByRole('button', { name: w.next }).click();
    }
    expect(checked).toBeGreaterThan(15);
  });
