import jsepWasm from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { configure, type OrtModule } from '../src/runtime/ort-loader';
import { latencyStats, type LatencyStats } from '../src/runtime/outputs';
import { randomTensor } from '../src/runtime/preprocess';
import { createSession, feedsFor, timeRuns } from '../src/runtime/session';
import { timing } from './runtime-timing';

/** One in-browser measurement, with the app's own session and timing code (main thread or worker). */

export interface BenchConfig {
  readonly build: 'wasm' | 'default';
  readonly threads: number;
  readonly modelUrl: string;
  readonly inputShape: readonly number[];
}

const load = (build: BenchConfig['build']): Promise<OrtModule> =>
  build === 'wasm' ? import('onnxruntime-web/wasm') : import('onnxruntime-web');

export async function measure(config: BenchConfig): Promise<LatencyStats> {
  const ort = await load(config.build);
  const url = new URL(config.build === 'wasm' ? cpuWasm : jsepWasm, self.location.href).href;
  configure(ort, { threads: config.threads, wasmUrl: url });
  const bytes = new Uint8Array(await (await fetch(config.modelUrl)).arrayBuffer());
  const session = await createSession(ort, bytes, { backend: 'wasm', profiling: false, timeoutMs: 60_000 });
  const count = config.inputShape.reduce((a, b) => a * b, 1);
  const feeds = feedsFor(ort, session.inputNames[0] ?? 'input', randomTensor(count), config.inputShape);
  const { samples } = await timeRuns(session, feeds, timing, () => undefined);
  await session.release();
  return latencyStats(samples);
}
