import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { holdOut } from './holdout';
import { listImageFolder } from './image-folder';
import { readZip } from './zip';

describe('a zip of class folders', () => {
  it('lists as the same folder would', async () => {
    const zip = zipSync({
      'pets/': new Uint8Array(0),
      'pets/cat/1.png': strToU8('a'),
      'pets/dog/2.png': strToU8('b'),
      'pets/dog/3.png': strToU8('c'),
      '__MACOSX/pets/dog/._3.png': strToU8('d'),
    });
    const files = await readZip(zip);
    expect([...files.keys()].sort()).toEqual([
      '__MACOSX/pets/dog/._3.png',
      'pets/cat/1.png',
      'pets/dog/2.png',
      'pets/dog/3.png',
    ]);
    const listing = listImageFolder([...files.keys()]);
    expect(listing.classes).toEqual(['cat', 'dog']);
    expect(listing.samples.map((s) => [s.path, s.label])).toEqual([
      ['pets/cat/1.png', 0],
      ['pets/dog/2.png', 1],
      ['pets/dog/3.png', 1],
    ]);
    expect(new TextDecoder().decode(files.get('pets/dog/2.png'))).toBe('b');
  });

  it('refuses bytes that are not a zip', async () => {
    await expect(readZip(strToU8('not a zip at all'))).rejects.toThrow();
  });
});

describe('holdOut', () => {
  const samples = [
    ...Array.from({ length: 10 }, (_, i) => ({ path: `a/${i}.png`, label: 0 })),
    ...Array.from({ length: 5 }, (_, i) => ({ path: `b/${i}.png`, label: 1 })),
    { path: 'c/only.png', label: 2 },
  ];

  it('holds out a share of every class (at least one, never the last), the same for the same seed', () => {
    const split = holdOut(samples, 0.2, 1);
    // round(10·0.2) = 2 of a, round(5·0.2) = 1 of b, none of the single c.
    expect(split.eval.filter((s) => s.label === 0)).toHaveLength(2);
    expect(split.eval.filter((s) => s.label === 1)).toHaveLength(1);
    expect(split.eval.filter((s) => s.label === 2)).toHaveLength(0);
    expect(split.train).toHaveLength(16 - 3);
    expect(new Set([...split.train, ...split.eval].map((s) => s.path)).size).toBe(16);
    expect(holdOut(samples, 0.2, 1)).toEqual(split);
    expect(holdOut(samples, 0.2, 2).eval).not.toEqual(split.eval);
  });
});
