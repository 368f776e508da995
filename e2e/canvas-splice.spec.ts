import { expect, test, type Locator, type Page } from '@playwright/test';
import { startIn } from './pages/studio';

/** The words a user meets, in both languages. */
const words = {
  en: {
    search: 'Search the palette',
    batchNorm: 'BatchNorm',
    linear: 'Linear',
    to: 'to',
    undo: 'Undo',
    between: (name: string) => `Inserted ${name} between features.0.2 and stage_1.`,
    refused: (name: string) =>
      new RegExp(`^${name} cannot follow features\\.0\\.0, so it was left unconnected: \\S.+`),
    flatten: 'Add a Flatten first',
  },
  zh: {
    search: '搜索组件面板',
    batchNorm: '批归一化',
    linear: '全连接层',
    to: '到',
    undo: '撤销',
    between: (name: string) => `已在 features.0.2 与 stage_1 之间插入 ${name}。`,
    refused: (name: string) => new RegExp(`^${name} 不能接在 features\\.0\\.0 之后，已保持未连接：\\S.+`),
    flatten: '先加一个 Flatten',
  },
} as const;

type Lang = keyof typeof words;

/** A wire by the names of its ends (its label goes on with the shape it carries). */
const wire = (page: Page, lang: Lang, from: string, to: string): Locator =>
  page.locator(`.react-flow__edge[aria-label^="${from} ${words[lang].to} ${to}"]`);

/** The middle of a wire on screen: the middle of its drawn path. */
async function middleOf(w: Locator): Promise<{ x: number; y: number }> {
  const box = await w.locator('path.react-flow__edge-path').boundingBox();
  if (box === null) throw new Error('wire not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Starts dragging a palette item with the mouse, and moves it to a point; the button stays down. */
async function dragItemTo(
  page: Page,
  lang: Lang,
  title: string,
  to: { x: number; y: number },
): Promise<void> {
  await page.getByRole('searchbox', { name: words[lang].search }).fill(title);
  const item = page.getByRole('navigation').getByRole('button', { name: title, exact: true });
  const box = await item.boundingBox();
  if (box === null) throw new Error(`${title} is not in the palette`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
}

const message = (page: Page) => page.getByRole('status').last();

const labels = (page: Page): Promise<string[]> =>
  page.locator('.react-flow__node').evaluateAll((ns) => ns.map((n) => n.getAttribute('aria-label') ?? ''));

/** The name of the one card added since `before` (the names then). */
async function added(page: Page, before: readonly string[]): Promise<string> {
  await expect.poll(async () => (await labels(page)).length).toBe(before.length + 1);
  const name = (await labels(page)).find((l) => !before.includes(l));
  if (name === undefined) throw new Error('no new card');
  return name;
}

for (const lang of ['en', 'zh'] as const)
  test(`a layer dropped on a wire goes into it, the wire lit while dragging; one undo takes it out, ${lang}`, async ({
    page,
  }) => {
    const w = words[lang];
    await startIn(page, lang);
    const target = wire(page, lang, 'features.0.2', 'stage_1');
    await expect(target).toHaveCount(1);
    const before = await labels(page);
    const at = await middleOf(target);

    // While the layer is over the wire, the wire (and only it) is lit.
    await dragItemTo(page, lang, w.batchNorm, at);
    await expect(target.locator('.shape-edge.drop-target')).toHaveCount(1);
    await expect(page.locator('.shape-edge.drop-target')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath(`splice-drag-${lang}.png`) });
    await page.mouse.up();

    // It is wired in: features.0.2 → the new layer → stage_1, and no wire is lit any more.
    const name = await added(page, before);
    await expect(wire(page, lang, 'features.0.2', name)).toHaveCount(1);
    await expect(wire(page, lang, name, 'stage_1')).toHaveCount(1);
    await expect(target).toHaveCount(0);
    await expect(page.locator('.shape-edge.drop-target')).toHaveCount(0);
    await expect(message(page)).toContainText(w.between(name));
    await page.screenshot({ path: test.info().outputPath(`splice-after-${lang}.png`) });

    // One undo: the layer is gone and the wire is whole again.
    await page.getByRole('banner').getByRole('button', { name: w.undo, exact: true }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(before.length);
    await expect(target).toHaveCount(1);
    await expect(page.locator(`.react-flow__node[aria-label="${name}"]`)).toHaveCount(0);
  });

for (const lang of ['en', 'zh'] as const)
  test(`a layer that cannot take the wire is placed unconnected, with one sentence why; off a wire it is only placed, ${lang}`, async ({
    page,
  }) => {
    const w = words[lang];
    await startIn(page, lang);
    const target = wire(page, lang, 'features.0.0', 'features.0.1');
    const wires = await page.locator('.react-flow__edge').count();
    const before = await labels(page);

    // A fully connected layer wants a vector, the wire carries a feature map: left beside it.
    await dragItemTo(page, lang, w.linear, await middleOf(target));
    await expect(target.locator('.shape-edge.drop-target')).toHaveCount(1);
    await page.mouse.up();
    const linear = await added(page, before);
    await expect(page.locator(`.react-flow__node[aria-label="${linear}"]`)).toBeVisible();
    const alert = page.getByRole('alert');
    await expect(alert.locator('p')).toHaveText(w.refused(linear));
    await expect(alert.getByRole('button', { name: w.flatten })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`splice-refused-${lang}.png`) });
    await expect(target).toHaveCount(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(wires);
    await expect(page.locator(`.react-flow__edge[aria-label*="${linear}"]`)).toHaveCount(0);

    // Dropped where there is no wire, a layer is placed there and nothing is rewired.
    const pane = await page.locator('.canvas').boundingBox();
    if (pane === null) throw new Error('no canvas');
    const placed = await labels(page);
    await dragItemTo(page, lang, w.batchNorm, { x: pane.x + 40, y: pane.y + pane.height - 120 });
    await expect(page.locator('.shape-edge.drop-target')).toHaveCount(0);
    await page.mouse.up();
    await expect(page.locator(`.react-flow__node[aria-label="${await added(page, placed)}"]`)).toBeVisible();
    await expect(page.locator('.react-flow__edge')).toHaveCount(wires);
  });

test('Enter on a palette item puts it into the selected wire, as a drop on it does', async ({ page }) => {
  await startIn(page, 'en');
  const target = wire(page, 'en', 'features.0.2', 'stage_1');
  const at = await middleOf(target);
  await page.mouse.click(at.x, at.y);
  await expect(target).toHaveClass(/selected/);
  await page.getByRole('searchbox', { name: words.en.search }).fill('BatchNorm');
  const before = await labels(page);
  await page.getByRole('navigation').getByRole('button', { name: 'BatchNorm', exact: true }).press('Enter');
  const name = await added(page, before);
  await expect(wire(page, 'en', 'features.0.2', name)).toHaveCount(1);
  await expect(wire(page, 'en', name, 'stage_1')).toHaveCount(1);
  await expect(target).toHaveCount(0);
});
