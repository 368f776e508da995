import { describe, expect, it } from 'vitest';
import { listImageFolder } from './image-folder';

describe('listImageFolder (torchvision ImageFolder semantics)', () => {
  it('reads a picked folder: classes sorted, samples sorted within a class, labels by class index', () => {
    const listing = listImageFolder([
      'clothes/shirt/b.png',
      'clothes/bag/x.JPG',
      'clothes/shirt/a.jpeg',
      'clothes/Bag2/deeper/c.webp',
      'clothes/notes.txt',
      'clothes/shirt/readme.md',
    ]);
    // Python's sorted() is by code point: upper case before lower case.
    expect(listing.classes).toEqual(['Bag2', 'bag', 'shirt']);
    expect(listing.samples).toEqual([
      { path: 'clothes/Bag2/deeper/c.webp', label: 0 },
      { path: 'clothes/bag/x.JPG', label: 1 },
      { path: 'clothes/shirt/a.jpeg', label: 2 },
      { path: 'clothes/shirt/b.png', label: 2 },
    ]);
    // readme.md inside a class is skipped; notes.txt in the root is not a sample at all.
    expect(listing.skipped).toBe(1);
  });

  it('reads a zip of the class folders alone the same way as one with a root folder', () => {
    const bare = listImageFolder(['cat/1.png', 'dog/2.png']);
    const rooted = listImageFolder(['pets/cat/1.png', 'pets/dog/2.png']);
    expect(bare.classes).toEqual(['cat', 'dog']);
    expect(rooted.classes).toEqual(['cat', 'dog']);
    expect(rooted.samples.map((s) => s.label)).toEqual([0, 1]);
  });

  it('does not take a lone class folder for the root', () => {
    // One class only: "cat" stays a class (the caller refuses a single class with its own sentence).
    expect(listImageFolder(['cat/1.png', 'cat/2.png']).classes).toEqual(['cat']);
  });

  it('ignores hidden files and macOS zip metadata', () => {
    const listing = listImageFolder([
      'a/1.png',
      'a/.DS_Store',
      '__MACOSX/a/._1.png',
      'b/.hidden/2.png',
      'b/3.png',
    ]);
    expect(listing.classes).toEqual(['a', 'b']);
    expect(listing.samples.map((s) => s.path)).toEqual(['a/1.png', 'b/3.png']);
  });

  it('an empty folder lists nothing', () => {
    expect(listImageFolder([])).toEqual({ classes: [], samples: [], skipped: 0 });
    expect(listImageFolder(['root/readme.txt']).samples).toEqual([]);
  });
});
