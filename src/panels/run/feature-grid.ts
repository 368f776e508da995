/** Lays out C channels of H×W as a grid of grey tiles, each stretched to its own min–max. */
export interface Grid {
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly rgba: Uint8ClampedArray<ArrayBuffer>;
}

export const GAP = 1;

export function featureGrid(data: Float32Array, channels: number, height: number, width: number): Grid {
  const columns = Math.max(1, Math.ceil(Math.sqrt(channels)));
  const rows = Math.max(1, Math.ceil(channels / columns));
  const gw = columns * (width + GAP) - GAP;
  const gh = rows * (height + GAP) - GAP;
  const rgba = new Uint8ClampedArray(gw * gh * 4);
  // The gaps are a mid grey; tiles overwrite their own area.
  for (let i = 0; i < gw * gh; i++) rgba.set([128, 128, 128, 255], i * 4);
  const plane = width * height;
  for (let c = 0; c < channels; c++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < plane; i++) {
      const v = data[c * plane + i] ?? 0;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const range = max - min;
    const x0 = (c % columns) * (width + GAP);
    const y0 = Math.floor(c / columns) * (height + GAP);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const v = data[c * plane + y * width + x] ?? 0;
        const g = range > 0 ? Math.round(((v - min) / range) * 255) : 0;
        const at = ((y0 + y) * gw + x0 + x) * 4;
        rgba[at] = g;
        rgba[at + 1] = g;
        rgba[at + 2] = g;
        rgba[at + 3] = 255;
      }
  }
  return { width: gw, height: gh, columns, rgba };
}
