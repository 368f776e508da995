import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { captureConsole } from './console-capture';
import type { OrtModule } from './ort-loader';
import { nodeTimes, traceEvents } from './profile';
import type { BackendKind, NodeTime } from './protocol';

/** Sessions, timed runs and profiling over any onnxruntime-web build (worker or main thread). */

export class TimeoutError extends Error {}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError(`${what} took more than ${Math.round(ms / 1000)} s`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createSession(
  ort: OrtModule,
  bytes: Uint8Array,
  options: { backend: BackendKind; profiling: boolean; timeoutMs: number },
): Promise<InferenceSession> {
  const created = ort.InferenceSession.create(bytes, {
    executionProviders: options.backend === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'],
    graphOptimizationLevel: 'all',
    enableProfiling: options.profiling,
  });
  return withTimeout(created, options.timeoutMs, 'Creating the session');
}

export type Feeds = () => Record<string, Tensor>;

/** Feeds for one input: a fresh tensor per run (a transferred buffer cannot be used twice). */
export function feedsFor(ort: OrtModule, name: string, data: Float32Array, shape: readonly number[]): Feeds {
  return () => ({ [name]: new ort.Tensor('float32', data.slice(), [...shape]) });
}

export interface TimingOptions {
  readonly warmup: number;
  readonly runs: number;
  readonly budgetMs: number;
}

/** Warm-up runs, then timed runs until `runs` or the budget is spent (at least 5 when there is time). */
export async function timeRuns(
  session: InferenceSession,
  feeds: Feeds,
  options: TimingOptions,
  onProgress: (stage: 'warm-up' | 'timing', done: number, total: number) => void,
): Promise<{ samples: number[]; outputs: InferenceSession.OnnxValueMapType }> {
  let outputs = await session.run(feeds());
  onProgress('warm-up', 1, Math.max(1, options.warmup));
  for (let i = 1; i < options.warmup; i++) {
    disposeAll(outputs);
    outputs = await session.run(feeds());
    onProgress('warm-up', i + 1, options.warmup);
  }
  const samples: number[] = [];
  const start = performance.now();
  while (
    samples.length < options.runs &&
    (samples.length < 5 || performance.now() - start < options.budgetMs)
  ) {
    const input = feeds();
    const t0 = performance.now();
    const out = await session.run(input);
    samples.push(performance.now() - t0);
    disposeAll(out);
    onProgress('timing', samples.length, options.runs);
  }
  return { samples, outputs };
}

/** Runs a profiling session and reads the per-node times from its trace. */
export async function profileRuns(
  session: InferenceSession,
  feeds: Feeds,
  runs: number,
): Promise<NodeTime[]> {
  for (let i = 0; i < runs; i++) disposeAll(await session.run(feeds()));
  // Without ORT's proxy worker, endProfiling prints the whole trace before it returns.
  const text = await captureConsole(() => {
    session.endProfiling();
    return Promise.resolve();
  });
  return nodeTimes(traceEvents(text));
}

export function disposeAll(values: InferenceSession.OnnxValueMapType): void {
  for (const v of Object.values(values)) v.dispose();
}

/** A float32 copy of an output (the tensor's own buffer may live in the wasm heap or on the GPU). */
export async function readTensor(t: Tensor): Promise<Float32Array> {
  const data = t.location === 'cpu' ? t.data : await t.getData();
  if (data instanceof Float32Array) return data.slice();
  return Float32Array.from(data as ArrayLike<number | bigint | string | boolean>, (v) => Number(v));
}
