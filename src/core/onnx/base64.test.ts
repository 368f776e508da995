import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64';

describe('base64', () => {
  it('matches Node’s encoder and round-trips, for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Array.from(fromBase64(text) ?? [])).toEqual(Array.from(bytes));
      }),
    );
  });
  it('rejects text that is not base64', () => {
    expect(fromBase64('abc')).toBeUndefined();
    expect(fromBase64('ab!=')).toBeUndefined();
  });
});
