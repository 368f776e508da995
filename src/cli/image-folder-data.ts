import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { fitImages, type ImageSet, type TrainData } from '../core/train';
import { holdOut } from '../runtime/train/holdout';
import { listImageFolder, type FolderSample } from '../runtime/train/image-folder';
import { UsageError } from './command';

/** The Input an image folder is fitted to (channels × height × width). */
export interface InputSize {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

/** Share of the folder held out to measure accuracy on, as the Train tab holds out (a fifth). */
const HOLDOUT = 0.2;

/** One image file as RGBA bytes: PNG (pngjs) or JPEG (jpeg-js), told apart by their first bytes. */
function decode(file: string, shown: string): { width: number; height: number; rgba: Uint8Array } {
  const bytes = readFileSync(file);
  const png = bytes.length >= 8 && bytes.readUInt32BE(0) === 0x89504e47;
  const jpg = bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpg)
    throw new UsageError(`${shown} is not a PNG or JPEG image: the command line decodes those two`);
  try {
    if (png) {
      const image = PNG.sync.read(bytes);
      return { width: image.width, height: image.height, rgba: image.data };
    }
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return { width: image.width, height: image.height, rgba: image.data };
  } catch {
    throw new UsageError(
      `${shown} does not decode: the file is damaged or not the image its first bytes say`,
    );
  }
}

/**
 * Decoded images fitted to the Input, as the browser's decoder does: grey (one channel) is the mean
 * of R, G and B, three channels are R, G and B (a grey image has them equal, so it is repeated),
 * each image resized bilinearly to height × width whatever its own size.
 */
function decodeAll(
  root: string,
  samples: readonly FolderSample[],
  size: InputSize,
  classNames: readonly string[],
): { set: ImageSet; resized: number } {
  const { channels, height, width } = size;
  const each = channels * height * width;
  const images = new Float32Array(samples.length * each);
  const labels = new Int32Array(samples.length);
  let resized = 0;
  for (const [n, sample] of samples.entries()) {
    const { width: w, height: h, rgba } = decode(path.join(root, sample.path), sample.path);
    if (w !== width || h !== height) resized++;
    const plane = w * h;
    const own = new Float32Array((channels === 1 ? 1 : 3) * plane);
    for (let i = 0; i < plane; i++) {
      const [r = 0, g = 0, b = 0] = [rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]];
      if (channels === 1) own[i] = (r + g + b) / 765;
      else {
        own[i] = r / 255;
        own[plane + i] = g / 255;
        own[2 * plane + i] = b / 255;
      }
    }
    const one: ImageSet = {
      images: own,
      labels: Int32Array.of(sample.label),
      count: 1,
      channels: channels === 1 ? 1 : 3,
      height: h,
      width: w,
      classNames,
    };
    images.set(fitImages(one, channels, height, width).images, n * each);
    labels[n] = sample.label;
  }
  return {
    set: { images, labels, count: samples.length, channels, height, width, classNames },
    resized,
  };
}

/**
 * A folder of images with one subfolder per class, as torchvision's ImageFolder reads it, fitted to
 * the design's Input; a seeded fifth of each class is held out to measure accuracy. Undefined when
 * the folder holds no class subfolders with images; a file that does not decode or a single class
 * is refused in one sentence.
 */
export function imageFolderData(
  folder: string,
  size: InputSize,
  seed: number,
): { data: TrainData; resized: number; skipped: number } | undefined {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)));
  const listing = listImageFolder(files);
  if (listing.samples.length === 0) return undefined;
  if (listing.classes.length === 1)
    throw new UsageError(
      `--dataset ${folder}: every image is of one class (${listing.classes[0] ?? ''}): a classifier needs at least two subfolders`,
    );
  const split = holdOut(listing.samples, HOLDOUT, seed);
  const train = decodeAll(folder, split.train, size, listing.classes);
  const held = decodeAll(folder, split.eval, size, listing.classes);
  return {
    data: {
      name: path.basename(path.resolve(folder)),
      train: train.set,
      eval: held.set,
      evalSplit: 'validation',
    },
    resized: train.resized + held.resized,
    skipped: listing.skipped,
  };
}
