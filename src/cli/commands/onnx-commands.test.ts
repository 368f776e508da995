import { describe, expect, it } from 'vitest';
import { cliInMemory as cli } from '../../../test-support/cli';
import { serializeDesign } from '../../core/document/format';
import { fireNet } from '../../../test-support/onnx-designs';

describe('cli export and import', () => {
  it('exports a design and imports it back', async () => {
    const files: Record<string, Uint8Array | string> = { 'd.json': serializeDesign(fireNet()) };
    const e = await cli(['export', 'd.json', '-o', 'm.onnx', '--opset', '13', '--seed', '0'], files);
    expect(e.status).toBe(0);
    expect(e.out).toMatch(/wrote m\.onnx: .* opset 13/);
    const i = await cli(['import', 'm.onnx', '-o', 'back.json'], files);
    expect(i.status).toBe(0);
    expect(i.out).toMatch(/2 of them blocks/);
    expect(String(files['back.json'])).toContain('"kind": "Fire"');
  });

  it('exports PyTorch by the extension, with its weights beside it when asked', async () => {
    const files: Record<string, Uint8Array | string> = { 'd.json': serializeDesign(fireNet()) };
    const plain = await cli(['export', 'd.json', '-o', 'out/net.py'], files);
    expect(plain.status).toBe(0);
    expect(plain.out).toMatch(/wrote out\/net\.py: \d+ lines of PyTorch \(\d+ ms\)/);
    expect(String(files['out/net.py'])).toContain('class Fire(nn.Module):');
    expect(files['out/net.safetensors']).toBeUndefined();
    const seeded = await cli(['export', 'd.json', '-o', 'out/net.py', '--weights', '--seed', '3'], files);
    expect(seeded.status).toBe(0);
    expect(String(files['out/net.py'])).toContain('WEIGHTS = "net.safetensors"');
    expect(String(files['out/net.py'])).toContain('He-initialised with seed 3');
    expect(files['out/net.safetensors']).toBeInstanceOf(Uint8Array);
  });

  it.each([
    [
      ['export', 'd.json', '-o', 'm.txt'],
      /the format follows the extension, \.onnx \(ONNX\) or \.py \(PyTorch\)/,
    ],
    [['export', 'd.json', '-o', 'm.py', '--fold-bn'], /--fold-bn applies to ONNX exports only/],
    [['export', 'd.json', '-o', 'm.onnx', '--weights'], /--weights applies to PyTorch exports/],
    [['export', 'd.json'], /missing -o/],
    [['export', 'd.json', '-o', 'm.onnx', '--opset', '12'], /--opset must be an integer from 13/],
    [['export', 'd.json', '-o', 'm.onnx', '--shift', 'pad'], /--shift must be slice or conv/],
    [['import', 'bad.onnx', '-o', 'x.json'], /bad\.onnx: not an ONNX model/],
    [['import', 'none.onnx', '-o', 'x.json'], /none\.onnx: no such file/],
  ])('%j fails with one line', async (args, message) => {
    const r = await cli(args, { 'd.json': serializeDesign(fireNet()), 'bad.onnx': 'hello, world' });
    expect(r.status).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
