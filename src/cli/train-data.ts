import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_DEBIAN,
  FASHION_MNIST_SUBSET,
  gunzip,
  idxImageSet,
  parseIdx,
  type TrainData,
} from '../core/train';
import { UsageError } from './command';
import { imageFolderData, type InputSize } from './image-folder-data';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** tfjs-backend-wasm's .wasm files, for setWasmPaths in Node. */
export const wasmDir = `${path.join(repoRoot, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist')}${path.sep}`;

/** The idx file in a folder by its base name, gzipped or not. */
function findIdx(folder: string, base: string): string | undefined {
  for (const name of [base, `${base}.gz`]) {
    const p = path.join(folder, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

async function readIdx(file: string): Promise<ReturnType<typeof parseIdx>> {
  return parseIdx(await gunzip(new Uint8Array(readFileSync(file))), path.basename(file));
}

/** A folder of idx files as MNIST ships them (train-images-idx3-ubyte[.gz], … t10k-labels-idx1-ubyte[.gz]). */
async function idxFolder(
  folder: string,
  name: string,
  classes: readonly string[],
): Promise<TrainData | undefined> {
  const files = [
    'train-images-idx3-ubyte',
    'train-labels-idx1-ubyte',
    't10k-images-idx3-ubyte',
    't10k-labels-idx1-ubyte',
  ].map((b) => findIdx(folder, b));
  if (files.some((f) => f === undefined)) return undefined;
  const [ti, tl, ei, el] = await Promise.all(files.map((f) => readIdx(f as string)));
  if (ti === undefined || tl === undefined || ei === undefined || el === undefined) return undefined;
  return { name, train: idxImageSet(ti, tl, classes), eval: idxImageSet(ei, el, classes), evalSplit: 'test' };
}

/**
 * The dataset the CLI's --dataset names: `fashion-mnist` (the committed subset, 10,000 + 2,000),
 * `fashion-mnist-full` (Debian's dataset-fashion-mnist, 60,000 + 10,000), a folder holding idx
 * files with MNIST's names, or a folder of PNG/JPEG images with one subfolder per class (fitted to
 * `size`, the design's Input; a fifth of each class, drawn with `seed`, held out). `say` hears what
 * was done to the images (resized, files skipped).
 */
export async function loadTrainData(
  spec: string,
  size?: InputSize,
  seed = 0,
  say: (line: string) => void = () => undefined,
): Promise<TrainData> {
  if (spec === 'fashion-mnist') {
    const folder = path.join(repoRoot, 'public', FASHION_MNIST_SUBSET.folder);
    const data = await idxFolder(folder, 'fashion-mnist', FASHION_MNIST_CLASSES);
    if (data === undefined)
      throw new UsageError(
        `the Fashion-MNIST subset is missing from ${folder}: run scripts/make-fashion-mnist-subset.py`,
      );
    return data;
  }
  if (spec === 'fashion-mnist-full') {
    const data = await idxFolder(FASHION_MNIST_DEBIAN, 'fashion-mnist', FASHION_MNIST_CLASSES);
    if (data === undefined)
      throw new UsageError(
        `the full Fashion-MNIST is not at ${FASHION_MNIST_DEBIAN}: install Debian's dataset-fashion-mnist`,
      );
    return data;
  }
  if (!existsSync(spec) || !statSync(spec).isDirectory())
    throw new UsageError(`--dataset ${spec}: not fashion-mnist, fashion-mnist-full or a folder`);
  const entries = readdirSync(spec);
  if (entries.length === 0) throw new UsageError(`--dataset ${spec}: the folder is empty`);
  const data = await idxFolder(spec, path.basename(path.resolve(spec)), []);
  if (data !== undefined) return data;
  const images = size === undefined ? undefined : imageFolderData(spec, size, seed);
  if (images === undefined)
    throw new UsageError(
      `--dataset ${spec}: neither idx files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, gzipped or not) nor class subfolders holding PNG or JPEG images`,
    );
  const { train, eval: held } = images.data;
  say(
    `${spec}: ${train.classNames.length} classes, ${train.count} images to train on and ${held.count} held out to measure${images.resized > 0 ? `; ${images.resized} resized to ${size?.height ?? 0}×${size?.width ?? 0}` : ''}${images.skipped > 0 ? `; ${images.skipped} files skipped (not images)` : ''}`,
  );
  return images.data;
}
