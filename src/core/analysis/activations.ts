import type { ActivationMemory, LayerInfo } from './analysis-types';

/**
 * The elements alive while each layer runs (its outputs written, its inputs not yet freed), in
 * run order. A tensor lives from the layer that writes it until its last reader has run; tensors
 * read by an Output live to the end; views share their input's tensor.
 */
export function liveDuring(layers: readonly LayerInfo[], sizes: readonly number[]): number[] {
  const lastUse = new Array<number>(sizes.length).fill(-1);
  const keep = new Uint8Array(sizes.length);
  for (const layer of layers) {
    for (const t of layer.inputTensors) {
      lastUse[t] = layer.index;
      if (layer.op === 'Output') keep[t] = 1;
    }
  }
  const allocated = new Uint8Array(sizes.length);
  let live = 0;
  const during: number[] = [];
  for (const layer of layers) {
    for (const t of layer.outputTensors) {
      if (allocated[t] === 1) continue;
      allocated[t] = 1;
      live += sizes[t] ?? 0;
    }
    during.push(live);
    const done = new Set<number>();
    for (const t of [...layer.inputTensors, ...layer.outputTensors]) {
      if (done.has(t) || keep[t] === 1) continue;
      done.add(t);
      if ((lastUse[t] ?? -1) <= layer.index) live -= sizes[t] ?? 0;
    }
  }
  return during;
}

/**
 * Activation memory as docs/costs.md defines it: the sum of every tensor written, and the peak of
 * live tensors when layers run in order (see liveDuring).
 */
export function activationMemory(layers: readonly LayerInfo[], sizes: readonly number[]): ActivationMemory {
  const during = liveDuring(layers, sizes);
  let peak = 0;
  let peakLayer = layers.length > 0 ? 0 : -1;
  during.forEach((live, i) => {
    if (live > peak) {
      peak = live;
      peakLayer = layers[i]?.index ?? i;
    }
  });
  return { sum: sizes.reduce((a, b) => a + b, 0), peak, peakLayer };
}
