import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cliInMemory } from '../../test-support/cli';
import { imageFolderData } from './image-folder-data';

/**
 * `train --dataset <folder>` on an ImageFolder: PNG and JPEG files in one subfolder per class, each
 * fitted to the design's Input (grey repeated to three channels, any size resized), a fifth held
 * out; bad folders refused in one sentence that names the file at fault.
 */
const dir = mkdtempSync(join(tmpdir(), 'image-folder-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const small = readFileSync(join(__dirname, '../../fixtures/train/small-cnn.json'), 'utf8');

/** A PNG of one colour; `grey` writes a one-channel (colour type 0) file. */
function png(width: number, height: number, rgb: readonly [number, number, number], grey = false): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) image.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(image, { colorType: grey ? 0 : 2 });
}

/** A JPEG of one colour (quality 100: within a step or two of it after decoding). */
function jpg(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  return jpeg.encode({ data, width, height }, 100).data;
}

function folder(name: string, files: Record<string, Buffer>): string {
  const root = join(dir, name);
  for (const [path, bytes] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, bytes);
  }
  return root;
}

describe('imageFolderData', () => {
  it('reads PNG and JPEG of mixed sizes, grey repeated to 3 channels and resized to the Input', () => {
    const root = folder('mixed', {
      'dark/a.png': png(10, 10, [40, 40, 40], true),
      'dark/b.png': png(6, 9, [40, 40, 40], true),
      'dark/c.png': png(8, 8, [40, 40, 40]),
      'light/a.jpg': jpg(16, 12, [200, 100, 50]),
      'light/b.jpeg': jpg(8, 8, [200, 100, 50]),
      'light/c.png': png(8, 8, [200, 100, 50]),
      'light/notes.txt': Buffer.from('not an image'),
    });
    const r = imageFolderData(root, { channels: 3, height: 8, width: 8 }, 0);
    if (r === undefined) throw new Error('no images found');
    expect(r.data.train.classNames).toEqual(['dark', 'light']);
    expect(r.data.train.count + r.data.eval.count).toBe(6);
    expect(r.data.eval.count).toBe(2); // one of each class held out
    expect(r.resized).toBe(3);
    expect(r.skipped).toBe(1);
    // A uniform image stays uniform after a bilinear resize: every pixel is its colour / 255.
    for (const set of [r.data.train, r.data.eval])
      for (let n = 0; n < set.count; n++) {
        const want = set.labels[n] === 0 ? [40, 40, 40] : [200, 100, 50];
        for (let c = 0; c < 3; c++)
          for (let i = 0; i < 64; i++)
            expect(set.images[(n * 3 + c) * 64 + i] ?? NaN).toBeCloseTo((want[c] ?? 0) / 255, 1);
      }
  });

  it('averages colour to one channel for a grey Input', () => {
    const root = folder('to-grey', {
      'x/1.png': png(4, 4, [30, 60, 90]),
      'x/2.png': png(4, 4, [30, 60, 90]),
      'y/1.png': png(4, 4, [0, 0, 0]),
      'y/2.png': png(4, 4, [0, 0, 0]),
    });
    const r = imageFolderData(root, { channels: 1, height: 4, width: 4 }, 0);
    const set = r?.data.train;
    if (set === undefined) throw new Error('no images found');
    const x = Array.from(set.labels).indexOf(0);
    expect(set.images[x * 16] ?? NaN).toBeCloseTo(60 / 255, 6);
  });
});

describe('train --dataset <image folder>', () => {
  it('trains the small CNN on grey and colour images of mixed sizes', async () => {
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 10; i++) {
      // 20 files, two of them (bright/8, dim/2) already 28×28.
      files[`bright/${i}.png`] = png(20 + i, 28, [220, 220, 220], true);
      files[`dim/${i}.jpg`] = jpg(28, 30 - i, [20, 30, 10]);
    }
    const r = await cliInMemory(
      ['train', 'small.json', '--dataset', folder('two', files), '--steps', '3', '--batch', '4'],
      { 'small.json': small },
    );
    expect(r.err.split('\n').filter((l) => l.startsWith('error'))).toEqual([]);
    expect(r.out).toContain(
      '2 classes, 16 images to train on and 4 held out to measure; 18 resized to 28×28',
    );
    expect(r.out).toMatch(/validation top-1/);
  }, 120000);

  it('names a file that does not decode', async () => {
    const root = folder('broken', {
      'a/1.png': png(4, 4, [1, 2, 3]),
      'a/2.png': Buffer.concat([png(4, 4, [1, 2, 3]).subarray(0, 30)]),
      'b/1.png': png(4, 4, [1, 2, 3]),
      'b/2.png': png(4, 4, [1, 2, 3]),
    });
    const r = await cliInMemory(['train', 'small.json', '--dataset', root], { 'small.json': small });
    expect(r.status).toBe(1);
    expect(r.err).toBe(
      'error: a/2.png does not decode: the file is damaged or not the image its first bytes say\n',
    );
  });

  it('names a file that is not PNG or JPEG', async () => {
    const root = folder('gif', {
      'a/1.png': png(4, 4, [1, 2, 3]),
      'a/2.gif': Buffer.from('GIF89a'),
      'b/1.png': png(4, 4, [1, 2, 3]),
      'b/2.jpg': Buffer.from('GIF89a'),
    });
    const r = await cliInMemory(['train', 'small.json', '--dataset', root], { 'small.json': small });
    expect(r.err).toBe('error: b/2.jpg is not a PNG or JPEG image: the command line decodes those two\n');
  });

  it('refuses a single class', async () => {
    const root = folder('single', { 'only/1.png': png(4, 4, [1, 2, 3]), 'only/2.png': png(4, 4, [1, 2, 3]) });
    const r = await cliInMemory(['train', 'small.json', '--dataset', root], { 'small.json': small });
    expect(r.err).toBe(
      `error: --dataset ${root}: every image is of one class (only): a classifier needs at least two subfolders\n`,
    );
  });

  it('refuses class folders without images', async () => {
    const root = folder('no-images', { 'a/readme.txt': Buffer.from('x'), 'b/readme.txt': Buffer.from('y') });
    const r = await cliInMemory(['train', 'small.json', '--dataset', root], { 'small.json': small });
    expect(r.err).toMatch(
      /^error: --dataset .*: neither idx files .* nor class subfolders holding PNG or JPEG images\n$/,
    );
  });
});
