import { randomTensor } from '../src/runtime/preprocess';
import { createSession, disposeAll, feedsFor, readTensor } from '../src/runtime/session';
import type { OrtModule } from '../src/runtime/ort-loader';
import { timeInProcess } from './proc-cpu';

/**
 * The paired benchmark's middle column: onnxruntime-web's own WASM build, run by Node in a child
 * process of its own (its thread count is fixed per process, as in a browser worker). Under Node,
 * `onnxruntime-web` resolves to its Node entry, which loads the same ort-wasm-simd-threaded.wasm
 * the app's `/wasm` import loads, with the same session options (the app's `createSession`). What
 * separates this column from the browser's is the browser; what separates it from
 * onnxruntime-node is the WASM build.
 */

export type NodeWasmRequest =
  | { type: 'open'; threads: number; bytes: Uint8Array; inputShape: readonly number[] }
  | { type: 'step' }
  | { type: 'output' }
  | { type: 'close' };

export type NodeWasmReply =
  | { ok: true; ms: number; cpuMs: number; threads: number; output: Float32Array | null }
  | { ok: false; error: string };

let ort: OrtModule | undefined;
let step: (() => Promise<{ ms: number; cpuMs: number }>) | undefined;
let output: (() => Promise<Float32Array>) | undefined;
let close: (() => Promise<void>) | undefined;

async function open(r: Extract<NodeWasmRequest, { type: 'open' }>): Promise<number> {
  ort ??= (await import('onnxruntime-web')) as OrtModule;
  ort.env.logLevel = 'error';
  ort.env.wasm.numThreads = r.threads;
  ort.env.wasm.proxy = false;
  const session = await createSession(ort, r.bytes, {
    backend: 'wasm',
    profiling: false,
    timeoutMs: 120_000,
  });
  const count = r.inputShape.reduce((a, b) => a * b, 1);
  const feeds = feedsFor(ort, session.inputNames[0] ?? 'input', randomTensor(count), r.inputShape);
  step = async () => {
    const f = feeds();
    const { ms, cpuMs, value } = await timeInProcess(() => session.run(f));
    disposeAll(value);
    return { ms, cpuMs };
  };
  output = async () => {
    const out = await session.run(feeds());
    const first = out[session.outputNames[0] ?? ''];
    if (first === undefined) throw new Error('no output');
    return readTensor(first);
  };
  close = () => session.release();
  // onnxruntime-web lowers numThreads to what the environment allows at its first session.
  return ort.env.wasm.numThreads;
}

async function handle(r: NodeWasmRequest): Promise<NodeWasmReply> {
  const none = { ms: 0, cpuMs: 0, threads: 0, output: null };
  if (r.type === 'open') return { ok: true, ...none, threads: await open(r) };
  if (step === undefined || output === undefined || close === undefined) throw new Error('not open');
  if (r.type === 'step') return { ok: true, ...none, ...(await step()) };
  if (r.type === 'output') return { ok: true, ...none, output: await output() };
  await close();
  return { ok: true, ...none };
}

process.on('message', (r: NodeWasmRequest) => {
  handle(r).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ ok: false, error: String(error) } satisfies NodeWasmReply),
  );
});
