import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md's folder map names every folder of src/: a folder added without a line there
 * (or a line left for a folder that is gone) fails here.
 */
const root = new URL('..', import.meta.url).pathname;
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

/** The folders the map's code block names: `src/core/` at the left, `ir/` or `a/, b/` indented below. */
function mappedFolders(): Set<string> {
  const block = /```\n(src\/[\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const folders = new Set<string>();
  const parents: string[] = [];
  for (const line of block.split('\n')) {
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const head = line.trim().split(/\s{2,}/)[0] ?? '';
    const names = head.split(/,\s*/).filter((n) => n.endsWith('/'));
    if (names.length === 0) continue;
    const depth = indent / 2;
    const parent = parents.slice(0, depth).join('');
    for (const n of names) folders.add(`${parent}${n}`.replace(/\/$/, ''));
    parents.length = depth;
    parents[depth] = names.length === 1 ? (names[0] ?? '') : '';
  }
  return folders;
}

function realFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = join(dir, e.name);
      return [relative(root, path), ...realFolders(path)];
    });
}

describe('docs/architecture.md', () => {
  const mapped = mappedFolders();
  const real = realFolders(join(root, 'src')).sort();

  it('maps every folder of src/', () => {
    expect(real.filter((f) => !mapped.has(f))).toEqual([]);
  });

  it('maps no folder that is not there', () => {
    expect([...mapped].filter((f) => !real.includes(f)).sort()).toEqual([]);
  });

  it('says which way imports point and that lint enforces it', () => {
    expect(doc).toContain('## Imports point one way');
    expect(doc).toContain('dependency-cruiser');
  });
});

/** Every source file under a folder (tests and type declarations left out). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|\.d\.ts$/.test(e.name) ? [relative(root, path)] : [];
  });
}

describe('names in src/core', () => {
  it('no two modules share a file name: a file is found by its name alone', () => {
    const byName = new Map<string, string[]>();
    for (const f of sourceFiles(join(root, 'src/core'))) {
      const name = f.slice(f.lastIndexOf('/') + 1);
      byName.set(name, [...(byName.get(name) ?? []), f]);
    }
    expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });
});
