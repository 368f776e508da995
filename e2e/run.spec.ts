import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { decodeNpy } from '../src/runtime/npy';

/** Session creation fetches and compiles 14 MB of wasm: generous, but never a sleep. */
const RUN_TIMEOUT = 120_000;

class RunTab {
  constructor(readonly page: Page) {}
  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('tab', { name: 'Run' }).click();
  }
  get panel() {
    return this.page.getByRole('tabpanel');
  }
  async run(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Run', exact: true }).click();
  }
  async waitForResult(): Promise<void> {
    await expect(this.panel.getByLabel('Latency')).toBeVisible({ timeout: RUN_TIMEOUT });
  }
  async save(name: RegExp): Promise<Uint8Array> {
    const download = this.page.waitForEvent('download');
    await this.panel.getByRole('button', { name }).click();
    return new Uint8Array(await readFile(await (await download).path()));
  }
  /** The canvas renders only the cards in view: take the i-th of those (module frames are not cards). */
  canvasNode(i: number) {
    return this.page
      .locator('.react-flow__node')
      .filter({ has: this.page.locator('.card-label') })
      .nth(i);
  }
}

test.describe('Run tab', () => {
  test.setTimeout(240_000);

  test('runs MobileNetV2 on a sample like onnxruntime-node, with latency, top-5 and feature maps', async ({
    page,
  }) => {
    const tab = new RunTab(page);
    await tab.open();
    await tab.panel.getByRole('radio', { name: 'Coffee' }).click();
    await tab.panel.getByLabel('Backend').selectOption('wasm');
    await expect(tab.panel.getByRole('img', { name: /Preprocessed input: coffee.jpg/ })).toBeVisible();
    await tab.run();
    await tab.waitForResult();
    await expect(tab.panel.getByText(/Ran on WASM, \d+ threads?/)).toBeVisible();
    await expect(tab.panel.getByLabel('Latency')).toContainText(/\d ms median of \d+ runs/);
    await expect(tab.panel.getByRole('list', { name: /Top-5/ }).getByRole('listitem')).toHaveCount(5);
    // Where the weights come from stands with the classes themselves, not only above the Run button.
    await expect(tab.panel.getByRole('list', { name: /Top-5/ })).toHaveAccessibleDescription(
      /untrained weights \(He-initialised, seed 0\)/,
    );

    // The same bytes and input in onnxruntime-node, here in the test process.
    const model = await tab.save(/model/);
    const input = decodeNpy(await tab.save(/input/));
    const browser = decodeNpy(await tab.save(/output/));
    expect(input.shape).toEqual([1, 3, 224, 224]);
    const session = await ort.InferenceSession.create(model);
    const out = await session.run({ input: new ort.Tensor('float32', input.data, input.shape) });
    const native = out[session.outputNames[0] ?? '']?.data as Float32Array;
    await session.release();
    expect(browser.shape).toEqual([1, 1000]);
    expect(native).toHaveLength(1000);
    let worst = 0;
    native.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - (browser.data[i] ?? NaN)))));
    expect(worst).toBeLessThanOrEqual(1e-4);
    // Logits with some spread, so the comparison says something (He-initialised weights).
    expect(Math.max(...native) - Math.min(...native)).toBeGreaterThan(1);

    await expect(tab.panel.getByRole('list', { name: 'Time per node' })).toBeVisible({
      timeout: RUN_TIMEOUT,
    });
    // Per-node times reach the canvas cards too.
    await expect(page.getByTestId('node-time').first()).toContainText(/\d ms/);
    const node = tab.canvasNode(1);
    const label = (await node.locator('.card-label').textContent()) ?? '';
    expect(label).not.toBe('');
    await node.click();
    await expect(tab.panel.getByRole('img', { name: `Feature maps of ${label}` })).toBeVisible({
      timeout: RUN_TIMEOUT,
    });
    await expect(tab.panel.getByText(/: 1×\d+×\d+×\d+; each channel/)).toBeVisible();
  });

  test('a broken design shows its error, and the app keeps working', async ({ page }) => {
    const tab = new RunTab(page);
    await tab.open();
    const cards = page.locator('.react-flow__node');
    const before = await cards.count();
    // The stem conv maps 3 → 32 channels, so deleting it cannot bridge: the design breaks.
    await tab.canvasNode(1).click();
    await page.keyboard.press('Delete');
    await expect(cards).toHaveCount(before - 1);
    await tab.run();
    const alert = tab.panel.getByRole('alert');
    await expect(alert).toContainText('cannot run');
    await expect(alert).toContainText('design-invalid');
    await expect(alert).toContainText('Fix the problems marked on the canvas');
    // The canvas still answers, and the repaired design runs.
    await page.keyboard.press('Control+z');
    await expect(cards).toHaveCount(before);
    await tab.run();
    await tab.waitForResult();
    await expect(alert).toHaveCount(0);
  });
});
