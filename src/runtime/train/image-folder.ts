/**
 * The user's own images as torchvision's ImageFolder reads them: one subfolder per class under a root,
 * classes in sorted order, every image file below a class folder (at any depth) one sample of it.
 * Pure: it reads paths only, so a folder picked with `webkitdirectory` and a zip list the same way.
 */

/** torchvision's IMG_EXTENSIONS (datasets/folder.py), lower case. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.ppm', '.bmp', '.pgm', '.tif', '.tiff', '.webp'];

export interface FolderSample {
  /** The path as given (for messages: "which file did not decode"). */
  readonly path: string;
  /** Index into `classes`. */
  readonly label: number;
}

export interface FolderListing {
  /** Class names, sorted as Python sorts strings (by code point). */
  readonly classes: readonly string[];
  readonly samples: readonly FolderSample[];
  /** Files skipped because they are not images by their extension (counted, never read). */
  readonly skipped: number;
}

const hidden = (part: string): boolean => part.startsWith('.') || part === '__MACOSX';

const isImage = (name: string): boolean => {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
};

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Splits a path on either slash, dropping empty parts ("./a//b" → ["a", "b"]). */
const partsOf = (path: string): string[] => path.split(/[\\/]/).filter((p) => p !== '' && p !== '.');

/**
 * Lists samples from file paths. The root is the deepest folder every path shares, as long as below it
 * there are class folders: a picked folder "clothes/shirt/1.png" and a zip of the class folders alone
 * ("shirt/1.png") read alike. Hidden files and folders (".DS_Store", "__MACOSX") are ignored, as are
 * files directly in the root.
 */
export function listImageFolder(paths: readonly string[]): FolderListing {
  const visible = paths
    .map((path) => ({ path, parts: partsOf(path) }))
    .filter(({ parts }) => parts.length > 0 && !parts.some(hidden));
  // Strip the leading folders every path shares, while some path still has a class folder and a file below.
  let depth = 0;
  for (;;) {
    const first = visible[0]?.parts[depth];
    if (first === undefined) break;
    const shared = visible.every(({ parts }) => parts.length > depth + 1 && parts[depth] === first);
    if (!shared || !visible.some(({ parts }) => parts.length > depth + 2)) break;
    depth++;
  }
  const byClass = new Map<string, string[]>();
  let skipped = 0;
  for (const { path, parts } of visible) {
    const rest = parts.slice(depth);
    const cls = rest[0];
    if (rest.length < 2 || cls === undefined) continue;
    if (!isImage(rest.at(-1) ?? '')) {
      skipped++;
      continue;
    }
    const list = byClass.get(cls) ?? [];
    list.push(path);
    byClass.set(cls, list);
  }
  const classes = [...byClass.keys()].sort(byCodePoint);
  const samples: FolderSample[] = [];
  classes.forEach((cls, label) => {
    for (const path of [...(byClass.get(cls) ?? [])].sort(byCodePoint)) samples.push({ path, label });
  });
  return { classes, samples, skipped };
}
