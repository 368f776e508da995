import type { LatencyStats } from '../src/runtime/outputs';
import { measure, type BenchConfig } from './runtime-measure';

/** The benchmark page: bench/runtime.ts calls window.benchRun once per fresh page load. */

type Where = 'worker' | 'main';

function inWorker(config: BenchConfig): Promise<LatencyStats> {
  const worker = new Worker(new URL('./runtime-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: boolean; stats?: LatencyStats; error?: string }>) => {
      worker.terminate();
      if (e.data.ok && e.data.stats !== undefined) resolve(e.data.stats);
      else reject(new Error(e.data.error ?? 'failed'));
    };
    worker.onerror = (e) => {
      reject(new Error(e.message));
    };
    worker.postMessage(config);
  });
}

declare global {
  interface Window {
    benchRun: (config: BenchConfig & { where: Where }) => Promise<LatencyStats>;
    benchInfo: () => { cores: number; isolated: boolean };
  }
}

window.benchRun = (config) => (config.where === 'worker' ? inWorker(config) : measure(config));
window.benchInfo = () => ({ cores: navigator.hardwareConcurrency, isolated: self.crossOriginIsolated });
