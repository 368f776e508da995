import { centreCropRect, rgbaToNchw } from './preprocess';

/** Decodes an image and preprocesses it for a 1×C×H×W input (the DOM half of preprocess.ts). */
export async function preprocessImage(
  source: Blob,
  width: number,
  height: number,
  channels: number,
): Promise<{ data: Float32Array; preview: ImageData }> {
  const bitmap = await createImageBitmap(source);
  try {
    const rect = centreCropRect(bitmap.width, bitmap.height, width, height);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) throw new Error('no 2D canvas');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, width, height);
    const preview = ctx.getImageData(0, 0, width, height);
    return { data: rgbaToNchw(preview.data, width, height, channels), preview };
  } finally {
    bitmap.close();
  }
}
