import type * as Ort from 'onnxruntime-web';
import webgpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import cpuWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { adapterName, type GpuFacts } from './backend-choice';
import type { BackendKind } from './protocol';

/**
 * Loads onnxruntime-web lazily: the `/wasm` build for the CPU (the default import is the JSEP
 * build, twice the size and slower on the CPU), the WebGPU build only when WebGPU is going to run.
 * The .wasm files are assets of our own build (Vite's `?url`), never fetched from a CDN; the same
 * file is what the bundle's own `new URL(…, import.meta.url)` points at, so Vite emits it once.
 */

export type OrtModule = typeof Ort;

/** The .wasm each build of onnxruntime-web 1.30 loads, as URLs of our own origin. */
const wasmFiles: Readonly<Record<BackendKind, string>> = { wasm: cpuWasm, webgpu: webgpuWasm };

export function importBuild(build: BackendKind): Promise<OrtModule> {
  return build === 'webgpu' ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm');
}

export function wasmUrl(build: BackendKind): string {
  return new URL(wasmFiles[build], self.location.href).href;
}

/** Fetches a file, reporting bytes received (total from Content-Length, 0 when unknown). */
export async function fetchWithProgress(
  url: string,
  onProgress: (done: number, total: number) => void,
): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Failed to fetch ${url}: ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('Content-Length') ?? 0);
  if (response.body === null) return response.arrayBuffer();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    const part = await reader.read();
    if (part.done) break;
    chunks.push(part.value);
    done += part.value.length;
    onProgress(done, total);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}

/** Sets the process-wide flags of a freshly imported build; they take effect at its first session. */
export function configure(
  ort: OrtModule,
  options: { threads: number; wasmUrl: string; wasmBinary?: ArrayBuffer },
) {
  ort.env.logLevel = 'error';
  ort.env.wasm.numThreads = options.threads;
  // We already are in a worker: ORT's own proxy worker would only add a hop.
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = { wasm: options.wasmUrl };
  if (options.wasmBinary !== undefined) ort.env.wasm.wasmBinary = options.wasmBinary;
}

interface GpuAdapterLike {
  /** Older Chromium; newer ones report it in `info`. */
  readonly isFallbackAdapter?: boolean;
  readonly info?: {
    readonly isFallbackAdapter?: boolean;
    readonly description?: string;
    readonly vendor?: string;
    readonly architecture?: string;
  };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/**
 * Asks the browser for a WebGPU adapter and reports what it is; whether to use it is
 * `decideBackend`'s business (a software fallback is fine when the user asks for WebGPU).
 */
export async function probeWebGpu(): Promise<GpuFacts> {
  const gpu = (navigator as unknown as { gpu?: GpuLike }).gpu;
  if (gpu === undefined) return { available: false, reason: 'this browser offers no WebGPU' };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (adapter === null) return { available: false, reason: 'no WebGPU adapter is available' };
  const fallback = adapter.info?.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return { available: true, fallback, name: adapterName(adapter.info ?? {}) };
}

/** Threads for the WASM backend: every core when the page is cross-origin isolated, else one. */
export function wasmThreads(): number {
  return self.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency) : 1;
}
