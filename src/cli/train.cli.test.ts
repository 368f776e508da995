import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDesign } from '../core/document/format';
import { cliInMemory } from '../../test-support/cli';

/**
 * `train` from the command line on WASM: a short run on the committed Fashion-MNIST subset reaches
 * a stated accuracy and writes the design with its weights and result; bad input is refused in
 * one sentence.
 */
const small = readFileSync(join(__dirname, '../../fixtures/train/small-cnn.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'train-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An idx file of bytes with these dims. */
function idx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const head = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(head.buffer);
  view.setUint8(2, 0x08);
  view.setUint8(3, dims.length);
  dims.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d);
  });
  return new Uint8Array([...head, ...data]);
}

/** A folder of MNIST-named idx files: `count` 8×8 images per split with these labels. */
function idxFolder(name: string, labels: readonly number[]): string {
  const folder = join(dir, name);
  rmSync(folder, { recursive: true, force: true });
  const n = labels.length;
  const images = Uint8Array.from({ length: n * 64 }, (_, i) => (i * 37) % 256);
  const write = (file: string, bytes: Uint8Array) => {
    writeFileSync(join(folder, file), gzipSync(bytes));
  };
  mkdirSync(folder, { recursive: true });
  write('train-images-idx3-ubyte.gz', idx([n, 8, 8], images));
  write('train-labels-idx1-ubyte.gz', idx([n], Uint8Array.from(labels)));
  write('t10k-images-idx3-ubyte.gz', idx([n, 8, 8], images));
  write('t10k-labels-idx1-ubyte.gz', idx([n], Uint8Array.from(labels)));
  return folder;
}

describe('train: bad input in one sentence', () => {
  it('a dataset of a single class', async () => {
    const r = await cliInMemory(
      ['train', 'small.json', '--dataset', idxFolder('one', [3, 3, 3, 3]), '--steps', '1'],
      { 'small.json': small },
    );
    expect(r.status).toBe(1);
    expect(r.err).toBe('error: Every training image is of one class (3): a classifier needs at least two.\n');
  });
  it('an empty folder', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await cliInMemory(['train', 'small.json', '--dataset', empty], { 'small.json': small });
    expect(r.status).toBe(1);
    expect(r.err).toBe(`error: --dataset ${empty}: the folder is empty\n`);
  });
  it('more classes than the head has outputs, with --resize-head offered', async () => {
    const r = await cliInMemory(
      [
        'train',
        'preset:shufflenet_v2_x0_5',
        '--resolution',
        '28',
        '--classes',
        '5',
        '--dataset',
        'fashion-mnist',
      ],
      {},
    );
    expect(r.status).toBe(1);
    expect(r.err).toMatch(
      /^error: The dataset has 10 classes but the design's head gives 5 outputs: resize the head to 10 \(--resize-head on the command line\)\.\n$/,
    );
  });
  it('--resize-head gives the head the dataset’s classes and trains', async () => {
    const r = await cliInMemory(
      [
        'train',
        'small.json',
        '--dataset',
        idxFolder('wide', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
        '--steps',
        '2',
        '--batch',
        '4',
        '--resize-head',
        '--json',
      ],
      { 'small.json': small.replace('"outFeatures": 10', '"outFeatures": 4') },
    );
    expect(r.err).toBe('');
    const out = JSON.parse(r.out) as { dataset: { classes: number }; steps: number };
    expect(out.dataset.classes).toBe(12);
    expect(out.steps).toBe(2);
  }, 120000);
  it('a NaN loss stops the run, keeps the last good weights and says so', async () => {
    const r = await cliInMemory(
      [
        'train',
        'small.json',
        '--dataset',
        'fashion-mnist',
        '--lr',
        '1e30',
        '--steps',
        '30',
        '--eval-images',
        '64',
        '--json',
        '-o',
        'out.json',
      ],
      { 'small.json': small },
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.out) as { end: string; message: string; steps: number };
    expect(out.end).toBe('nan');
    expect(out.message).toMatch(
      /^The loss became NaN at step \d+: training stopped and kept the last good weights\. Try a lower learning rate\.$/,
    );
    const saved = parseDesign(String(r.files['out.json']));
    if (!saved.ok) throw new Error(saved.errors.join('; '));
    expect(saved.design.results?.at(-1)?.steps).toBe(out.steps);
  }, 300000);
});

describe('train: a short run on the Fashion-MNIST subset', () => {
  it('150 steps of batch 64 (seed 1) reach at least 65% test top-1 and write the trained design', async () => {
    const r = await cliInMemory(
      [
        'train',
        'small.json',
        '--dataset',
        'fashion-mnist',
        '--steps',
        '150',
        '--batch',
        '64',
        '--seed',
        '1',
        '--eval-images',
        '1000',
        '--json',
        '-o',
        'trained.json',
      ],
      { 'small.json': small },
    );
    expect(r.err).toBe('');
    const out = JSON.parse(r.out) as {
      accuracy: number;
      steps: number;
      imagesPerSecond: number;
      engine: string;
    };
    expect(out.engine).toBe('tfjs-wasm');
    expect(out.steps).toBe(150);
    expect(out.imagesPerSecond).toBeGreaterThan(0);
    expect(out.accuracy).toBeGreaterThanOrEqual(0.65);
    expect(out.accuracy).toBeLessThanOrEqual(1);
    const saved = parseDesign(String(r.files['trained.json']));
    if (!saved.ok) throw new Error(saved.errors.join('; '));
    expect(saved.design.results?.at(-1)?.top1).toBe(out.accuracy);
    expect(Object.keys(saved.design.weights?.layers ?? {}).sort()).toEqual(
      ['n13', 'n14', 'n18', 'n2', 'n3', 'n6', 'n7', 'n9', 'n10'].sort(),
    );
  }, 900000);

  it('SqueezeNet 1.1 at 28×28 (no batch norm) learns under its default recipe: the loss falls', async () => {
    // 4 epochs of 10 steps over 640 images: each epoch's mean training loss is on the curve.
    const r = await cliInMemory([
      'train',
      'preset:squeezenet1_1',
      '--resolution',
      '28',
      '--classes',
      '10',
      '--dataset',
      'fashion-mnist',
      '--train-images',
      '640',
      '--eval-images',
      '500',
      '--epochs',
      '4',
      '--json',
    ]);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out) as {
      accuracy: number;
      recipe: { optimizer: string; learningRate: number };
      curve: { loss: number }[];
    };
    expect(out.recipe).toMatchObject({ optimizer: 'adam', learningRate: 1e-3 });
    const losses = out.curve.map((c) => c.loss);
    expect(losses).toHaveLength(4);
    // Chance is ln 10 = 2.303 (where SGD at 0.1 stayed): the last epoch's mean loss is well below it.
    expect(losses.at(-1) ?? Infinity).toBeLessThan(Math.log(10) - 0.2);
    expect(losses.at(-1) ?? Infinity).toBeLessThan(losses[0] ?? 0);
    expect(out.accuracy).toBeGreaterThan(0.2); // twice chance (24.2% measured)
  }, 900000);
});
