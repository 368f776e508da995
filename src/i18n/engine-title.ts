/** A training engine's name as a reader knows it: a result records its code ('tfjs-wasm'). */
const titles: Readonly<Record<string, string>> = {
  'tfjs-wasm': 'TensorFlow.js WASM',
  'tfjs-webgpu': 'TensorFlow.js WebGPU',
  'tfjs-cpu': 'TensorFlow.js CPU',
  pytorch: 'PyTorch',
};

/** The engine's name; an engine this build does not know (a newer file's) shows as recorded. */
export const engineTitle = (engine: string): string => titles[engine] ?? engine;
