import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { Studio } from './pages/studio';

test.describe('ONNX from the app', () => {
  test('the design exports to a model onnxruntime runs, and the file imports back with the same figures', async ({
    page,
  }) => {
    const studio = new Studio(page);
    await studio.open();
    const status = page.getByRole('contentinfo', { name: 'Status' });
    const figuresOf = (text: string | null): string => (text ?? '').replace(/^.*?layers/, '');
    const figures = figuresOf(await status.textContent());
    expect(figures).toMatch(/Params\s*3\.50M.*Multiply-adds\s*300\.8M/);

    const downloading = page.waitForEvent('download');
    await studio.menu('File', 'Export ONNX');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('mobilenetv2.onnx');
    const file = await download.path();

    const bytes = await readFile(file);
    const session = await ort.InferenceSession.create(bytes);
    const input = session.inputNames[0] ?? '';
    const out = await session.run({
      [input]: new ort.Tensor('float32', new Float32Array(3 * 224 * 224), [1, 3, 224, 224]),
    });
    expect(Object.values(out)[0]?.dims).toEqual([1, 1000]);

    await studio.newDesign();
    const choosing = page.waitForEvent('filechooser');
    await studio.menu('File', 'Import ONNX…');
    await (
      await choosing
    ).setFiles({ name: 'mobilenetv2.onnx', mimeType: 'application/octet-stream', buffer: bytes });
    const notice = page.getByRole('status').filter({ hasText: /Imported mobilenetv2\.onnx/ });
    await expect(notice).toBeVisible();
    await expect(studio.designName).toHaveValue('MobileNetV2');
    // Params, multiply-adds, memory access and peak activations as before the round trip.
    // Dropout is the identity at inference and is not written to ONNX: one layer fewer, same figures.
    await expect(status).toContainText('154 layers');
    expect(figuresOf(await status.textContent())).toBe(figures);
    // Blocks are recognised: the first inverted residual comes back as one block, not seven primitives,
    // named after its outermost module (the one-unit stage_1; a file has no stages).
    await expect(studio.node('stage_1')).toContainText('Inverted residual');
    const nodes = await studio.nodes.count();
    await studio.waitForAutosave('MobileNetV2');
    await page.reload();
    await studio.waitForCanvas();
    await expect(studio.designName).toHaveValue('MobileNetV2');
    await expect(studio.nodes).toHaveCount(nodes);
    // 13.5 MiB of weights, more than localStorage holds, came back from IndexedDB with the design.
    await page.getByRole('tab', { name: 'Run' }).click();
    await expect(page.getByRole('note', { name: 'Weights' })).toHaveText(
      'Weights imported from mobilenetv2.onnx.',
    );
    await expect(page.getByRole('button', { name: /Weights not kept/ })).toHaveCount(0);
    studio.expectNoErrors();
  });

  test('a file that is not ONNX is refused with the reason, and the design is kept', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    const name = await studio.designName.inputValue();
    const choosing = page.waitForEvent('filechooser');
    await studio.menu('File', 'Import ONNX…');
    await (
      await choosing
    ).setFiles({
      name: 'broken.onnx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([8, 7, 18, 255, 255, 1]),
    });
    await expect(page.getByRole('alert')).toContainText('broken.onnx cannot be imported');
    await expect(studio.designName).toHaveValue(name);
  });
});
