import { benchAnalysis } from './analysis';
import { benchRuntime } from './runtime';
import { benchPanel } from './panel';
import { benchCanvas } from './canvas';
import { benchOnnx } from './onnx';
import { benchImport } from './import-scaling';
import { benchImportFrames } from './import-frames';
import { benchFirstPaint } from './first-paint';
import { benchRuntimePairs } from './runtime-pairs';
import '../src/cli/tfjs-resolve';

/** `npm run bench`: every benchmark suite prints its own table. Pass suite names to run a subset. */
const suites: Record<string, () => void | Promise<void>> = {
  analysis: benchAnalysis,
  runtime: benchRuntime,
  'runtime-pairs': benchRuntimePairs,
  panel: benchPanel,
  onnx: benchOnnx,
  import: benchImport,
  'import-frames': benchImportFrames,
  canvas: benchCanvas,
  'first-paint': benchFirstPaint,
  // Loaded when run, after the resolve hook TensorFlow.js's gradient modules need in Node.
  training: async () => (await import('./training')).benchTraining(),
};

const wanted = process.argv.slice(2);
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  await suite();
}
