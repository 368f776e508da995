import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits, limitWords, settingProblems, shapeProblem } from './limits';
import { quote } from './quote';

describe('limits', () => {
  it('docs/limits.md states every limit with its value', () => {
    const doc = readFileSync(join(__dirname, '../../docs/limits.md'), 'utf8');
    for (const [name, value] of Object.entries(limits)) {
      const words = limitWords[name as keyof typeof limits].replace(/^the /, '').replace(/ \(.*\)$/, '');
      expect(doc, name).toMatch(new RegExp(`\\|\\s*${words}\\s*\\|\\s*${value.toLocaleString('en-US')}\\b`));
    }
  });

  it.each([
    [{ kernel: [16_385, 3] }, 'kernel.0', /above the largest dimension \(16,384/],
    [{ outChannels: 65_537 }, 'outChannels', /above the largest channel count \(65,536/],
    [{ outChannels: Infinity }, 'outChannels', /not a finite number/],
    [{ fraction: NaN }, 'fraction', /not a finite number/],
  ])('settings %j: %s refused', (params, field, message) => {
    const [p] = settingProblems(params);
    expect(p?.field).toBe(field);
    expect(p?.message).toMatch(message);
  });

  it('leaves an opaque op’s ONNX attributes as they came (INT64_MAX is a common slice end)', () => {
    expect(settingProblems({ attributes: [{ name: 'ends', value: [2 ** 63] }], inputs: 1 })).toEqual([]);
  });

  it.each([
    [[1, 1_024, 16_384, 16], undefined],
    [[1, 3, 16_385, 8], /axis 2 of 1×3×16385×8 is above the largest dimension/],
    [[1, 65_537], /axis 1 of 1×65537 is above the largest channel count/],
    [[1, 65_536, 16_384, 16_384], /has 17,592,186,044,416 elements, above the largest tensor/],
    [Array.from({ length: 33 }, () => 1), /33 axes are above the most axes/],
  ])('shape %j', (shape, message) => {
    const p = shapeProblem(shape);
    if (message === undefined) expect(p).toBeUndefined();
    else expect(p).toMatch(message);
  });
});

describe('quote', () => {
  it.each([
    ['conv1', '"conv1"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\u001b[31mred\nline\ttab\r', '"\\u001b[31mred\\nline\\ttab\\r"'],
    ['\u202eevil\u2028', '"\\u202eevil\\u2028"'],
    ['😀', '"😀"'],
    ['x'.repeat(100), `"${'x'.repeat(64)}…" (100 characters)`],
  ])('%j → %s', (name, quoted) => {
    expect(quote(name)).toBe(quoted);
  });

  it('cuts a ten-million-character name without copying it', () => {
    const t0 = performance.now();
    expect(quote('n'.repeat(10_000_000))).toBe(`"${'n'.repeat(64)}…" (10,000,000 characters)`);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
