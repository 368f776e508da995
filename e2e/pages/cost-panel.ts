import { expect, type Locator, type Page } from '@playwright/test';

/** The Cost tab and the layers drawer, found by accessible names. */
export class CostPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Cost' }).click();
    await expect(this.panel.getByRole('heading', { name: 'Totals' })).toBeVisible();
  }

  get panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Cost' });
  }

  /** A totals card by its figure id: params, multiplyAdds, memoryAccessConvFc, memoryAccess, activationSum, activationPeak. */
  total(figure: string): Locator {
    return this.panel.locator(`.cost-total[data-figure="${figure}"]`);
  }

  value(figure: string): Locator {
    return this.total(figure).getByTestId('figure-value');
  }

  delta(figure: string): Locator {
    return this.total(figure).getByTestId('delta');
  }

  get flopsSwitch(): Locator {
    return this.panel.getByRole('switch', { name: 'Show FLOPs' });
  }

  budget(label: string): Locator {
    return this.panel.getByRole('textbox', { name: label, exact: true });
  }

  async setBudget(label: string, value: string): Promise<void> {
    await this.budget(label).fill(value);
    await this.budget(label).press('Enter');
  }

  get width(): Locator {
    return this.panel.getByRole('slider', { name: 'Width multiplier' });
  }

  get resolution(): Locator {
    return this.panel.getByRole('combobox', { name: 'Input resolution' });
  }

  get hints(): Locator {
    return this.panel.getByRole('list', { name: 'Guideline hints' }).getByRole('listitem');
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  get compare(): Locator {
    return this.panel.getByRole('table', { name: 'Baseline against current design' });
  }

  get diff(): Locator {
    return this.panel.getByRole('table', { name: 'Per-block changes' });
  }

  async openDrawer(): Promise<void> {
    await this.page.getByRole('button', { name: /Layers & charts/ }).click();
    await expect(this.layerTable).toBeVisible();
  }

  get layerTable(): Locator {
    return this.page.getByRole('table', { name: 'Per-layer costs' });
  }
}
