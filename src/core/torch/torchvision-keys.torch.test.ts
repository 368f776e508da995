import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { importDesign } from '../../../test-support/onnx-round-trip';
import { exportTorch } from './torch-export';

/**
 * The blocks' PyTorch classes keep torchvision's module names: a torchvision ResNet or EfficientNet,
 * exported to ONNX, imported and written back as PyTorch, has torchvision's own state-dict keys and
 * shapes in its blocks (layer1.0.conv1.weight, features.1.0.block.0.0.weight), as torchvision itself
 * builds them. The loose layers around the blocks follow the export's layout (stem, head).
 */
const python = process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const fixtures = join(__dirname, '../../../fixtures/torch');
const dir = mkdtempSync(join(tmpdir(), 'torchvision-keys-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cases = [
  { name: 'resnet18', blocks: /^layer\d\./ },
  { name: 'resnet50', blocks: /^layer\d\./ },
  { name: 'efficientnet_b0', blocks: /^features\.[1-7]\./ },
] as const;

type Keys = Record<string, number[]>;

function stateDicts(): Record<string, { ours: Keys; torchvision: Keys }> {
  const args = cases.map(({ name }) => {
    const design = importDesign(
      new Uint8Array(gunzipSync(readFileSync(join(fixtures, `${name}.bn.op13.onnx.gz`)))),
    );
    const r = exportTorch(design, { weights: false });
    if (!r.ok) throw new Error(`${name}: ${r.errors.join('; ')}`);
    writeFileSync(join(dir, `${name}.py`), r.source);
    return `${name}=${join(dir, `${name}.py`)}`;
  });
  const run = spawnSync(python, [join(__dirname, '../../../test-support/torchvision_keys.py'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (run.status !== 0)
    throw new Error(
      `torchvision_keys.py failed (${python} needs torch and torchvision): ${run.stderr.slice(-2000)}`,
    );
  return JSON.parse(run.stdout) as Record<string, { ours: Keys; torchvision: Keys }>;
}

describe('blocks keep torchvision’s state-dict keys', () => {
  const dicts = stateDicts();
  it.each(cases)('$name', ({ name, blocks }) => {
    const d = dicts[name];
    const pick = (keys: Keys): Keys =>
      Object.fromEntries(Object.entries(keys).filter(([k]) => blocks.test(k)));
    const ours = pick(d?.ours ?? {});
    expect(Object.keys(ours).length).toBeGreaterThan(50);
    expect(ours).toEqual(pick(d?.torchvision ?? {}));
  });
});
