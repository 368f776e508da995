import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * The JavaScript a first visit starts with stays under its budget: index.html's entry script and the
 * chunks it links (the production build this suite runs against). elkjs, the training engine and the
 * runtime load on demand; a change that pulls one of them into the first load fails here.
 */
const BUDGET_GZIPPED = 500 * 1024;

const dist = join(import.meta.dirname, '..', 'dist');
const initialScripts = (): string[] => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
};

test('the initial JavaScript is under 500 KB gzipped', () => {
  const files = initialScripts();
  expect(files.length).toBeGreaterThan(0);
  const gzipped = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  );
  expect(gzipped, `initial scripts: ${files.join(', ')}`).toBeLessThan(BUDGET_GZIPPED);
});

test('the Chinese dictionaries are a chunk of their own, loaded when Chinese is chosen', () => {
  // Sentences of the Chinese UI, messages and core text: none of them is in the first load.
  const chinese = ['已删除 {{names}}。', '最近的设计', '分组数不能整除通道数'];
  const first = initialScripts()
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n');
  for (const text of chinese) expect(first.includes(text), text).toBe(false);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
    .join('\n');
  for (const text of chinese) expect(all.includes(text), text).toBe(true);
});

test("the lessons' text is a chunk of its own, loaded when the Learn tab shows a lesson", () => {
  // A sentence of one lesson, in each language (each lesson file holds both): in no first-load script.
  const lesson = [
    'A standard conv filters space and mixes channels in one step.',
    '标准卷积在一步里同时做空间滤波和通道混合。',
  ];
  const first = initialScripts()
    .map((f) => readFileSync(join(dist, f), 'utf8'))
    .join('\n');
  for (const text of lesson) expect(first.includes(text), text).toBe(false);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
    .join('\n');
  for (const text of lesson) expect(all.includes(text), text).toBe(true);
});
