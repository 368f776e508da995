import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { Studio } from './pages/studio';

const fixture = join(import.meta.dirname, '../fixtures/torch/squeezenet1_1.bn.op13.onnx.gz');
const python = process.env['PYTHON'] ?? '/usr/bin/python3';

test.describe('PyTorch from the app', () => {
  test('File → Export PyTorch downloads readable code that compiles', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    const downloading = page.waitForEvent('download');
    await studio.menu('File', 'Export PyTorch');
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('mobilenetv2.py');
    const file = await download.path();
    const source = await readFile(file, 'utf8');
    expect(source).toContain('class InvertedResidual(nn.Module):');
    expect(source).toContain('class MobileNetV2(nn.Module):');
    expect(source).toContain('WEIGHTS = None');
    const compiled = spawnSync(python, ['-m', 'py_compile', file], { encoding: 'utf8' });
    expect(compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    await expect(page.getByRole('status').filter({ hasText: 'Exported mobilenetv2.py' })).toBeVisible();
    studio.expectNoErrors();
  });

  test('an imported model exports its weights beside the code, keyed by module name', async ({ page }) => {
    const studio = new Studio(page);
    await studio.open();
    const choosing = page.waitForEvent('filechooser');
    await studio.menu('File', 'Import ONNX…');
    await (
      await choosing
    ).setFiles({
      name: 'squeezenet.onnx',
      mimeType: 'application/octet-stream',
      buffer: gunzipSync(await readFile(fixture)),
    });
    await expect(page.getByRole('status').filter({ hasText: /Imported squeezenet\.onnx/ })).toBeVisible();
    const names: string[] = [];
    page.on('download', (d) => names.push(d.suggestedFilename()));
    const downloading = page.waitForEvent('download');
    await studio.menu('File', 'Export PyTorch');
    await expect(
      page.getByRole('status').filter({ hasText: /Exported .*\.zip: .*\.py and .*\.safetensors/ }),
    ).toBeVisible();
    // One download (a browser blocks a second automatic one): a zip, unpacked here by Python's zipfile.
    const zip = await (await downloading).path();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/\.zip$/);
    const dir = await mkdtemp(join(tmpdir(), 'torch-zip-'));
    const unpack =
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2]); print("\\n".join(z.namelist()))';
    const unpacked = spawnSync(python, ['-c', unpack, zip, dir], { encoding: 'utf8' });
    expect(unpacked.status).toBe(0);
    const [py = '', weights = ''] = unpacked.stdout.trim().split('\n');
    expect(py).toBe((names[0] ?? '').replace(/\.zip$/, '.py'));
    expect(weights).toBe(py.replace(/\.py$/, '.safetensors'));
    const files = new Map([py, weights].map((f) => [f, join(dir, f)]));
    const source = await readFile(files.get(py) ?? '', 'utf8');
    expect(source).toContain(`WEIGHTS = "${weights}"`);
    expect(source).toContain('class Fire(nn.Module):');
    const bytes = await readFile(files.get(weights) ?? '');
    const length = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + length).toString('utf8')) as Record<string, unknown>;
    // SqueezeNet's third feature module is a Fire block: its squeeze conv under the block's module path.
    expect(Object.keys(header).some((k) => /\.squeeze1x1\.weight$/.test(k))).toBe(true);
    studio.expectNoErrors();
  });
});
