import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: no file a user or contributor reads (code, docs, UI text, CLI output,
 * file metadata, fixtures) points at notes outside it. The names are assembled here so that this
 * file does not match itself.
 */
const outside = new RegExp(
  ['DES' + 'IGN', 'MACH' + 'INE'].map((n) => `${n}\\.md`).join('|') + String.raw`|\.\./shared\b`,
);

const tracked = execFileSync('git', ['ls-files', '-z'], {
  cwd: new URL('..', import.meta.url),
  encoding: 'utf8',
})
  .split('\0')
  .filter((f) => f !== '' && !/\.(gz|png|jpe?g|webp|ico|onnx|bundle)$/.test(f));

describe('the repository stands alone', () => {
  it('lists its files', () => {
    expect(tracked).toContain('README.md');
    expect(tracked).toContain('docs/costs.md');
  });

  it('refers to no notes outside itself', () => {
    const root = new URL('..', import.meta.url);
    const hits = tracked.filter((f) => outside.test(readFileSync(new URL(f, root), 'utf8')));
    expect(hits).toEqual([]);
  });
});

describe('test helpers stay out of the product', () => {
  it('no production file imports test-support/', () => {
    const root = new URL('..', import.meta.url);
    const production = tracked.filter((f) => /^src\/.*\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(production.length).toBeGreaterThan(100);
    const hits = production.filter((f) =>
      /from\s+['"][./]*test-support\//.test(readFileSync(new URL(f, root), 'utf8')),
    );
    expect(hits).toEqual([]);
  });
});
