import { expect, test } from '@playwright/test';
import { Studio, openInLanguage } from './pages/studio';

/** The words each language shows for the scale section's controls. */
const words = {
  en: {
    tab: 'Cost',
    totals: 'Totals',
    budget: 'Multiply-adds',
    round8: 'Round widths to a multiple of 8',
    fit: 'Fit to budget',
    found: 'widths a multiple of 8',
    note: 'torchvision’s rule',
  },
  zh: {
    tab: '代价',
    totals: '总计',
    budget: '乘加数',
    round8: '宽度取整到 8 的倍数',
    fit: '适配预算',
    found: '宽度为 8 的倍数',
    note: 'torchvision 的规则',
  },
} as const;

for (const lang of ['en', 'zh'] as const) {
  test(`MorphNet's fit to budget rounds widths to a multiple of 8 when asked (${lang})`, async ({ page }) => {
    const w = words[lang];
    const studio = new Studio(page);
    await openInLanguage(page, lang);
    await page.getByRole('tab', { name: w.tab }).click();
    const panel = page.getByRole('tabpanel', { name: w.tab });
    await expect(panel.getByRole('heading', { name: w.totals })).toBeVisible();

    const round8 = panel.getByRole('checkbox', { name: w.round8 });
    await expect(round8).not.toBeChecked();
    await round8.check();
    await expect(panel.getByText(w.note)).toBeVisible();

    const budget = panel.getByRole('textbox', { name: w.budget, exact: true });
    await budget.fill('200M');
    await budget.press('Enter');
    await panel.getByRole('button', { name: w.fit, exact: true }).click();
    const status = panel.getByRole('status').filter({ hasText: w.found });
    await expect(status).toBeVisible();
    // Within the budget: the exact count the totals card carries.
    const exact = await panel
      .locator('.cost-total[data-figure="multiplyAdds"] [aria-label*=": "]')
      .first()
      .getAttribute('aria-label');
    const madds = Number((exact ?? '').split(':').pop()?.replace(/\D/g, ''));
    expect(madds).toBeGreaterThan(100e6);
    expect(madds).toBeLessThanOrEqual(200e6);
    // The switch stays on for the scaled design: moving the slider keeps multiples of 8.
    await expect(round8).toBeChecked();
    studio.expectNoErrors();
  });
}
