import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * The JavaScript a first visit starts with stays under its budget: index.html's entry script and the
 * chunks it links (the production build this suite runs against). elkjs, the training engine and the
 * runtime load on demand; a change that pulls one of them into the first load fails here.
 */
const BUDGET_GZIPPED = 500 * 1024;

test('the initial JavaScript is under 500 KB gzipped', () => {
  const dist = join(import.meta.dirname, '..', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  expect(files.length).toBeGreaterThan(0);
  const gzipped = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  );
  expect(gzipped, `initial scripts: ${files.join(', ')}`).toBeLessThan(BUDGET_GZIPPED);
});
