import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchChromium } from './chromium';
import { build, preview } from 'vite';
import { printTable } from './measure';

/**
 * Canvas frame times in Chromium: MobileNetV3-Large with every block open (about 250 cards), panned,
 * zoomed and dragged with the mouse while requestAnimationFrame records every frame. Uses the production
 * build (made when missing); Debian's Chromium, software rendering on this machine (no GPU).
 */
export async function benchCanvas(): Promise<void> {
  // The frames are those of the production build: build it when there is none yet.
  if (!existsSync('dist/index.html')) await build({ logLevel: 'warn' });
  const server = await preview({
    preview: { port: 4390, host: '127.0.0.1', strictPort: true },
    logLevel: 'silent',
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto('http://127.0.0.1:4390/');
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('searchbox', { name: 'Search the palette' }).fill('MobileNetV3-Large');
    await page.getByRole('button', { name: 'MobileNetV3-Large', exact: true }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Opened MobileNetV3-Large' }).waitFor();
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Open all blocks' }).click();
    await page.getByTestId('block-frame').first().waitFor();
    const rows: string[][] = [];
    for (const zoom of ['fit', 'in'] as const) {
      for (const [what, act] of gestures) {
        await page.locator('.canvas').click({ position: { x: 30, y: 30 } });
        await page.keyboard.press('f');
        if (zoom === 'in')
          for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
        await page.waitForTimeout(400);
        const cards = await page.locator('.react-flow__node').count();
        const frames = await measure(page, act);
        rows.push([
          `${what} (${zoom === 'fit' ? 'whole design in view' : 'zoomed in'})`,
          String(cards),
          ...stats(frames),
        ]);
      }
    }
    printTable(
      'Canvas frame times, MobileNetV3-Large with every block open (ms per frame)',
      ['gesture', 'cards drawn', 'frames', 'median', 'p95', 'max', '> 50 ms'],
      rows,
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

type Gesture = (page: Page, box: { x: number; y: number; width: number; height: number }) => Promise<void>;

const gestures: readonly (readonly [string, Gesture])[] = [
  [
    'pan',
    async (page, box) => {
      await page.mouse.move(box.x + 40, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(box.x + 40 + i * 4, box.y + box.height / 2 + i * 3);
      await page.mouse.up();
    },
  ],
  [
    'zoom',
    async (page, box) => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? -60 : 60);
    },
  ],
  [
    'drag a node',
    async (page) => {
      const canvas = await page.locator('.canvas').boundingBox();
      const boxes = await page
        .locator('.react-flow__node-frame')
        .evaluateAll((els) =>
          els
            .map((e) => e.getBoundingClientRect())
            .map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
        );
      const b = boxes.find(
        (r) => canvas !== null && r.y > canvas.y + 20 && r.y < canvas.y + canvas.height - 200,
      );
      if (b === undefined) return;
      await page.mouse.move(b.x + 20, b.y + 10);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(b.x + 20 + i * 3, b.y + 10 + i * 2);
      await page.mouse.up();
    },
  ],
];

/** Frame intervals while the gesture runs. */
async function measure(page: Page, gesture: Gesture): Promise<number[]> {
  const box = await page.locator('.canvas').boundingBox();
  if (box === null) return [];
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  await page.evaluate(
    'window.frames_ = []; window.stop_ = false; const tick = (t) => { window.frames_.push(t); if (!window.stop_) requestAnimationFrame(tick); }; requestAnimationFrame(tick);',
  );
  await gesture(page, box);
  await page.waitForTimeout(200);
  const times = await page.evaluate<number[]>('window.stop_ = true; window.frames_');
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

function stats(frames: readonly number[]): string[] {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return [
    String(frames.length),
    at(0.5).toFixed(1),
    at(0.95).toFixed(1),
    (sorted.at(-1) ?? NaN).toFixed(1),
    String(frames.filter((f) => f > 50).length),
  ];
}
