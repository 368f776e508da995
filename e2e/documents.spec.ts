import { expect, test, type Page } from '@playwright/test';
import { Studio } from './pages/studio';

/** Opens an example from the palette with the keyboard, as a new document. */
/** A fresh profile (each test has its own); a first start lays out the default design, slow on a busy machine. */
async function boot(studio: Studio): Promise<void> {
  await studio.page.goto('/');
  await expect(studio.canvas).toBeVisible({ timeout: 30_000 });
  await expect(studio.nodes.first()).toBeVisible();
}

async function openExample(studio: Studio, title: string): Promise<void> {
  await studio.paletteItem(title).focus();
  await studio.page.keyboard.press('Enter');
  await expect(
    studio.page.getByRole('status').filter({ hasText: `(${title}) as a new design.` }),
  ).toBeVisible();
}

/** In the page: how many undo steps the open document has in storage. */
function storedUndoSteps(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('compact-studio-documents');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('documents')) {
            db.close();
            resolve(0);
            return;
          }
          const store = db.transaction('documents', 'readonly').objectStore('documents');
          const current = store.get('current');
          current.onsuccess = () => {
            const history = store.get(`history:${String(current.result)}`);
            history.onsuccess = () => {
              db.close();
              const value = history.result as { past?: unknown[] } | undefined;
              resolve(value?.past?.length ?? 0);
            };
          };
        };
        open.onerror = () => {
          resolve(0);
        };
      }),
  );
}

const recentList = (page: Page) =>
  page.getByRole('dialog', { name: 'Recent designs' }).getByRole('list', { name: 'Designs in this browser' });

test.describe('designs are documents', () => {
  test.setTimeout(120_000);

  test('an example opens beside an edited design, which stays in File → Recent designs', async ({ page }) => {
    const studio = new Studio(page);
    await boot(studio);
    await studio.designName.fill('My edited net');
    await studio.waitForAutosave('My edited net');
    await openExample(studio, 'MorphNet, uniform expansion');
    const notice = page
      .getByRole('status')
      .filter({ hasText: '“My edited net” is kept in File → Recent designs.' });
    await expect(notice).toBeVisible();
    await expect(studio.designName).not.toHaveValue('My edited net');
    await page.screenshot({ path: test.info().outputPath('opened-beside.png') });

    await studio.menu('File', 'Recent designs…');
    const list = recentList(page);
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').filter({ hasText: 'My edited net' })).toContainText('Edited');
    await page.screenshot({ path: test.info().outputPath('recent.png') });
    await list.getByRole('button', { name: 'Open “My edited net”' }).click();
    await expect(studio.designName).toHaveValue('My edited net');
    // And back again, from the notice.
    await page.getByRole('button', { name: /^Back to “MorphNet/ }).click();
    await expect(studio.designName).not.toHaveValue('My edited net');
    studio.expectNoErrors();
  });

  test('a reload reopens the last design with its undo history', async ({ page }) => {
    const studio = new Studio(page);
    await boot(studio);
    const original = await studio.designName.inputValue();
    await studio.designName.fill('Renamed before the reload');
    await studio.waitForAutosave('Renamed before the reload');
    await expect.poll(() => storedUndoSteps(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.reload();
    await studio.waitForCanvas();
    await expect(studio.designName).toHaveValue('Renamed before the reload');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect(undo).toBeEnabled();
    await undo.click();
    await expect(studio.designName).toHaveValue(original);
  });

  test('deleting a document asks first, and can be undone', async ({ page }) => {
    const studio = new Studio(page);
    await boot(studio);
    await studio.designName.fill('Keep me');
    await studio.waitForAutosave('Keep me');
    await openExample(studio, 'MorphNet, uniform expansion');
    await studio.menu('File', 'Recent designs…');
    const list = recentList(page);
    await list.getByRole('button', { name: 'Delete “Keep me”' }).click();
    const confirm = list.getByRole('group', { name: 'Delete “Keep me”' });
    await expect(confirm).toContainText('Delete “Keep me” from this browser?');
    // The question takes the focus; Escape keeps the document.
    await expect(confirm.getByRole('button', { name: 'Delete' })).toBeFocused();
    await page.screenshot({ path: test.info().outputPath('confirm.png') });
    await page.keyboard.press('Escape');
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await list.getByRole('button', { name: 'Delete “Keep me”' }).click();
    await page.keyboard.press('Enter');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    const notice = page.getByRole('status').filter({ hasText: 'Deleted “Keep me”.' });
    await expect(notice).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('deleted.png') });
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(list.getByRole('listitem').filter({ hasText: 'Keep me' })).toBeVisible();
    await expect(list.getByRole('listitem')).toHaveCount(2);
  });
});
