import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CostPanel } from './pages/cost-panel';
import { Studio } from './pages/studio';

// Each screen starts from a fresh page, so both workers share this file (8 min one after the other).
test.describe.configure({ mode: 'parallel' });

/** Serious and critical violations on the page as it is now, one line each, with where. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    // Off by default (experimental) in axe; a name that does not contain the visible label is serious.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact ?? ''}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    );
}

/** Every screen: how to get there from the open app (each starts from a fresh page). */
const screens: readonly { readonly name: string; readonly show: (page: Page) => Promise<void> }[] = [
  { name: 'canvas with the inspector', show: async () => {} },
  {
    name: 'a selected block in the inspector',
    show: async (page) => {
      await new Studio(page).node('stage_1').click();
    },
  },
  {
    name: 'cost tab',
    show: async (page) => {
      await new CostPanel(page).open();
    },
  },
  {
    name: 'run tab',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Run' }).click();
      await expect(page.getByRole('tabpanel', { name: 'Run' })).toBeVisible();
    },
  },
  {
    name: 'layers drawer',
    show: async (page) => {
      await new CostPanel(page).openDrawer();
    },
  },
  {
    name: 'help overlay',
    show: async (page) => {
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
  {
    name: 'share dialog',
    show: async (page) => {
      await new Studio(page).button('File').click();
      await page.getByRole('menuitem', { name: 'Share link…' }).click();
      await expect(page.getByRole('dialog', { name: 'Share link' })).toBeVisible();
    },
  },
  {
    name: 'File menu',
    show: async (page) => {
      await new Studio(page).button('File').click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'View menu',
    show: async (page) => {
      await new Studio(page).button('View').click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'picture dialog',
    show: async (page) => {
      await new Studio(page).button('File').click();
      await page.getByRole('menuitem', { name: 'Export PNG…' }).click();
      await expect(page.getByRole('dialog', { name: 'Export picture (PNG at 2×)' })).toBeVisible();
    },
  },
  {
    name: 'a collapsed module group',
    show: async (page) => {
      await page.getByRole('button', { name: 'Collapse module features.0' }).click();
      await expect(page.getByRole('button', { name: 'Expand module features.0' })).toBeVisible();
    },
  },
  {
    name: 'connect dialog',
    show: async (page) => {
      await new Studio(page).node('input').click();
      await page.keyboard.press('c');
      await expect(page.getByRole('dialog', { name: 'Connect input' })).toBeVisible();
    },
  },
  {
    name: 'learn tab with a lesson open',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Learn' }).click();
      await page.getByRole('button', { name: 'Open the example on the canvas' }).click();
      await expect(page.getByRole('table', { name: 'Figures on the canvas' })).toBeVisible();
    },
  },
  {
    name: 'compare dialog',
    show: async (page) => {
      await page.locator('.react-flow').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('d');
      await expect(page.getByRole('dialog', { name: 'Compare two designs' })).toBeVisible();
    },
  },
];

for (const theme of ['light', 'dark'] as const)
  for (const screen of screens)
    test(`axe: ${screen.name}, ${theme} theme`, async ({ page }) => {
      const studio = new Studio(page);
      await studio.open();
      if (theme === 'dark') await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await screen.show(page);
      expect(await violations(page)).toEqual([]);
    });
