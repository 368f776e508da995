import type { BackendChoice, BackendKind } from './protocol';

/** What the browser told us about WebGPU: no adapter (and why), or an adapter and whether it is software. */
export type GpuFacts =
  | { readonly available: false; readonly reason: string }
  | { readonly available: true; readonly fallback: boolean; readonly name: string };

export interface BackendDecision {
  readonly kind: BackendKind;
  /** Shown with the result: why the chosen backend was not used, or what it runs on. */
  readonly note?: string;
}

/**
 * Which backend runs, from the user's choice and the adapter. Automatic takes WebGPU only on a real
 * GPU (a software fallback such as SwiftShader is ~100× slower than WASM); an explicit WebGPU choice
 * runs on whatever adapter there is, saying so when it is a software one.
 */
export function decideBackend(choice: BackendChoice, gpu: GpuFacts): BackendDecision {
  if (choice === 'wasm') return { kind: 'wasm' };
  if (choice === 'auto') return gpu.available && !gpu.fallback ? { kind: 'webgpu' } : { kind: 'wasm' };
  if (!gpu.available) return { kind: 'wasm', note: `WebGPU was not used: ${gpu.reason}.` };
  if (!gpu.fallback) return { kind: 'webgpu' };
  return {
    kind: 'webgpu',
    note: `WebGPU on a software adapter (${gpu.name}): correct but far slower than WASM.`,
  };
}

/** A readable adapter name from GPUAdapterInfo's fields (Chromium leaves `description` empty for SwiftShader). */
export function adapterName(info: {
  readonly description?: string;
  readonly vendor?: string;
  readonly architecture?: string;
}): string {
  const description = info.description?.trim() ?? '';
  const vendor = info.vendor?.trim() ?? '';
  const architecture = info.architecture?.trim() ?? '';
  if (/swiftshader/i.test(`${description} ${architecture}`)) return 'SwiftShader';
  if (description !== '') return description;
  const joined = [vendor, architecture].filter((s) => s !== '').join(' ');
  return joined === '' ? 'unnamed adapter' : joined;
}
