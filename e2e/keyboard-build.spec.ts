import { expect, test, type Page } from '@playwright/test';
import { Studio } from './pages/studio';

/** Counts what the researcher does: each key chord, and each word typed, is one action. */
class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(...keys: string[]): Promise<void> {
    for (const k of keys) {
      await this.page.keyboard.press(k);
      this.count++;
    }
  }
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.count++;
  }
}

test('a ShuffleNetV2-like network from File → New design, with the keyboard alone', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  const keys = new Keys(page);
  // Past the two skip links, into the top bar: the design name, then the File menu.
  await keys.press('Tab', 'Tab', 'Tab', 'Tab');
  await expect(studio.button('File')).toBeFocused();
  await keys.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'New design' })).toBeFocused();
  await keys.press('Enter');
  await expect(studio.nodes).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1); // Input and Output start wired

  const add = async (query: string, expected: string) => {
    await keys.press('/');
    await keys.press('Control+A'); // what was searched before is typed over (Escape leaves the search)
    await keys.type(query);
    await keys.press('Enter');
    await expect(studio.node(expected)).toBeVisible();
  };
  /** F2 goes to the first setting; Tab moves on; Escape returns to the node. */
  const settings = async (...steps: string[]) => {
    await keys.press('F2');
    await expect(studio.inspector.locator('input:focus, select:focus')).toHaveCount(1);
    for (const s of steps) {
      if (s === 'Tab') await keys.press('Tab');
      else await keys.type(s);
    }
    await keys.press('Escape');
  };

  await add('Conv2d', 'conv_1');
  await settings('24', 'Tab', 'Tab', 'Tab', '2', 'Tab', '2'); // 24 channels, stride 2
  await expect(studio.shapeOf('conv_1')).toHaveText('1×24×112×112');
  await add('max pool', 'max_pool_1');
  await expect(studio.shapeOf('max_pool_1')).toHaveText('1×24×56×56');
  await add('ShuffleNetV2 unit', 'shuffle_v2_1');
  await expect(studio.shapeOf('shuffle_v2_1')).toHaveText('1×24×56×56'); // the wire's width
  await settings('116', 'Tab', '2');
  await expect(studio.shapeOf('shuffle_v2_1')).toHaveText('1×116×28×28');
  // More units: the search still says ShuffleNetV2 unit; each takes the unit before's width.
  await keys.press('/', 'Enter');
  await keys.press('Enter');
  await keys.press('Enter');
  await expect(studio.shapeOf('shuffle_v2_4')).toHaveText('1×116×28×28');
  await add('pointwise', 'conv_2');
  await settings('1024');
  await expect(studio.shapeOf('conv_2')).toHaveText('1×1024×28×28');
  await add('global', 'global_pool_1');
  // Linear cannot take a 4-d map: the reason at once, and the fix focused.
  await keys.press('/', 'Control+A');
  await keys.type('Linear');
  await keys.press('Enter');
  const fix = page.getByRole('button', { name: 'Add a Flatten first' });
  await expect(page.getByRole('alert')).toContainText('linear_1 cannot follow global_pool_1');
  await expect(fix).toBeFocused();
  await keys.press('Enter');
  await expect(studio.shapeOf('linear_1')).toHaveText('1×1000');

  // All valid: no problems, and the chain runs input → … → output.
  await expect(page.getByRole('button', { name: 'Diagnostics: No problems' })).toBeVisible();
  await expect(page.locator('.status-nodes')).toHaveText('12 nodes · 56 layers');
  // Alt+↓ walks the wire to the Output, which the chain has fed all along.
  await keys.press('Alt+ArrowDown');
  await expect(studio.node('output')).toBeFocused();
  await expect(
    page.locator('.react-flow__edge').and(page.getByLabel('linear_1 to output, 1×1000', { exact: true })),
  ).toHaveCount(1);
  test.info().annotations.push({ type: 'keyboard actions', description: String(keys.count) });
  console.log(`keyboard actions: ${keys.count}`);
  studio.expectNoErrors();
});
