import { expect, test, type Page } from '@playwright/test';
import { openInLanguage, readOpenDocument } from './pages/studio';

/**
 * File → Recent designs in Chinese: an example opens beside an edited design, the list shows both
 * with their names, pictures and when they were edited, one opens, and one is deleted after a
 * question and comes back with Undo.
 */

async function bootInChinese(page: Page): Promise<void> {
  await openInLanguage(page, 'zh');
  await expect(page.getByRole('main', { name: '画布' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

const designName = (page: Page) => page.getByRole('textbox', { name: '设计名称' });

/** Waits until the open document's autosave (IndexedDB) holds a design with this name. */
async function waitForAutosave(page: Page, name: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(readOpenDocument), { timeout: 15_000 })
    .toContain(JSON.stringify(name));
}

async function openExample(page: Page, title: string): Promise<void> {
  const item = page
    .getByRole('navigation', { name: '组件面板' })
    .getByRole('button', { name: title, exact: true });
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '打开为新设计' }).first()).toBeVisible({
    timeout: 30_000,
  });
}

async function openRecent(page: Page) {
  await page.getByRole('button', { name: '文件', exact: true }).click();
  await page.getByRole('menuitem', { name: '最近的设计…' }).click();
  const dialog = page.getByRole('dialog', { name: '最近的设计' });
  await expect(dialog).toBeVisible();
  return dialog.getByRole('list', { name: '此浏览器中的设计' });
}

test.describe('最近的设计 (Recent designs) in Chinese', () => {
  test.setTimeout(120_000);

  test('lists each design with its name and picture, opens one, and deletes one after asking, with Undo', async ({
    page,
  }) => {
    await bootInChinese(page);
    await designName(page).fill('我的网络');
    await waitForAutosave(page, '我的网络');
    await openExample(page, 'MorphNet：均匀扩展');
    // The notice says where the previous design is, and leads back to it.
    const kept = page.getByRole('status').filter({ hasText: '“我的网络”保留在 文件 → 最近的设计 中。' });
    await expect(kept).toBeVisible();
    await expect(designName(page)).not.toHaveValue('我的网络');
    const example = await designName(page).inputValue();

    const list = await openRecent(page);
    const items = list.getByRole('listitem');
    await expect(items).toHaveCount(2);
    const mine = items.filter({ hasText: '我的网络' });
    await expect(mine).toContainText(/编辑于/);
    await expect(items.filter({ hasText: example })).toContainText('当前打开');
    // Each design has its picture: an SVG drawing of its graph, loaded.
    for (const img of await list.locator('img.recent-thumb').all()) {
      await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml/);
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    }
    await page.screenshot({ path: test.info().outputPath('recent-zh.png') });

    // Open the edited design from the list.
    await list.getByRole('button', { name: '打开“我的网络”' }).click();
    await expect(designName(page)).toHaveValue('我的网络');

    // Delete the example: a question first (Escape keeps it), then Enter deletes, then Undo.
    const again = await openRecent(page);
    await again.getByRole('button', { name: `删除“${example}”` }).click();
    const confirm = again.getByRole('group', { name: `删除“${example}”` });
    await expect(confirm).toContainText(`要从此浏览器中删除“${example}”吗？`);
    await expect(confirm.getByRole('button', { name: '删除', exact: true })).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('confirm-zh.png') });
    await page.keyboard.press('Escape');
    await expect(again.getByRole('listitem')).toHaveCount(2);
    await again.getByRole('button', { name: `删除“${example}”` }).click();
    await page.keyboard.press('Enter');
    await expect(again.getByRole('listitem')).toHaveCount(1);
    const deleted = page.getByRole('status').filter({ hasText: `已删除“${example}”。` });
    await expect(deleted).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('deleted-zh.png') });
    await deleted.getByRole('button', { name: '撤销' }).click();
    await expect(again.getByRole('listitem').filter({ hasText: example })).toBeVisible();
    await expect(again.getByRole('listitem')).toHaveCount(2);
  });
});
