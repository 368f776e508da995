import { describe, expect, it } from 'vitest';
import {
  centreCropRect,
  IMAGENET_MEAN,
  IMAGENET_STD,
  nchwToRgba,
  randomTensor,
  rgbaToNchw,
} from './preprocess';

describe('centreCropRect', () => {
  it('matches torchvision Resize(256) + CenterCrop(224) on a landscape image', () => {
    // 451×300: the shorter side 300 maps to 256, so a 224 crop covers 224·300/256 = 262.5 source pixels.
    const r = centreCropRect(451, 300, 224, 224);
    expect(r.width).toBeCloseTo(262.5, 6);
    expect(r.height).toBeCloseTo(262.5, 6);
    expect(r.x).toBeCloseTo((451 - 262.5) / 2, 6);
    expect(r.y).toBeCloseTo((300 - 262.5) / 2, 6);
  });
  it('handles portrait images and other input sizes', () => {
    const r = centreCropRect(300, 600, 160, 160, 1);
    expect(r).toEqual({ x: 0, y: 150, width: 300, height: 300 });
  });
  it('keeps a non-square crop inside the image', () => {
    const r = centreCropRect(100, 100, 200, 100, 1);
    expect(r.width).toBeLessThanOrEqual(100);
    expect(r.height).toBeCloseTo(50, 6);
    expect(r.x).toBeGreaterThanOrEqual(0);
  });
});

describe('rgbaToNchw', () => {
  it('writes planes R, G, B normalised with the ImageNet mean and std', () => {
    // 2×1 image: a white pixel and a black one.
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]);
    const t = rgbaToNchw(rgba, 2, 1);
    expect(t.length).toBe(6);
    for (let c = 0; c < 3; c++) {
      expect(t[c * 2]).toBeCloseTo((1 - (IMAGENET_MEAN[c] ?? 0)) / (IMAGENET_STD[c] ?? 1), 5);
      expect(t[c * 2 + 1]).toBeCloseTo(-(IMAGENET_MEAN[c] ?? 0) / (IMAGENET_STD[c] ?? 1), 5);
    }
  });
  it('keeps channels apart (NCHW, not NHWC)', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255]);
    const t = rgbaToNchw(rgba, 1, 1, 3, [0, 0, 0], [1, 1, 1]);
    expect([...t]).toEqual([1, 0, 0]);
  });
  it('reads grey for one channel', () => {
    const t = rgbaToNchw(new Uint8ClampedArray([255, 255, 255, 255]), 1, 1, 1, [0], [1]);
    expect([...t]).toEqual([1]);
  });
  it('refuses too few bytes', () => {
    expect(() => rgbaToNchw(new Uint8ClampedArray(4), 2, 2)).toThrow();
  });
  it('round-trips through nchwToRgba', () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 200, 100, 50, 255]);
    expect([...nchwToRgba(rgbaToNchw(rgba, 2, 1), 2, 1, 3)]).toEqual([...rgba]);
  });
});

describe('randomTensor', () => {
  it('is reproducible and standard normal', () => {
    const a = randomTensor(20001, 7);
    expect(randomTensor(20001, 7)).toEqual(a);
    expect(randomTensor(10, 8)).not.toEqual(randomTensor(10, 7));
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
    expect(a.every(Number.isFinite)).toBe(true);
  });
});
