import { afterEach, describe, expect, it } from 'vitest';
import { formulaEntries, formulaLines } from '../../test-support/formula-lines';
import { i18next } from './index';
import { zhResources } from './zh-resources';
import { formulaText } from './say';

/** A word of prose: three or more lowercase letters, not a function's name and not a subscripted symbol. */
const prose = (line: string): boolean =>
  /\b[a-z]{3,}\b/.test(line.replace(/\b(?:max|min|round|nnz|im2col|log|exp|sqrt|ceil|floor)\b/g, ''));
const lines = [...formulaLines()].filter(prose).sort();
const zh: Readonly<Record<string, string>> = zhResources.formula;

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('the words inside formulas', () => {
  it('harvests the formula lines of real designs (the check below is not vacuous)', () => {
    expect(lines.length).toBeGreaterThan(40);
  });
  it.each(lines)('%s reads in Chinese', async (line) => {
    expect(zh[line], 'no Chinese entry').toBeDefined();
    await i18next.changeLanguage('zh');
    const text = formulaText(line);
    expect(text).toMatch(/\p{Script=Han}/u);
    await i18next.changeLanguage('en');
    expect(formulaText(line)).toBe(line);
  });
  it('keeps every number of the English line in the Chinese one', () => {
    const numbers = (s: string) => (s.match(/\d+/g) ?? []).sort();
    for (const [en, text] of Object.entries(zh)) expect(numbers(text), en).toEqual(numbers(en));
  });
  it('a substituted line that holds words carries its message', () => {
    const wordy = formulaEntries().filter(
      (f) => /\b[a-z]{3,} [a-z]{3,}\b/.test(f.substituted) && f.said === undefined,
    );
    expect(wordy.map((f) => f.substituted)).toEqual([]);
  });
  it('has no entry the app never shows', () => {
    expect(Object.keys(zh).filter((k) => !lines.includes(k))).toEqual([]);
  });
});
