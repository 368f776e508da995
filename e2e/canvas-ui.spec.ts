import { expect, test, type Page } from '@playwright/test';
import { startIn } from './pages/studio';

/** The page's own affordances, in both languages: what can be edited looks editable. */
const words = {
  en: { name: 'Design name', hint: 'Click to rename the design' },
  zh: { name: '设计名称', hint: '点击即可重命名设计' },
} as const;

for (const lang of ['en', 'zh'] as const)
  test(`the design name looks editable before it is touched, ${lang}`, async ({ page }) => {
    await startIn(page, lang);
    const field = page.getByRole('textbox', { name: words[lang].name });
    await expect(field).not.toBeFocused();
    // A visible edge at rest (not only on hover), a pencil beside it and a hint that says so.
    const edge = await field.evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.borderBottomStyle, width: s.borderBottomWidth, colour: s.borderBottomColor };
    });
    expect(edge.style).not.toBe('none');
    expect(edge.width).not.toBe('0px');
    expect(edge.colour).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
    await expect(page.locator('.design-name-pencil')).toBeVisible();
    await expect(page.getByTitle(words[lang].hint)).toBeVisible();
  });

const keys = {
  en: {
    skipCanvas: 'Skip to the canvas',
    skipSide: 'Skip to the side panel',
    tabs: ['Inspector', 'Cost', 'Run', 'Learn'],
    search: 'Search the palette',
  },
  zh: {
    skipCanvas: '跳到画布',
    skipSide: '跳到侧边面板',
    tabs: ['属性', '代价', '运行', '学习'],
    search: '搜索组件面板',
  },
} as const;

for (const lang of ['en', 'zh'] as const)
  test(`the keyboard: skip links, cards before wires, side tabs by arrows, Escape leaves the search, ${lang}`, async ({
    page,
  }) => {
    const k = keys[lang];
    await startIn(page, lang);
    // The first Tab of the page is the skip link to the canvas; it lands on a card, not a wire.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: k.skipCanvas })).toBeFocused();
    await page.keyboard.press('Enter');
    const cards = page.locator('.react-flow__node[tabindex="0"]');
    await expect(cards.first()).toBeFocused();
    // Tabbing on through the canvas meets every card (and the buttons on them) before any wire.
    const count = await cards.count();
    const visited = new Set<string>();
    for (let i = 0; i < 4 * count; i++) {
      const at = await page.evaluate(() => ({
        card: document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null,
        wire: document.activeElement?.closest('.react-flow__edge') != null,
      }));
      expect(at.wire).toBe(false);
      if (at.card === null) break;
      visited.add(at.card);
      await page.keyboard.press('Tab');
    }
    expect(visited.size).toBe(count);
    expect(await page.locator('.react-flow__edge[tabindex="0"]').count()).toBe(0);

    // The second skip link goes to the selected side tab; arrows move along the tabs, one tab stop.
    await page.getByRole('link', { name: k.skipSide }).focus();
    await expect(page.getByRole('link', { name: k.skipSide })).toBeVisible();
    await page.keyboard.press('Enter');
    const tab = (i: number) => page.getByRole('tab', { name: k.tabs[i], exact: true });
    await expect(tab(0)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(tab(1)).toBeFocused();
    await expect(tab(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { selected: false }).and(page.locator('[tabindex="0"]'))).toHaveCount(
      0,
    );
    await page.keyboard.press('End');
    await expect(tab(3)).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(tab(0)).toBeFocused();
    await expect(tab(0)).toHaveAttribute('aria-selected', 'true');

    // Escape in the palette's search clears it and leaves it.
    const search = page.getByRole('searchbox', { name: k.search });
    await search.fill('conv');
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
    await expect(search).not.toBeFocused();
  });

const map = {
  en: { show: 'Show the minimap', hide: 'Hide the minimap', fit: 'Fit' },
  zh: { show: '显示缩略图', hide: '隐藏缩略图', fit: '适应' },
} as const;

/** Whether any card on screen overlaps the box of this element. */
async function coversACard(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel)?.getBoundingClientRect();
    if (box === undefined) return false;
    return Array.from(document.querySelectorAll('.react-flow__node')).some((n) => {
      const r = n.getBoundingClientRect();
      return r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
    });
  }, selector);
}

for (const lang of ['en', 'zh'] as const)
  test(`the minimap never covers a card: folded at first, fitted beside when open, gone when narrow, ${lang}`, async ({
    page,
  }) => {
    const m = map[lang];
    await startIn(page, lang);
    await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
    const toggle = page.getByRole('button', { name: m.show });
    await expect(toggle).toBeVisible();
    expect(await coversACard(page, '.minimap-toggle')).toBe(false);
    await toggle.click();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await page.getByRole('button', { name: m.fit, exact: true }).click();
    await expect.poll(() => coversACard(page, '.react-flow__minimap')).toBe(false);
    await page.setViewportSize({ width: 800, height: 800 });
    await expect(page.locator('.react-flow__minimap')).toBeHidden();
    await expect(page.getByRole('button', { name: m.hide })).toBeHidden();
  });
