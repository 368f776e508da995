/// <reference lib="webworker" />
import type { FolderSample } from './image-folder';

/**
 * Decodes image files to one N·C·H·W float32 array in [0, 1], each resized to the design's input (the
 * whole image, no crop: small datasets are framed as they are). Grey for one channel is the mean of
 * R, G and B; more channels than three repeat the last colour. Throws `UndecodableImage` naming the
 * file that failed.
 */

export class UndecodableImage extends Error {
  constructor(readonly file: string) {
    super(`could not decode ${file}`);
  }
}

export interface DecodedImages {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  /** How many images had another size than H×W. */
  readonly resized: number;
}

export async function decodeImages(
  samples: readonly FolderSample[],
  read: (path: string) => Blob,
  channels: number,
  height: number,
  width: number,
  onProgress?: (done: number) => void,
): Promise<DecodedImages> {
  const plane = height * width;
  const images = new Float32Array(samples.length * channels * plane);
  const labels = new Int32Array(samples.length);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('no 2D canvas in this worker');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  let resized = 0;
  for (const [n, sample] of samples.entries()) {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(read(sample.path));
    } catch {
      throw new UndecodableImage(sample.path);
    }
    if (bitmap.width !== width || bitmap.height !== height) resized++;
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const base = n * channels * plane;
    for (let c = 0; c < channels; c++) {
      const src = Math.min(c, 2);
      for (let i = 0; i < plane; i++) {
        images[base + c * plane + i] =
          channels === 1
            ? ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 765
            : (rgba[i * 4 + src] ?? 0) / 255;
      }
    }
    labels[n] = sample.label;
    if (n % 64 === 63) onProgress?.(n + 1);
  }
  return { images, labels, resized };
}
