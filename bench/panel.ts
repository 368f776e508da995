import { launchChromium } from './chromium';
import { createServer } from 'vite';
import type { Design } from '../src/core/design/design-types';
import { ms, printTable } from './measure';

/**
 * The cost panel's work per edit, timed in Chromium (the panel must be current within one frame): analyze()
 * and the panel's derived figures (hints, deploy view, per-layer rows) for presets and a synthetic
 * design of about 250 primitives. A bare Vite dev server serves the core's modules to the page.
 */
interface Row {
  readonly name: string;
  readonly layers: number;
  readonly analyze: number;
  readonly panel: number;
}

async function timeInPage(): Promise<Row[]> {
  // In the page, modules come from the Vite server by URL; their types from the sources here.
  const load = <T>(url: string): Promise<T> => import(/* @vite-ignore */ url) as Promise<T>;
  const analysis = await load<typeof import('../src/core/analysis/analyze')>('/src/core/analysis/analyze.ts');
  const presets = await load<typeof import('../src/core/presets/preset-registry')>(
    '/src/core/presets/preset-registry.ts',
  );
  const hints = await load<typeof import('../src/core/analysis/hints')>('/src/core/analysis/hints.ts');
  const deploy = await load<typeof import('../src/core/analysis/deploy')>('/src/core/analysis/deploy.ts');
  const rows = await load<typeof import('../src/panels/cost/layer-rows')>('/src/panels/cost/layer-rows.ts');
  const synthetic = await load<typeof import('./analysis')>('/bench/analysis.ts');
  const build = (name: string): Design => {
    const p = presets.findPreset(name);
    if (p === undefined) throw new Error(`no preset ${name}`);
    return p.build();
  };
  const median = (fn: () => void, runs: number): number => {
    for (let i = 0; i < 5; i++) fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)] ?? NaN;
  };
  const designs = [
    ['mobilenet_v3_large', build('mobilenet_v3_large')],
    ['mobilenet_v2', build('mobilenet_v2')],
    ['shufflenet_v2_x1_0', build('shufflenet_v2_x1_0')],
    ['synthetic 250', synthetic.syntheticDesign(250)],
  ] as const;
  return designs.map(([name, design]) => {
    const panel = (): void => {
      const a = analysis.analyze(design);
      hints.guidelineHints(a);
      deploy.deployView(a);
      rows.layerTable(a, { filter: '', sort: 'order', descending: false, grouped: true });
    };
    return {
      name,
      layers: analysis.analyze(design).layers.length,
      analyze: median(() => analysis.analyze(design), 60),
      panel: median(panel, 40),
    };
  });
}

export async function benchPanel(): Promise<void> {
  const server = await createServer({
    configFile: false,
    logLevel: 'silent',
    server: { port: 4191, strictPort: false, host: '127.0.0.1' },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4191/';
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    // Any same-origin document will do: the page only imports the core's modules.
    await page.goto(`${url}package.json`);
    const rows = await page.evaluate(timeInPage);
    printTable(
      'Cost panel work per edit, Chromium (headless), median ms',
      ['design', 'primitive ops', 'analyze()', 'analyze + hints + deploy + table rows'],
      rows.map((r) => [r.name, String(r.layers), ms(r.analyze), ms(r.panel)]),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
