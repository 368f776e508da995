import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { launchChromium } from './chromium';
import { build, preview } from 'vite';
import { printTable } from './measure';

const LOADS = 5;
// BENCH_PORT moves the servers (two, with BENCH_BEFORE_DIST) off a port another run holds.
const PORT = Number(process.env.BENCH_PORT ?? 4391);

/** The scripts index.html loads before anything else: the entry and its static imports (gzipped KB). */
export function initialScripts(dist: string): { file: string; bytes: number; gzip: number }[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.map((file) => {
    const body = readFileSync(join(dist, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

/** Milliseconds from navigation to the first canvas card, of one cold load (a fresh context: no cache, no saved design). */
async function firstCard(browser: Browser, port: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    // Recorded by the page itself, from navigation start, the moment the first card is in the DOM.
    await page.addInitScript(
      "new MutationObserver((_, o) => { if (document.querySelector('.react-flow__node')) { window.firstCard_ = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });",
    );
    await page.goto(`http://127.0.0.1:${String(port)}/`);
    await page.locator('.react-flow__node').first().waitFor();
    return await page.evaluate<number>('window.firstCard_');
  } finally {
    await context.close();
  }
}

/**
 * First paint from a real Chromium load of the production build: milliseconds from navigation to the
 * first canvas card, over five cold loads (a fresh browser context each, so no cache and no saved
 * design: the first visit's default design), and the size of the JavaScript the page starts with.
 * With BENCH_BEFORE_DIST (another build, such as main's), both builds are served at once and loaded
 * in alternating pairs (A B, B A, …), so that a busy machine weighs on both columns alike.
 */
export async function benchFirstPaint(): Promise<void> {
  const dist = process.env.BENCH_DIST ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) await build({ logLevel: 'warn', build: { outDir: dist } });
  const before = process.env.BENCH_BEFORE_DIST;
  const builds =
    before === undefined
      ? [{ name: 'this build', dist }]
      : [
          { name: 'before', dist: before },
          { name: 'after', dist },
        ];
  const servers = await Promise.all(
    builds.map((b, i) =>
      preview({
        build: { outDir: b.dist },
        preview: { port: PORT + i, host: '127.0.0.1', strictPort: true },
        logLevel: 'silent',
      }),
    ),
  );
  const browser = await launchChromium();
  try {
    const times: number[][] = builds.map(() => []);
    for (let i = 0; i < LOADS; i++) {
      const order = builds.map((_, k) => k);
      if (i % 2 === 1) order.reverse();
      for (const k of order) times[k]?.push(await firstCard(browser, PORT + k));
    }
    const rows = builds.map((b, k) => {
      const sorted = [...(times[k] ?? [])].sort((x, y) => x - y);
      const scripts = initialScripts(b.dist);
      return [
        b.name,
        (sorted[Math.floor(LOADS / 2)] ?? NaN).toFixed(0),
        (sorted[0] ?? NaN).toFixed(0),
        (sorted.at(-1) ?? NaN).toFixed(0),
        String(LOADS),
        (scripts.reduce((s, f) => s + f.bytes, 0) / 1024).toFixed(0),
        (scripts.reduce((s, f) => s + f.gzip, 0) / 1024).toFixed(0),
      ];
    });
    printTable(
      `First paint: navigation to the first canvas card, ${LOADS} cold loads of the production build (ms; target 800)`,
      ['build', 'median', 'min', 'max', 'loads', 'initial JS (KB)', 'initial JS gzipped (KB)'],
      rows,
    );
  } finally {
    await browser.close();
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.httpServer.close(() => {
              resolve();
            });
          }),
      ),
    );
  }
}
