import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../core/document/format';
import { trainingProject } from '../core/torch/project/project';
import { defaultRecipe } from '../core/train';
import { cliInMemory } from '../../test-support/cli';

/**
 * The same design and recipe trained by both engines on the same part of the committed
 * Fashion-MNIST subset (its first 3,200 training and 1,000 test images): the studio's
 * (TensorFlow.js on WASM, `train` on the command line) and PyTorch running the exported training
 * project's own train.py. One epoch at batch 64 (50 steps, warm-up then cosine to 0), seed 1, the
 * studio's Fashion-MNIST defaults: the two test accuracies are within 2 points.
 * The engines share no code: different initial weights (each its own seeded generator), train.py's
 * input normalisation, and no weight decay on biases and batch norm there; 2 points is what the
 * issue asks of "the same recipe".
 */
const python = process.env['PYTHON'] ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const repo = join(__dirname, '..', '..');
const subset = join(repo, 'public', 'datasets', 'fashion-mnist');
const small = readFileSync(join(repo, 'fixtures', 'train', 'small-cnn.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'train-vs-torch-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SEED = 1;
const BATCH = 64;
const TRAIN = 3200; // 50 steps
const TEST = 1000;

/** The first `count` records of an idx file (gzipped), gzipped again. */
function firstOf(file: string, count: number): Buffer {
  const bytes = gunzipSync(readFileSync(join(subset, file)));
  const rank = bytes[3] ?? 0;
  const head = Buffer.from(bytes.subarray(0, 4 + 4 * rank));
  const record = Array.from({ length: rank - 1 }, (_, i) => head.readUInt32BE(8 + 4 * i)).reduce(
    (a, b) => a * b,
    1,
  );
  head.writeUInt32BE(count, 4);
  return gzipSync(Buffer.concat([head, bytes.subarray(head.length, head.length + count * record)]));
}

/** The first TRAIN training and TEST test images of the subset, as MNIST-named idx files. */
function smallerSubset(): string {
  const folder = join(dir, 'fashion-mnist-part');
  mkdirSync(folder, { recursive: true });
  for (const [split, count] of [
    ['train', TRAIN],
    ['t10k', TEST],
  ] as const)
    for (const kind of ['images-idx3', 'labels-idx1'])
      writeFileSync(join(folder, `${split}-${kind}-ubyte.gz`), firstOf(`${split}-${kind}-ubyte.gz`, count));
  return folder;
}

describe('the studio engine and PyTorch reach the same accuracy', () => {
  it('one epoch of the small CNN on the Fashion-MNIST subset: within 2 points', async () => {
    const data = smallerSubset();
    // The studio's engine, as a user runs it.
    const studio = await cliInMemory(
      [
        'train',
        'small.json',
        '--dataset',
        data,
        '--epochs',
        '1',
        '--batch',
        String(BATCH),
        '--seed',
        String(SEED),
        '--json',
      ],
      { 'small.json': small },
    );
    expect(studio.err).toBe('');
    const mine = JSON.parse(studio.out) as { accuracy: number; steps: number };
    expect(mine.steps).toBe(Math.floor(TRAIN / BATCH));

    // PyTorch: the exported training project with the same recipe in recipe.json.
    const parsed = parseDesign(small);
    if (!parsed.ok) throw new Error('the small CNN fixture does not load');
    const r = trainingProject(parsed.design);
    if (!r.ok) throw new Error(r.errors.join('; '));
    const project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    const same = defaultRecipe('fashion-mnist');
    for (const f of r.files) {
      let data = f.data;
      if (f.path === 'recipe.json')
        data = JSON.stringify({
          ...(JSON.parse(f.data as string) as object),
          ...same,
          seed: SEED,
          batch: BATCH,
          referenceBatch: BATCH, // the learning rate as given, not scaled
          nesterov: false,
          augment: { ...same.augment, resizedCrop: false },
        });
      writeFileSync(join(project, f.path), data);
    }
    const out = join(dir, 'out');
    const run = spawnSync(
      python,
      [
        'train.py',
        '--data',
        'fashion-mnist',
        '--data-dir',
        data,
        '--epochs',
        '1',
        '--batch',
        String(BATCH),
        '--seed',
        String(SEED),
        '--workers',
        '0',
        '--cpu',
        '--out',
        out,
      ],
      { cwd: project, encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '2' } },
    );
    expect(run.stderr + run.stdout).toContain('Trained');
    const lines = readFileSync(join(out, 'metrics.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { split?: string; top1?: number; step?: number });
    const test = lines.filter((l) => l.split === 'test').at(-1);
    expect(test?.step).toBe(mine.steps);
    const torch = test?.top1 ?? 0;
    console.log(
      `studio (tfjs-wasm) ${(100 * mine.accuracy).toFixed(1)}%, PyTorch ${(100 * torch).toFixed(1)}% test top-1`,
    );
    // Both learned (chance is 10%) and they agree within 2 points.
    expect(mine.accuracy).toBeGreaterThan(0.6);
    expect(torch).toBeGreaterThan(0.6);
    expect(Math.abs(mine.accuracy - torch)).toBeLessThanOrEqual(0.02);
  }, 900_000);
});
