import { describe, expect, it } from 'vitest';
import { formatField, parseField } from './parse-field';

describe('parseField', () => {
  const channels = { type: 'number', int: true, min: 1, optional: false } as const;
  it('accepts whole numbers in range', () => {
    expect(parseField(channels, ' 64 ')).toEqual({ ok: true, value: 64 });
  });
  it('says what is wrong in words', () => {
    expect(parseField(channels, '0')).toEqual({
      ok: false,
      message: 'Must be a whole number of at least 1.',
    });
    expect(parseField(channels, '2.5')).toEqual({
      ok: false,
      message: 'Must be a whole number of at least 1.',
    });
    expect(parseField({ type: 'number', int: false, min: 0, max: 1, optional: false }, '1.5')).toEqual({
      ok: false,
      message: 'Must be a number from 0 to 1.',
    });
  });
  it('treats an empty optional number as unset', () => {
    expect(parseField({ ...channels, optional: true }, '')).toEqual({ ok: true, value: undefined });
  });
  it('reads lists of sizes', () => {
    expect(parseField({ type: 'list', int: true, min: 1 }, '58, 58')).toEqual({ ok: true, value: [58, 58] });
    expect(parseField({ type: 'list', int: true, min: 1 }, '58, x').ok).toBe(false);
    expect(formatField([58, 58])).toBe('58, 58');
  });
});
