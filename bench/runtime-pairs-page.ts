import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { configure } from '../src/runtime/ort-loader';
import { randomTensor } from '../src/runtime/preprocess';
import { createSession, feedsFor } from '../src/runtime/session';

/**
 * The paired benchmark's browser side, in a module worker as the app runs it: `open` makes one
 * session and keeps it; each `step` times one run, so the driver can alternate it with a native run.
 */
type Request =
  | { type: 'open'; threads: number; modelUrl: string; inputShape: readonly number[] }
  | { type: 'step' }
  | { type: 'close' };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let step: (() => Promise<number>) | undefined;
let close: (() => Promise<void>) | undefined;

async function open(r: Extract<Request, { type: 'open' }>): Promise<void> {
  const ort = await import('onnxruntime-web/wasm');
  configure(ort, { threads: r.threads, wasmUrl: new URL(cpuWasm, self.location.href).href });
  const bytes = new Uint8Array(await (await fetch(r.modelUrl)).arrayBuffer());
  const session = await createSession(ort, bytes, { backend: 'wasm', profiling: false, timeoutMs: 60_000 });
  const count = r.inputShape.reduce((a, b) => a * b, 1);
  const feeds = feedsFor(ort, session.inputNames[0] ?? 'input', randomTensor(count), r.inputShape);
  step = async () => {
    const f = feeds();
    const t0 = performance.now();
    await session.run(f);
    return performance.now() - t0;
  };
  close = () => session.release();
}

scope.onmessage = (e: MessageEvent<Request>) => {
  const r = e.data;
  const work =
    r.type === 'open'
      ? open(r).then(() => 0)
      : r.type === 'step'
        ? (step?.() ?? Promise.reject(new Error('not open')))
        : (close?.() ?? Promise.resolve()).then(() => 0);
  work.then(
    (ms) => {
      scope.postMessage({ ok: true, ms });
    },
    (error: unknown) => {
      scope.postMessage({ ok: false, error: String(error) });
    },
  );
};
