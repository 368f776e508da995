import { describe, expect, it } from 'vitest';
import { chartColumns, fitText, textWidth } from './chart-layout';

describe('the difference chart’s columns', () => {
  it('keeps labels, bars and values apart at every width', () => {
    for (const width of [240, 380, 520, 760, 1100])
      for (const value of [20, 60, 90]) {
        const c = chartColumns(width, value);
        expect(c.labelEnd).toBeLessThan(c.barStart);
        expect(c.barStart).toBeLessThan(c.barEnd);
        expect(c.barEnd + value).toBeLessThan(c.valueEnd);
        expect(c.valueEnd).toBeLessThanOrEqual(width);
      }
  });

  it('fits a label to its column, counting CJK characters a full em', () => {
    expect(textWidth('ab', 10)).toBeCloseTo(12.4, 9);
    expect(textWidth('倒残差', 10)).toBe(30);
    const long = '第二个倒残差块里的逐点扩展卷积层';
    const cut = fitText(long, 100, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(100);
    expect(fitText('conv2', 100)).toBe('conv2');
  });
});
