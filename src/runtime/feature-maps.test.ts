import { describe, expect, it } from 'vitest';
import { firstChannels } from './feature-maps';

describe('firstChannels', () => {
  const data = Float32Array.from({ length: 4 * 2 * 3 }, (_, i) => i);
  it('keeps the first channels of a 1×C×H×W map, as a copy', () => {
    const kept = firstChannels({ tensor: 't', shape: [1, 4, 2, 3], data }, 2);
    expect([...kept]).toEqual([...data.slice(0, 12)]);
    kept[0] = 99;
    expect(data[0]).toBe(0);
  });
  it('keeps everything when there are fewer channels than asked for', () => {
    expect(firstChannels({ tensor: 't', shape: [1, 4, 2, 3], data }, 64)).toHaveLength(24);
  });
  it('treats any other shape as C×1×1', () => {
    expect([...firstChannels({ tensor: 't', shape: [1, 24], data }, 5)]).toEqual([0, 1, 2, 3, 4]);
  });
});
