import { describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy } from './npy';

describe('npy', () => {
  it('round-trips float32 data with its shape, header padded to 64 bytes', () => {
    const data = Float32Array.from([1.5, -2, 3.25, 0, 1e-7, 42]);
    const bytes = encodeNpy(data, [1, 2, 3]);
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    expect((10 + headerLength) % 64).toBe(0);
    expect(decodeNpy(bytes)).toEqual({ data, shape: [1, 2, 3] });
    expect(decodeNpy(encodeNpy(data, [6])).shape).toEqual([6]);
  });
  it('refuses other files', () => {
    expect(() => decodeNpy(new Uint8Array(16))).toThrow();
  });
});
