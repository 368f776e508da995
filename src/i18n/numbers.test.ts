import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDelta,
  formatExact,
  formatExactDelta,
  formatMs,
  formatPercentChange,
  formatRatio,
  formatShare,
  formatValue,
  parseCount,
} from './numbers';

describe('counts, the short way', () => {
  it('in English as papers print them: two decimals below ten of a unit, one above', () => {
    // MobileNetV2 1.0's 300.8M multiply-adds and 3.50M parameters (Sandler et al., Table 8 style).
    expect(formatCount(300_774_272, 'en')).toBe('300.8M');
    expect(formatCount(3_504_872, 'en')).toBe('3.50M');
    expect(formatCount(1_234_567, 'en')).toBe('1.23M');
    expect(formatCount(143_400, 'en')).toBe('143.4K');
    expect(formatCount(864, 'en')).toBe('864');
    expect(formatCount(2_500_000_000, 'en')).toBe('2.50G');
  });

  it('in Chinese in 万 and 亿, four significant digits at most, trailing zeros dropped, exact below 1万', () => {
    expect(formatCount(1_234_567, 'zh')).toBe('123.5万');
    expect(formatCount(300_774_272, 'zh')).toBe('3.01亿');
    expect(formatCount(3_504_872, 'zh')).toBe('350.5万');
    expect(formatCount(3_500_000, 'zh')).toBe('350万');
    expect(formatCount(43_200_000, 'zh')).toBe('4320万');
    // MobileNet's separable layer (Howard et al. 2017, Table 3): 52,283,392 multiply-adds.
    expect(formatCount(52_283_392, 'zh')).toBe('5228万');
    expect(formatCount(9_999, 'zh')).toBe('9999');
    expect(formatCount(10_000, 'zh')).toBe('1万');
    expect(formatCount(-25_000, 'zh')).toBe('-2.5万');
  });

  it('rounds up into the next unit rather than writing a thousand of one', () => {
    expect(formatCount(999_960, 'en')).toBe('1.00M');
    expect(formatCount(99_999_999, 'zh')).toBe('1亿');
  });

  it('writes no Latin suffix in Chinese at any size', () => {
    for (let n = 1; n < 1e13; n *= 7) expect(formatCount(n, 'zh')).not.toMatch(/[KMG]/);
  });
});

describe('exact figures and ratios', () => {
  it('groups thousands', () => {
    expect(formatExact(1_234_567, 'en')).toBe('1,234,567');
    expect(formatExact(1_234_567, 'zh')).toBe('1,234,567');
    expect(formatExactDelta(-1_500, 'en')).toBe('−1,500');
    expect(formatExactDelta(0, 'en')).toBe('±0');
  });

  it('writes ratios to four decimals, and whole numbers without them', () => {
    expect(formatRatio(1 / 3, 'en')).toBe('0.3333');
    expect(formatRatio(8.5, 'zh')).toBe('8.5000');
    expect(formatRatio(8, 'zh')).toBe('8');
    expect(formatRatio(9, 'en')).not.toContain('.0000');
  });

  it('writes tensor values with four decimals, whole ones as they are', () => {
    expect(formatValue(0)).toBe('0');
    expect(formatValue(-3)).toBe('-3');
    expect(formatValue(0.12345)).toBe('0.1235');
    expect(formatValue(0.0001234)).toBe('1.234e-4');
    expect(formatValue(Number.NaN)).toBe('NaN');
  });
});

describe('changes, shares, sizes, times', () => {
  it('writes deltas and percentages with their sign', () => {
    expect(formatDelta(12_345_678, 'en')).toBe('+12.3M');
    expect(formatDelta(12_345_678, 'zh')).toBe('+1235万');
    expect(formatDelta(-850, 'en')).toBe('−850');
    expect(formatDelta(0, 'en')).toBe('±0');
    expect(formatPercentChange(200, 250)).toBe('+25%');
    expect(formatPercentChange(1000, 959)).toBe('−4.1%');
    expect(formatPercentChange(1e9, 1e9 + 1)).toBe('+<0.01%');
    // Nothing before: the caller says "new" in its language.
    expect(formatPercentChange(0, 5)).toBeUndefined();
  });

  it('writes shares and sizes', () => {
    expect(formatShare(0.2345)).toBe('23.4%');
    expect(formatShare(0.0005)).toBe('0.05%');
    expect(formatShare(0.00001)).toBe('<0.01%');
    // SqueezeNet 1.0 at fp32: the paper's 4.8MB is 4.76 MiB.
    expect(formatBytes(1_248_424 * 4)).toBe('4.76 MiB');
    expect(formatBytes(512)).toBe('512 B');
  });

  it('writes milliseconds with sensible digits', () => {
    expect(formatMs(0.0421)).toBe('0.042 ms');
    expect(formatMs(3.14159)).toBe('3.14 ms');
    expect(formatMs(31.41)).toBe('31.4 ms');
    expect(formatMs(314.2)).toBe('314 ms');
  });
});

describe('counts as people type them', () => {
  it('reads Latin suffixes, separators and exponents', () => {
    expect(parseCount('300M')).toBe(300_000_000);
    expect(parseCount('3.5m')).toBe(3_500_000);
    expect(parseCount('1,200,000')).toBe(1_200_000);
    expect(parseCount('2e6')).toBe(2_000_000);
    expect(parseCount('450k')).toBe(450_000);
    expect(parseCount('1.2G')).toBe(1_200_000_000);
  });

  it('reads 万 and 亿, with a full-width comma or a space', () => {
    expect(parseCount('3亿')).toBe(300_000_000);
    expect(parseCount('350万')).toBe(3_500_000);
    expect(parseCount('1.2 万')).toBe(12_000);
    expect(parseCount('1，200')).toBe(1_200);
  });

  it('refuses what is not a positive count', () => {
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('abc')).toBeUndefined();
    expect(parseCount('-5')).toBeUndefined();
    expect(parseCount('0')).toBeUndefined();
    expect(parseCount('3万亿')).toBeUndefined();
  });
});
