import { describe, expect, it } from 'vitest';
import { adapterName, decideBackend, type GpuFacts } from './backend-choice';
import type { BackendChoice } from './protocol';

const none: GpuFacts = { available: false, reason: 'no WebGPU adapter is available' };
const real: GpuFacts = { available: true, fallback: false, name: 'NVIDIA GeForce RTX 4070' };
const software: GpuFacts = { available: true, fallback: true, name: 'SwiftShader' };

describe('decideBackend', () => {
  it('runs WASM when the user chose WASM, whatever the adapter', () => {
    for (const gpu of [none, real, software]) expect(decideBackend('wasm', gpu)).toEqual({ kind: 'wasm' });
  });

  it('Automatic takes WebGPU only on a real adapter, and says nothing otherwise', () => {
    expect(decideBackend('auto', real)).toEqual({ kind: 'webgpu' });
    expect(decideBackend('auto', software)).toEqual({ kind: 'wasm' });
    expect(decideBackend('auto', none)).toEqual({ kind: 'wasm' });
  });

  it('an explicit WebGPU choice runs on a software adapter too, and says it is slow', () => {
    expect(decideBackend('webgpu', real)).toEqual({ kind: 'webgpu' });
    expect(decideBackend('webgpu', software)).toEqual({
      kind: 'webgpu',
      note: 'WebGPU on a software adapter (SwiftShader): correct but far slower than WASM.',
    });
  });

  it('an explicit WebGPU choice without any adapter falls back to WASM, with the reason', () => {
    expect(decideBackend('webgpu', none)).toEqual({
      kind: 'wasm',
      note: 'WebGPU was not used: no WebGPU adapter is available.',
    });
  });

  it('WebGPU is never chosen without an adapter, and only the explicit choice uses a software one', () => {
    const choices: BackendChoice[] = ['auto', 'wasm', 'webgpu'];
    for (const choice of choices) {
      expect(decideBackend(choice, none).kind).toBe('wasm');
      expect(decideBackend(choice, software).kind).toBe(choice === 'webgpu' ? 'webgpu' : 'wasm');
      expect(decideBackend(choice, real).kind).toBe(choice === 'wasm' ? 'wasm' : 'webgpu');
    }
  });
});

describe('adapterName', () => {
  it('names SwiftShader, whose description Chromium leaves empty', () => {
    expect(adapterName({ vendor: 'google', architecture: 'swiftshader', description: '' })).toBe(
      'SwiftShader',
    );
    expect(adapterName({ description: 'SwiftShader Device (Subzero)' })).toBe('SwiftShader');
  });
  it('prefers the description, then vendor and architecture', () => {
    expect(adapterName({ vendor: 'nvidia', architecture: 'ada', description: 'RTX 4070' })).toBe('RTX 4070');
    expect(adapterName({ vendor: 'intel', architecture: 'gen-12lp', description: '' })).toBe(
      'intel gen-12lp',
    );
    expect(adapterName({})).toBe('unnamed adapter');
  });
});
