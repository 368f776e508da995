import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { captureConsole, installConsoleCapture } from '../src/runtime/console-capture';
import { configure } from '../src/runtime/ort-loader';
import { median } from '../src/runtime/outputs';
import { traceEvents } from '../src/runtime/profile';
import { randomTensor } from '../src/runtime/preprocess';
import { createSession, disposeAll, feedsFor, readTensor } from '../src/runtime/session';

/**
 * The paired benchmark's browser side, in a module worker as the app runs it: `open` makes one
 * session and keeps it and answers the thread count onnxruntime-web settled on; each `step` times
 * one run, so the driver can alternate it with the other columns; `output` answers one run's
 * first output, for the exactness check.
 */
type Request =
  | { type: 'open'; threads: number; modelUrl: string; inputShape: readonly number[] }
  | { type: 'step' }
  | { type: 'output' }
  | { type: 'outside' }
  | { type: 'close' };

interface Open {
  step: () => Promise<number>;
  output: () => Promise<number[]>;
  outside: () => Promise<{ runMs: number; outsideMs: number }>;
  close: () => Promise<void>;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Before onnxruntime-web loads: its profiler prints through the console.log it finds then.
installConsoleCapture();
const PROFILED_RUNS = 12;
let opened: Open | undefined;

async function open(r: Extract<Request, { type: 'open' }>): Promise<{ threads: number; isolated: boolean }> {
  const ort = await import('onnxruntime-web/wasm');
  configure(ort, { threads: r.threads, wasmUrl: new URL(cpuWasm, self.location.href).href });
  const bytes = new Uint8Array(await (await fetch(r.modelUrl)).arrayBuffer());
  const session = await createSession(ort, bytes, { backend: 'wasm', profiling: false, timeoutMs: 60_000 });
  const count = r.inputShape.reduce((a, b) => a * b, 1);
  const feeds = feedsFor(ort, session.inputNames[0] ?? 'input', randomTensor(count), r.inputShape);
  opened = {
    step: async () => {
      const f = feeds();
      const t0 = performance.now();
      const out = await session.run(f);
      const ms = performance.now() - t0;
      disposeAll(out);
      return ms;
    },
    output: async () => {
      const out = await session.run(feeds());
      const first = out[session.outputNames[0] ?? ''];
      if (first === undefined) throw new Error('no output');
      return Array.from(await readTensor(first));
    },
    // What a run costs outside onnxruntime's graph execution (tensor creation, copies in and out
    // of the heap, the binding): session.run's wall time less the profiler's model_run, per run.
    outside: async () => {
      const profiled = await createSession(ort, bytes, {
        backend: 'wasm',
        profiling: true,
        timeoutMs: 60_000,
      });
      const walls: number[] = [];
      for (let i = 0; i < PROFILED_RUNS; i++) {
        const f = feeds();
        const t0 = performance.now();
        disposeAll(await profiled.run(f));
        walls.push(performance.now() - t0);
      }
      const text = await captureConsole(() => {
        profiled.endProfiling();
        return Promise.resolve();
      });
      await profiled.release();
      const graph = traceEvents(text)
        .filter((e) => e.name === 'model_run' && typeof e.dur === 'number')
        .map((e) => Number(e.dur) / 1000);
      // Per run, wall less graph, after 4 runs that warm the new session up. The minimum: on a loaded
      // machine preemption only ever adds to the difference.
      const keep = 4;
      const outside = walls.map((w, i) => w - (graph[i] ?? NaN)).slice(keep);
      return { runMs: median(walls.slice(keep)), outsideMs: Math.min(...outside) };
    },
    close: () => session.release(),
  };
  // onnxruntime-web lowers numThreads to 1 at its first session when the page is not isolated.
  return { threads: ort.env.wasm.numThreads ?? 0, isolated: self.crossOriginIsolated };
}

function handle(r: Request): Promise<unknown> {
  if (r.type === 'open') return open(r);
  if (opened === undefined) return Promise.reject(new Error('not open'));
  if (r.type === 'step') return opened.step();
  if (r.type === 'output') return opened.output();
  if (r.type === 'outside') return opened.outside();
  return opened.close();
}

scope.onmessage = (e: MessageEvent<Request>) => {
  handle(e.data).then(
    (value) => {
      scope.postMessage({ ok: true, value });
    },
    (error: unknown) => {
      scope.postMessage({ ok: false, error: String(error) });
    },
  );
};
