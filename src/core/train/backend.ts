import * as tf from '@tensorflow/tfjs-core';
import type { TrainBackend } from './train-types';
import { useHeapViewSlice } from './wasm-slice';

export interface BackendChoice {
  readonly backend: TrainBackend;
  /** Why this one, in a few words the UI and CLI print beside it ("WebGPU adapter found"). */
  readonly reason: string;
}

export interface BackendOptions {
  /** Where tfjs-backend-wasm's .wasm files are: a URL prefix, or node_modules/@tensorflow/tfjs-backend-wasm/dist/ in Node. */
  readonly wasmPaths?: string;
  /** Try WebGPU first (default true where a GPU adapter exists). */
  readonly preferWebGpu?: boolean;
  /** Use this backend and no other (tests, the CLI's --backend). */
  readonly only?: TrainBackend;
}

async function tryBackend(name: TrainBackend): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Picks the engine's backend as the runtime picks its own: WebGPU where a real adapter exists,
 * else WASM, else the CPU backend (70–100× slower). WASM runs single-threaded:
 * tfjs-wasm's thread workers crash under the app's cross-origin isolation headers, so
 * WASM_HAS_MULTITHREAD_SUPPORT is set false before it starts. WebGPU is loaded only when tried.
 */
export async function chooseBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } }).navigator?.gpu;
  const wanted = options.only;
  if ((wanted === undefined || wanted === 'webgpu') && options.preferWebGpu !== false && gpu !== undefined) {
    const adapter = await gpu.requestAdapter().catch(() => null);
    if (adapter !== null) {
      await import('@tensorflow/tfjs-backend-webgpu');
      if (await tryBackend('webgpu')) return { backend: 'webgpu', reason: 'WebGPU adapter found' };
    }
  }
  if (wanted === undefined || wanted === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The flag is registered by the import; it must be false before the backend starts.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
    if (await tryBackend('wasm')) {
      useHeapViewSlice();
      return {
        backend: 'wasm',
        reason:
          gpu === undefined
            ? 'no WebGPU; WASM with SIMD, one thread'
            : 'no usable WebGPU adapter; WASM, one thread',
      };
    }
  }
  await import('@tensorflow/tfjs-backend-cpu');
  if (await tryBackend('cpu'))
    return { backend: 'cpu', reason: 'WASM did not start; the CPU backend is much slower' };
  throw new Error('no TensorFlow.js backend could start');
}
