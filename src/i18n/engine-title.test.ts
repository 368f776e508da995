import { describe, expect, it } from 'vitest';
import { engineTitle } from './engine-title';

describe('engineTitle', () => {
  it('names every engine a result records as its library and backend, never the code', () => {
    expect(engineTitle('tfjs-wasm')).toBe('TensorFlow.js WASM');
    expect(engineTitle('tfjs-webgpu')).toBe('TensorFlow.js WebGPU');
    expect(engineTitle('tfjs-cpu')).toBe('TensorFlow.js CPU');
    expect(engineTitle('pytorch')).toBe('PyTorch');
    expect(engineTitle('jax-tpu')).toBe('jax-tpu');
  });
});
