import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { printTable } from './measure';

const LOADS = 5;
const PORT = 4391;

/** The scripts index.html loads before anything else: the entry and its static imports (gzipped KB). */
export function initialScripts(dist: string): { file: string; bytes: number; gzip: number }[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return files.map((file) => {
    const body = readFileSync(join(dist, file));
    return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

/**
 * First paint from a real Chromium load of the production build: milliseconds from navigation to the
 * first canvas card, over five cold loads (a fresh browser context each, so no cache and no saved
 * design: the first visit's default design), and the size of the JavaScript the page starts with.
 */
export async function benchFirstPaint(): Promise<void> {
  const dist = process.env.BENCH_DIST ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) await build({ logLevel: 'warn', build: { outDir: dist } });
  const server = await preview({
    build: { outDir: dist },
    preview: { port: PORT, host: '127.0.0.1', strictPort: true },
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Recorded by the page itself, from navigation start, the moment the first card is in the DOM.
      await page.addInitScript(
        "new MutationObserver((_, o) => { if (document.querySelector('.react-flow__node')) { window.firstCard_ = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });",
      );
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.locator('.react-flow__node').first().waitFor();
      times.push(await page.evaluate<number>('window.firstCard_'));
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const scripts = initialScripts(dist);
    printTable(
      `First paint: navigation to the first canvas card, ${LOADS} cold loads of the production build (ms)`,
      ['median', 'min', 'max', 'loads', 'initial JS (KB)', 'initial JS gzipped (KB)'],
      [
        [
          (sorted[Math.floor(LOADS / 2)] ?? NaN).toFixed(0),
          (sorted[0] ?? NaN).toFixed(0),
          (sorted.at(-1) ?? NaN).toFixed(0),
          String(LOADS),
          (scripts.reduce((s, f) => s + f.bytes, 0) / 1024).toFixed(0),
          (scripts.reduce((s, f) => s + f.gzip, 0) / 1024).toFixed(0),
        ],
      ],
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => {
      server.httpServer.close(() => {
        resolve();
      });
    });
  }
}
