import { expect, test, type Page } from '@playwright/test';
import { startIn } from './pages/studio';
import { cardHandles } from '../src/canvas/card-handles';

/** Session creation fetches and compiles the wasm runtime: generous, but never a sleep. */
const RUN_TIMEOUT = 120_000;

const words = {
  en: {
    run: 'Run',
    latency: 'Latency',
    fit: 'Fit',
    file: 'File',
    new: 'New design',
    search: 'Search the palette',
    layers: ['Conv2d', 'BatchNorm', 'ReLU', 'Conv2d'],
  },
  zh: {
    run: '运行',
    latency: '延迟',
    fit: '适应',
    file: '文件',
    new: '新建设计',
    search: '搜索组件面板',
    layers: ['二维卷积', '批归一化', 'ReLU', '二维卷积'],
  },
} as const;

/**
 * A chain built from the keyboard (File → New, the Input selected, Enter on palette items): each
 * layer is inserted one row below the last, closer than the auto-layout's rows, the tightest case
 * for cards that grow.
 */
async function buildChain(page: Page, lang: 'en' | 'zh'): Promise<void> {
  const w = words[lang];
  await page.getByRole('button', { name: w.file, exact: true }).click();
  await page.getByRole('menuitem', { name: w.new }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await page.locator('.react-flow__node').first().click();
  // The names the layers get, in either language.
  const names = ['conv_1', 'batch_norm_1', 'relu_1', 'conv_2'];
  for (const [i, title] of w.layers.entries()) {
    await page.getByRole('searchbox', { name: w.search }).fill(title);
    await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).press('Enter');
    await expect(page.locator(`.react-flow__node[aria-label="${names[i] ?? ''}"]`)).toBeVisible();
  }
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * In the page: cards (top-level and collapsed groups; not the cards inside an open block) that
 * overlap another, and ports whose middle is off their own card's edge or on another card.
 */
function layoutFaults(): string[] {
  const faults: string[] = [];
  const cards = Array.from(
    document.querySelectorAll<HTMLElement>('.react-flow__node-card, .react-flow__node-groupcard'),
  ).filter((n) => n.querySelector('.card.inner') === null);
  const boxOf = (n: Element): Box => n.getBoundingClientRect();
  const name = (n: Element) => n.getAttribute('aria-label') ?? n.getAttribute('data-id') ?? '?';
  const boxes = cards.map(boxOf);
  const meets = (a: Box, b: Box) =>
    a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  for (let i = 0; i < cards.length; i++)
    for (let j = i + 1; j < cards.length; j++)
      if (meets(boxes[i] as Box, boxes[j] as Box))
        faults.push(`${name(cards[i] as Element)} overlaps ${name(cards[j] as Element)}`);
  const ports = cards.map((card) => Array.from(card.querySelectorAll('.react-flow__handle')).map(boxOf));
  ports.forEach((mine, i) => {
    ports.forEach((theirs, k) => {
      if (k > i && mine.some((a) => theirs.some((b) => meets(a, b))))
        faults.push(`a port of ${name(cards[i] as Element)} overlaps a port of ${name(cards[k] as Element)}`);
    });
  });
  cards.forEach((card, i) => {
    const own = boxes[i] as Box;
    for (const h of Array.from(card.querySelectorAll('.react-flow__handle'))) {
      const r = h.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // A port sits on its card's top or bottom edge: its middle within the card's width, and
      // within 8 pixels of the card's box (a port is drawn half outside it).
      if (x < own.left || x > own.right || y < own.top - 8 || y > own.bottom + 8)
        faults.push(`${h.getAttribute('aria-label') ?? '?'} is off ${name(card)}`);
      boxes.forEach((b, k) => {
        if (k !== i && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom)
          faults.push(`${h.getAttribute('aria-label') ?? '?'} lies on ${name(cards[k] as Element)}`);
      });
    }
  });
  return faults;
}

for (const lang of ['en', 'zh'] as const)
  test(`after a run, the cards with their times overlap no card and keep their ports on their edges, ${lang}`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const w = words[lang];
    await startIn(page, lang);
    await buildChain(page, lang);
    // As built: nothing overlaps.
    expect(await page.evaluate(layoutFaults)).toEqual([]);
    await page.getByRole('tab', { name: w.run, exact: true }).click();
    const panel = page.getByRole('tabpanel', { name: w.run });
    await panel.getByRole('button', { name: w.run, exact: true }).click();
    await expect(panel.getByLabel(w.latency)).toBeVisible({ timeout: RUN_TIMEOUT });
    const times = page.getByTestId('node-time');
    await expect(times.first()).toBeVisible({ timeout: RUN_TIMEOUT });
    await page.getByRole('button', { name: w.fit, exact: true }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    // The cards are measured once the times show, and the layout follows: no overlap then.
    await expect.poll(() => page.evaluate(layoutFaults), { timeout: 10_000 }).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`run-cards-${lang}.png`) });
  });

