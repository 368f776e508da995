import { msg } from '../message';
import { TrainError, type ImageSet } from './train-types';

/** Fashion-MNIST's ten classes, by label (Xiao, Rasul and Vollgraf 2017; MIT licence). */
export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/**
 * The committed subset (scripts/make-fashion-mnist-subset.py makes it from Debian's
 * dataset-fashion-mnist): gzipped idx files under public/datasets/fashion-mnist/, fetched by the
 * browser on demand (never in the bundle) and read from disk by the CLI.
 */
export const FASHION_MNIST_SUBSET = {
  folder: 'datasets/fashion-mnist',
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

/** The full set as Debian's dataset-fashion-mnist installs it (same file names). */
export const FASHION_MNIST_DEBIAN = '/usr/share/datasets/fashion-mnist';

/** An idx file (LeCun's format): unsigned bytes with their dims. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/** Reads an idx file of unsigned bytes (type 0x08), as MNIST and Fashion-MNIST ship. */
export function parseIdx(bytes: Uint8Array, name = 'the file'): IdxArray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || view.getUint8(2) !== 0x08)
    throw new TrainError(msg('trainNotIdx', { name }));
  const rank = view.getUint8(3);
  if (rank < 1 || rank > 4 || bytes.length < 4 + 4 * rank) throw new TrainError(msg('trainNotIdx', { name }));
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const count = dims.reduce((a, b) => a * b, 1);
  const start = 4 + 4 * rank;
  if (bytes.length - start < count)
    throw new TrainError(msg('trainIdxShort', { name, count, got: bytes.length - start }));
  return { dims, data: bytes.subarray(start, start + count) };
}

/** Gunzips bytes when they start with gzip's magic number (DecompressionStream: Node and browsers). */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Images (N×H×W or N×C×H×W idx) and labels (N idx) as an ImageSet, pixels scaled to [0, 1]. */
export function idxImageSet(images: IdxArray, labels: IdxArray, classNames: readonly string[]): ImageSet {
  const [count = 0, ...rest] = images.dims;
  const [channels, height, width] =
    rest.length === 2 ? [1, rest[0] ?? 0, rest[1] ?? 0] : [rest[0] ?? 0, rest[1] ?? 0, rest[2] ?? 0];
  if (labels.dims.length !== 1 || labels.dims[0] !== count)
    throw new TrainError(msg('trainLabelCount', { images: count, labels: labels.dims[0] ?? 0 }));
  const out = new Float32Array(images.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (images.data[i] ?? 0) / 255;
  const max = labels.data.reduce((m, v) => Math.max(m, v), 0);
  const names =
    max < classNames.length
      ? classNames
      : Array.from({ length: max + 1 }, (_, i) => classNames[i] ?? String(i));
  return {
    images: out,
    labels: Uint8Array.from(labels.data),
    count,
    channels,
    height,
    width,
    classNames: names,
  };
}

/** The first `count` images of a set (a quick run, or an eval limit). */
export function takeImages(set: ImageSet, count: number): ImageSet {
  const n = Math.min(set.count, Math.max(0, Math.floor(count)));
  const size = set.channels * set.height * set.width;
  return { ...set, count: n, images: set.images.subarray(0, n * size), labels: set.labels.subarray(0, n) };
}

/**
 * A set fitted to an Input: grey repeated to 3 channels (colour averaged to 1), each channel
 * resized bilinearly (half-pixel centres, as torchvision's and tf.image's resize) to height × width.
 */
export function fitImages(set: ImageSet, channels: number, height: number, width: number): ImageSet {
  if (set.channels === channels && set.height === height && set.width === width) return set;
  if (!(set.channels === channels || set.channels === 1 || channels === 1))
    throw new TrainError(msg('trainChannels', { from: set.channels, to: channels }));
  const inPlane = set.height * set.width;
  const outPlane = height * width;
  const out = new Float32Array(set.count * channels * outPlane);
  const plane = new Float32Array(inPlane);
  const resized = new Float32Array(outPlane);
  const sy = set.height / height;
  const sx = set.width / width;
  for (let n = 0; n < set.count; n++) {
    const base = n * set.channels * inPlane;
    for (let c = 0; c < channels; c++) {
      if (set.channels === channels)
        plane.set(set.images.subarray(base + c * inPlane, base + (c + 1) * inPlane));
      else if (set.channels === 1) plane.set(set.images.subarray(base, base + inPlane));
      else
        for (let i = 0; i < inPlane; i++) {
          let s = 0;
          for (let k = 0; k < set.channels; k++) s += set.images[base + k * inPlane + i] ?? 0;
          plane[i] = s / set.channels;
        }
      if (set.height === height && set.width === width) resized.set(plane);
      else
        for (let y = 0; y < height; y++) {
          const fy = Math.min(set.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
          const y0 = Math.floor(fy);
          const y1 = Math.min(set.height - 1, y0 + 1);
          const wy = fy - y0;
          for (let x = 0; x < width; x++) {
            const fx = Math.min(set.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
            const x0 = Math.floor(fx);
            const x1 = Math.min(set.width - 1, x0 + 1);
            const wx = fx - x0;
            const top = (plane[y0 * set.width + x0] ?? 0) * (1 - wx) + (plane[y0 * set.width + x1] ?? 0) * wx;
            const bottom =
              (plane[y1 * set.width + x0] ?? 0) * (1 - wx) + (plane[y1 * set.width + x1] ?? 0) * wx;
            resized[y * width + x] = top * (1 - wy) + bottom * wy;
          }
        }
      out.set(resized, (n * channels + c) * outPlane);
    }
  }
  return { ...set, images: out, channels, height, width };
}

/** mulberry32: a small seeded generator, so a seed gives the same order and augmentation everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled(count: number, random: () => number): Int32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

/**
 * A batch as NHWC floats (the engine's layout), with a random horizontal flip and a random crop
 * from the image padded by `crop` zeros on each side, where asked.
 */
export function batchNHWC(
  set: ImageSet,
  indices: ArrayLike<number>,
  augment: { readonly flip: boolean; readonly crop: number } | undefined,
  random: () => number,
): { images: Float32Array; labels: Int32Array } {
  const { channels: c, height: h, width: w } = set;
  const n = indices.length;
  const images = new Float32Array(n * h * w * c);
  const labels = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const src = indices[b] ?? 0;
    labels[b] = set.labels[src] ?? 0;
    const flip = augment?.flip === true && random() < 0.5;
    const pad = augment?.crop ?? 0;
    const dy = pad > 0 ? Math.floor(random() * (2 * pad + 1)) - pad : 0;
    const dx = pad > 0 ? Math.floor(random() * (2 * pad + 1)) - pad : 0;
    const base = src * c * h * w;
    for (let y = 0; y < h; y++) {
      const sy = y + dy;
      for (let x = 0; x < w; x++) {
        const sx0 = x + dx;
        const sx = flip ? w - 1 - sx0 : sx0;
        const inside = sy >= 0 && sy < h && sx0 >= 0 && sx0 < w;
        const o = ((b * h + y) * w + x) * c;
        for (let k = 0; k < c; k++)
          images[o + k] = inside ? (set.images[base + (k * h + sy) * w + sx] ?? 0) : 0;
      }
    }
  }
  return { images, labels };
}
