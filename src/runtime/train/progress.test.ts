import { describe, expect, it } from 'vitest';
import { formatDuration, fractionDone, imagesPerSecond, secondsLeft } from './progress';

describe('training progress', () => {
  it('measures speed over the recent window, not since the start', () => {
    // A slow first step (warm-up: 64 images in 5 s), then 64 images every 0.25 s.
    const samples = [
      { ms: 0, images: 0 },
      { ms: 5000, images: 64 },
    ];
    for (let k = 1; k <= 30; k++) samples.push({ ms: 5000 + k * 250, images: 64 + k * 64 });
    expect(imagesPerSecond(samples, 20)).toBeCloseTo(256, 9);
    // Over the whole run: (31·64 images) / 12.5 s.
    expect(imagesPerSecond(samples, 1000)).toBeCloseTo((31 * 64) / 12.5, 9);
  });

  it('has no speed before two samples span some time', () => {
    expect(imagesPerSecond([])).toBeUndefined();
    expect(imagesPerSecond([{ ms: 10, images: 64 }])).toBeUndefined();
    expect(
      imagesPerSecond([
        { ms: 10, images: 0 },
        { ms: 10, images: 64 },
      ]),
    ).toBeUndefined();
  });

  it('time left is the remaining images at the current speed', () => {
    // 3 epochs of 6000 images = 18000; 4500 seen; 250 images/s → 13500 / 250 = 54 s.
    expect(secondsLeft(4500, 18000, 250)).toBe(54);
    expect(secondsLeft(20000, 18000, 250)).toBe(0);
    expect(secondsLeft(0, 100, undefined)).toBeUndefined();
    expect(secondsLeft(0, 100, 0)).toBeUndefined();
  });

  it('fraction done stays in 0–1', () => {
    expect(fractionDone(25, 100)).toBe(0.25);
    expect(fractionDone(150, 100)).toBe(1);
    expect(fractionDone(5, 0)).toBe(0);
  });

  it('formats durations', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(249)).toBe('4 min 09 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });
});
