/// <reference lib="webworker" />
import type { TrainData, ImageSet } from '../../core/train';
import { decodeImages, UndecodableImage } from './decode-images';
import { holdOut } from './holdout';
import { listImageFolder } from './image-folder';
import type { DatasetSpec, TrainFailure } from './protocol';
import { readZip } from './zip';

type Engine = typeof import('../../core/train');

/** A failure the data itself causes, said by the page in the reader's language. */
export class DataFailure extends Error {
  constructor(readonly failure: TrainFailure) {
    super(failure.code);
  }
}

/** Share of an image folder held out to measure accuracy on (it comes with no test split). */
export const FOLDER_HOLDOUT = 0.2;

export interface InputSize {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

export interface LoadedData {
  readonly data: TrainData;
  /** Images resized from another size, and files skipped (not images). */
  readonly resized: number;
  readonly skipped: number;
}

/** Reads the chosen dataset and fits it to the design's Input (channels, height, width). */
export async function loadData(
  spec: DatasetSpec,
  engine: Engine,
  size: InputSize,
  seed: number,
  baseUrl: string,
): Promise<LoadedData> {
  const fit = (set: ImageSet): ImageSet => engine.fitImages(set, size.channels, size.height, size.width);
  switch (spec.kind) {
    case 'fashion-mnist': {
      const files = engine.FASHION_MNIST_SUBSET;
      const idx = async (name: string) => {
        const response = await fetch(`${baseUrl}${files.folder}/${name}`);
        if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
        return engine.parseIdx(await engine.gunzip(new Uint8Array(await response.arrayBuffer())), name);
      };
      const [trainImages, trainLabels, testImages, testLabels] = await Promise.all([
        idx(files.trainImages),
        idx(files.trainLabels),
        idx(files.testImages),
        idx(files.testLabels),
      ]);
      const classes = engine.FASHION_MNIST_CLASSES;
      const train = engine.idxImageSet(trainImages, trainLabels, classes);
      const test = engine.idxImageSet(testImages, testLabels, classes);
      return {
        data: { name: 'fashion-mnist', train: fit(train), eval: fit(test), evalSplit: 'test' },
        resized: 0,
        skipped: 0,
      };
    }
    case 'idx':
      return loadIdx(spec, engine, fit, seed);
    case 'folder': {
      const byPath = new Map(spec.files.map((f) => [f.path, f.file]));
      return loadFolder(spec.name, [...byPath.keys()], (p) => byPath.get(p) ?? new Blob(), size, seed);
    }
    case 'zip': {
      let files: Map<string, Uint8Array>;
      try {
        files = await readZip(new Uint8Array(await spec.file.arrayBuffer()));
      } catch (e) {
        throw new DataFailure({
          code: 'bad-zip',
          file: spec.name,
          detail: e instanceof Error ? e.message : String(e),
        });
      }
      const name = spec.name.replace(/\.zip$/i, '');
      return loadFolder(
        name,
        [...files.keys()],
        (p) => new Blob([(files.get(p) ?? new Uint8Array()) as Uint8Array<ArrayBuffer>]),
        size,
        seed,
      );
    }
  }
}

async function loadIdx(
  spec: Extract<DatasetSpec, { kind: 'idx' }>,
  engine: Engine,
  fit: (set: ImageSet) => ImageSet,
  seed: number,
): Promise<LoadedData> {
  const named = (blob: Blob): string => (blob instanceof File ? blob.name : 'idx');
  const read = async (blob: Blob) => {
    const file = named(blob);
    try {
      return engine.parseIdx(await engine.gunzip(new Uint8Array(await blob.arrayBuffer())), file);
    } catch (e) {
      if (e instanceof engine.TrainError) throw e;
      throw new DataFailure({ code: 'bad-idx', file, detail: e instanceof Error ? e.message : String(e) });
    }
  };
  const set = async (images: Blob, labels: Blob): Promise<ImageSet> => {
    const [i, l] = await Promise.all([read(images), read(labels)]);
    // Class names are the labels' numbers (idx files carry none).
    return engine.idxImageSet(i, l, []);
  };
  const train = await set(spec.trainImages, spec.trainLabels);
  if (spec.evalImages !== undefined && spec.evalLabels !== undefined) {
    const test = await set(spec.evalImages, spec.evalLabels);
    return {
      data: { name: spec.name, train: fit(train), eval: fit(test), evalSplit: 'test' },
      resized: 0,
      skipped: 0,
    };
  }
  const { train: kept, eval: held } = splitSet(train, FOLDER_HOLDOUT, seed);
  return {
    data: { name: spec.name, train: fit(kept), eval: fit(held), evalSplit: 'validation' },
    resized: 0,
    skipped: 0,
  };
}

/** An image set split into a training part and a seeded, stratified validation part. */
function splitSet(set: ImageSet, share: number, seed: number): { train: ImageSet; eval: ImageSet } {
  const samples = Array.from(set.labels, (label, i) => ({ path: String(i), label }));
  const parts = holdOut(samples, share, seed);
  const pick = (list: readonly { path: string }[]): ImageSet => {
    const size = set.channels * set.height * set.width;
    const images = new Float32Array(list.length * size);
    const labels = new Int32Array(list.length);
    list.forEach((s, k) => {
      const i = Number(s.path);
      images.set(set.images.subarray(i * size, (i + 1) * size), k * size);
      labels[k] = set.labels[i] ?? 0;
    });
    return { ...set, images, labels, count: list.length };
  };
  return { train: pick(parts.train), eval: pick(parts.eval) };
}

async function loadFolder(
  name: string,
  paths: readonly string[],
  read: (path: string) => Blob,
  size: InputSize,
  seed: number,
): Promise<LoadedData> {
  const listing = listImageFolder(paths);
  if (listing.samples.length === 0) throw new DataFailure({ code: 'empty' });
  if (listing.classes.length === 1)
    throw new DataFailure({ code: 'one-class', name: listing.classes[0] ?? '' });
  const split = holdOut(listing.samples, FOLDER_HOLDOUT, seed);
  const decode = async (samples: typeof split.train) => {
    try {
      return await decodeImages(samples, read, size.channels, size.height, size.width);
    } catch (e) {
      if (e instanceof UndecodableImage) throw new DataFailure({ code: 'no-decode', file: e.file });
      throw e;
    }
  };
  const train = await decode(split.train);
  const held = await decode(split.eval);
  const set = (d: typeof train, count: number): ImageSet => ({
    images: d.images,
    labels: d.labels,
    count,
    channels: size.channels,
    height: size.height,
    width: size.width,
    classNames: listing.classes,
  });
  return {
    data: {
      name,
      train: set(train, split.train.length),
      eval: set(held, split.eval.length),
      evalSplit: 'validation',
    },
    resized: train.resized + held.resized,
    skipped: listing.skipped,
  };
}