/** The cards drawn that are not wholly inside the canvas (across only: `across`). */
async function outsideView(page: Page, across = false): Promise<string[]> {
  return page.evaluate((acrossOnly) => {
    const pane = document.querySelector('.canvas')?.getBoundingClientRect();
    if (pane === undefined) return ['no canvas'];
    return Array.from(document.querySelectorAll('.react-flow__node-card, .react-flow__node-groupcard'))
      .filter((n) => {
        const r = n.getBoundingClientRect();
        const out = r.left < pane.left - 1 || r.right > pane.right + 1;
        return out || (!acrossOnly && (r.top < pane.top - 1 || r.bottom > pane.bottom + 1));
      })
      .map((n) => n.getAttribute('aria-label') ?? '?');
  }, across);
}

/** The design's node count, as the status bar gives it. */
async function nodeCount(page: Page): Promise<number> {
  const text = (await page.getByText(/^\d+ (nodes|个节点) · /).textContent()) ?? '';
  return Number(/^\d+/.exec(text)?.[0] ?? NaN);
}

/** Every card of the design is drawn (drawn only when in view), and wholly inside the canvas. */
async function expectAllInView(page: Page): Promise<void> {
  const count = await nodeCount(page);
  await expect(page.locator('.react-flow__node-card')).toHaveCount(count);
  await expect.poll(() => outsideView(page)).toEqual([]);
}

const files = {
  en: { file: 'File', save: 'Save', open: 'Open…', new: 'New design' },
  zh: { file: '文件', save: '保存', open: '打开…', new: '新建设计' },
} as const;

for (const lang of ['en', 'zh'] as const)
  test(`a design opened from a file is shown whole, ${lang}`, async ({ page }) => {
    const f = files[lang];
    await startIn(page, lang);
    const menu = async (item: string) => {
      await page.getByRole('button', { name: f.file, exact: true }).click();
      await page.getByRole('menuitem', { name: item }).click();
    };
    const downloading = page.waitForEvent('download');
    await menu(f.save);
    const file = await (await downloading).path();
    await menu(f.new);
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
    // The empty design's view, zoomed in and moved away: the open must bring the design back.
    await page.getByRole('button', { name: lang === 'en' ? 'Zoom in' : '放大' }).click();
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 2000);
    const choosing = page.waitForEvent('filechooser');
    await menu(f.open);
    await (await choosing).setFiles(file);
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(10);
    await expectAllInView(page);
  });

/**
 * A design too tall to read whole (fitted below 60%) opens at its top instead, as a long document
 * does: its first cards in view, nothing cut at the sides.
 */
test('an example opened from the palette is shown from its top, nothing cut at the sides', async ({
  page,
}) => {
  await startIn(page, 'en');
  const title = 'SplitNet, splitting a network into disjoint groups';
  const item = page.getByRole('navigation').getByRole('button', { name: title, exact: true });
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `(${title}) as a new design.` })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('.react-flow__node[aria-label="input"]')).toBeVisible();
  await expect.poll(() => outsideView(page, true)).toEqual([]);
  const input = await page.locator('.react-flow__node[aria-label="input"]').boundingBox();
  const pane = await page.locator('.canvas').boundingBox();
  if (input === null || pane === null) throw new Error('not drawn');
  expect(input.y).toBeGreaterThanOrEqual(pane.y);
  expect(input.y + input.height).toBeLessThanOrEqual(pane.y + pane.height / 2);
});

/**
 * Cards off screen are never drawn, so React Flow takes their ports from the flow model's estimate
 * (card-handles.ts) until they are: the estimate must be where the drawn card's ports are. Every
 * card of the default design is compared, each against the ports' boxes as React Flow measures them
 * (the port's box less the card's, at the zoom).
 */
test("a card's ports are where the flow model puts them before it is drawn", async ({ page }) => {
  await startIn(page, 'en');
  await page.waitForTimeout(300);
  const drawn = await page.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = new DOMMatrixReadOnly(viewport ? getComputedStyle(viewport).transform : undefined).a;
    return Array.from(document.querySelectorAll('.react-flow__node-card')).map((node) => {
      const box = node.getBoundingClientRect();
      const handles = Array.from(node.querySelectorAll<HTMLElement>('.react-flow__handle')).map((h) => {
        const r = h.getBoundingClientRect();
        return {
          id: h.dataset['handleid'] ?? '',
          x: (r.left - box.left) / zoom,
          y: (r.top - box.top) / zoom,
          width: h.offsetWidth,
          height: h.offsetHeight,
        };
      });
      return {
        label: node.getAttribute('aria-label'),
        width: box.width / zoom,
        height: box.height / zoom,
        handles,
      };
    });
  });
  expect(drawn.length).toBeGreaterThan(5);
  for (const card of drawn) {
    const inputs = card.handles.filter((h) => h.id.startsWith('in-')).length;
    const outputs = card.handles.length - inputs;
    const expected = cardHandles(inputs, outputs, card);
    for (const h of card.handles) {
      const e = expected.find((x) => x.id === h.id);
      expect(e, `${card.label ?? '?'} ${h.id}`).toBeDefined();
      expect(Math.abs((e?.x ?? NaN) - h.x), `${card.label ?? '?'} ${h.id} x`).toBeLessThan(0.5);
      expect(Math.abs((e?.y ?? NaN) - h.y), `${card.label ?? '?'} ${h.id} y`).toBeLessThan(0.5);
      expect([e?.width, e?.height]).toEqual([h.width, h.height]);
    }
  }
});
