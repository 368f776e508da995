import path from 'node:path';
import { chooseBackend, defaultRecipe, type Recipe } from '../src/core/train';

/** tfjs on the WASM backend in Node, as the CLI runs it (call in beforeAll). */
export async function useWasm(): Promise<void> {
  const dir = `${path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`;
  const choice = await chooseBackend({ wasmPaths: dir, only: 'wasm' });
  if (choice.backend !== 'wasm') throw new Error(`WASM did not start: ${choice.reason}`);
}

/** Seeded values in [lo, hi) (a linear congruential stream: tests' inputs and weights). */
export function seeded(count: number, seed: number, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(count);
  let s = seed | 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) | 0;
    out[i] = lo + ((s >>> 8) / 16777216) * (hi - lo);
  }
  return out;
}

/** Plain SGD (no momentum, no decay, a constant rate, no warm-up) for `steps` steps of `batch`: closed forms hold. */
export const plainSgd = (learningRate: number, steps: number, batch = 4): Recipe => ({
  ...defaultRecipe('toy'),
  optimizer: 'sgd',
  momentum: 0,
  weightDecay: 0,
  learningRate,
  schedule: 'constant',
  warmupEpochs: 0,
  epochs: 1,
  batch,
  maxSteps: steps,
});
