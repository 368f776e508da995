import { describe, expect, it } from 'vitest';
import { formatBytes, formatDelta, formatPercentChange, formatShare, parseCount } from './format';

describe('cost panel formatting', () => {
  it('writes deltas and percentages with their sign', () => {
    expect(formatDelta(12_345_678)).toBe('+12.3M');
    expect(formatDelta(-850)).toBe('−850');
    expect(formatDelta(0)).toBe('±0');
    expect(formatPercentChange(200, 250)).toBe('+25%');
    expect(formatPercentChange(1000, 959)).toBe('−4.1%');
    expect(formatPercentChange(1e9, 1e9 + 1)).toBe('+<0.01%');
    expect(formatPercentChange(0, 5)).toBe('new');
  });

  it('writes shares and sizes', () => {
    expect(formatShare(0.2345)).toBe('23.4%');
    expect(formatShare(0.0005)).toBe('0.05%');
    expect(formatShare(0.00001)).toBe('<0.01%');
    // SqueezeNet 1.0 at fp32: the paper's 4.8MB is 4.76 MiB.
    expect(formatBytes(1_248_424 * 4)).toBe('4.76 MiB');
  });

  it('reads counts as people type them', () => {
    expect(parseCount('300M')).toBe(300_000_000);
    expect(parseCount('3.5m')).toBe(3_500_000);
    expect(parseCount('1,200,000')).toBe(1_200_000);
    expect(parseCount('2e6')).toBe(2_000_000);
    expect(parseCount('450k')).toBe(450_000);
    expect(parseCount('1.2G')).toBe(1_200_000_000);
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('abc')).toBeUndefined();
    expect(parseCount('-5')).toBeUndefined();
    expect(parseCount('0')).toBeUndefined();
  });
});
