import type { Recipe } from '../src/core/document/results';
import type { Design } from '../src/core/design/design-types';
import { withDevServerBrowser } from './chromium';

const PORT = 5191;

/**
 * Images per second of the Train tab's own worker in Chromium (tfjs on WASM, one thread, as the
 * app runs it) for each design, in one page per design; the training steps only, evaluation left out.
 */
export async function browserImagesPerSecond(
  runs: readonly { readonly design: Design; readonly recipe: Recipe; readonly evalLimit: number }[],
): Promise<(number | undefined)[]> {
  return withDevServerBrowser(PORT, async (browser) => {
    const out: (number | undefined)[] = [];
    for (const run of runs) {
      // Vite's dev server may reload the first page once it has optimised the workers' imports.
      let ips: number | undefined;
      for (let attempt = 1; attempt <= 2; attempt++) {
        const page = await browser.newPage();
        try {
          await page.goto(`http://127.0.0.1:${String(PORT)}/bench/training.html`);
          const r = await page.evaluate(
            (request) =>
              (
                window as unknown as {
                  benchTrain: (r: unknown) => Promise<{ imagesPerSecond: number; backend: string }>;
                }
              ).benchTrain(request),
            run,
          );
          if (r.backend !== 'wasm') console.error(`the browser trained on ${r.backend}, not WASM`);
          else ips = r.imagesPerSecond;
          break;
        } catch (e) {
          const text = e instanceof Error ? e.message : String(e);
          if (attempt === 2 || !text.includes('context was destroyed'))
            console.error(`browser run failed: ${text}`);
          if (!text.includes('context was destroyed')) break;
        } finally {
          await page.close();
        }
      }
      out.push(ips);
    }
    return out;
  });
}
