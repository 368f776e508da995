import { centreCropRect, rgbaToNchw } from './preprocess';

/**
 * How an image becomes the network's input: torchvision's ImageNet recipe (centre crop, mean and std),
 * or as the Train tab trains (the whole image resized, values in [0, 1]) for weights trained here.
 */
export type Framing = 'imagenet' | 'unit';

/** Decodes an image and preprocesses it for a 1×C×H×W input (the DOM half of preprocess.ts). */
export async function preprocessImage(
  source: Blob,
  width: number,
  height: number,
  channels: number,
  framing: Framing = 'imagenet',
): Promise<{ data: Float32Array; preview: ImageData }> {
  const bitmap = await createImageBitmap(source);
  try {
    const rect =
      framing === 'unit'
        ? { x: 0, y: 0, width: bitmap.width, height: bitmap.height }
        : centreCropRect(bitmap.width, bitmap.height, width, height);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('no 2D canvas');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, width, height);
    const preview = ctx.getImageData(0, 0, width, height);
    const data =
      framing === 'unit'
        ? rgbaToNchw(preview.data, width, height, channels, [0], [1])
        : rgbaToNchw(preview.data, width, height, channels);
    return { data, preview };
  } finally {
    bitmap.close();
  }
}
