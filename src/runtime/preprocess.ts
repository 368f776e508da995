/**
 * Image preprocessing as pure functions: the torchvision recipe (resize the shorter side, centre
 * crop, ImageNet mean and std, NCHW float32), computed on plain RGBA bytes so it is testable.
 */

export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** torchvision resizes to 256 before a 224 crop: the crop keeps this share of the shorter side. */
export const CROP_FRACTION = 224 / 256;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The source rectangle that, scaled to `outW`×`outH`, equals "resize the shorter side to
 * crop/fraction, then centre-crop outW×outH". Works for non-square targets too.
 */
export function centreCropRect(
  srcW: number,
  srcH: number,
  outW: number,
  outH: number,
  fraction = CROP_FRACTION,
): Rect {
  // The resize makes the shorter side max(outW, outH)/fraction long; one output pixel covers `step` source pixels.
  const resized = Math.max(outW, outH) / fraction;
  const step = Math.min(srcW, srcH) / resized;
  const width = Math.min(srcW, outW * step);
  const height = Math.min(srcH, outH * step);
  return { x: (srcW - width) / 2, y: (srcH - height) / 2, width, height };
}

/** RGBA bytes (as ImageData holds them) → 1×C×H×W float32, normalised with the ImageNet mean and std. */
export function rgbaToNchw(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  channels = 3,
  mean: readonly number[] = IMAGENET_MEAN,
  std: readonly number[] = IMAGENET_STD,
): Float32Array {
  const plane = width * height;
  if (rgba.length < plane * 4) throw new Error(`expected ${plane * 4} bytes, got ${rgba.length}`);
  const out = new Float32Array(plane * channels);
  for (let c = 0; c < channels; c++) {
    // Grey inputs (1 channel) read the mean of R, G, B; further channels repeat the last colour.
    const m = mean[Math.min(c, mean.length - 1)] ?? 0;
    const s = std[Math.min(c, std.length - 1)] ?? 1;
    const src = Math.min(c, 2);
    for (let i = 0; i < plane; i++) {
      const v =
        channels === 1
          ? ((rgba[i * 4] ?? 0) + (rgba[i * 4 + 1] ?? 0) + (rgba[i * 4 + 2] ?? 0)) / 765
          : (rgba[i * 4 + src] ?? 0) / 255;
      out[c * plane + i] = (v - m) / s;
    }
  }
  return out;
}

/** 1×C×H×W float32 → RGBA bytes, undoing the normalisation: shows what the network sees. */
export function nchwToRgba(
  data: Float32Array,
  width: number,
  height: number,
  channels: number,
  mean: readonly number[] = IMAGENET_MEAN,
  std: readonly number[] = IMAGENET_STD,
): Uint8ClampedArray<ArrayBuffer> {
  const plane = width * height;
  const out = new Uint8ClampedArray(plane * 4);
  for (let i = 0; i < plane; i++) {
    for (let k = 0; k < 3; k++) {
      const c = Math.min(k, channels - 1);
      const m = mean[Math.min(c, mean.length - 1)] ?? 0;
      const s = std[Math.min(c, std.length - 1)] ?? 1;
      out[i * 4 + k] = Math.round(((data[c * plane + i] ?? 0) * s + m) * 255);
    }
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** A reproducible standard-normal tensor (Box–Muller over a 32-bit LCG). */
export function randomTensor(count: number, seed = 1): Float32Array {
  const out = new Float32Array(count);
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 1) / 4294967297;
  };
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(next()));
    const t = 2 * Math.PI * next();
    out[i] = r * Math.cos(t);
    if (i + 1 < count) out[i + 1] = r * Math.sin(t);
  }
  return out;
}
