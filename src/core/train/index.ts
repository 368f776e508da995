/**
 * The training engine: any design learns an image dataset with TensorFlow.js, in a Web Worker (the
 * Train tab) or in Node (`npm run cli -- train`). Pure TypeScript over @tensorflow/tfjs-core: no DOM.
 *
 * API (stable; the Train tab's worker and the CLI call exactly this):
 *
 * - `chooseBackend({ wasmPaths?, preferWebGpu? }) → Promise<BackendChoice>`: WebGPU when a real
 *   adapter exists and `preferWebGpu` is not false, else WASM (single-threaded: tfjs-wasm's thread
 *   workers crash under cross-origin isolation, so WASM_HAS_MULTITHREAD_SUPPORT is set false), else
 *   CPU; the choice and the reason are stated as the runtime's backend is. `wasmPaths` is handed to
 *   setWasmPaths (a URL prefix in the browser, node_modules/@tensorflow/tfjs-backend-wasm/dist/ in
 *   Node). Call once before trainDesign.
 * - `trainDesign(design, data, recipe, hooks, options?) → Promise<TrainOutcome>`: trains on
 *   `data.train`, measures `data.eval` after every epoch, calls `hooks.onStep` after every step and
 *   `hooks.onEpoch` after every epoch, awaits `hooks.shouldStop` before every step (pause = a promise
 *   that settles on resume). Returns the design with its weights (DesignWeights, same layer keys and
 *   roles as the exports) and the TrainingResult appended to `results`. A NaN loss stops the run and
 *   keeps the last good weights (`end: 'nan'`, with a message). Bad input throws TrainError (one
 *   sentence, a Message).
 * - `checkTrainable(design, data) → Message | undefined`: the checks trainDesign makes first
 *   (a single class, no images, more classes than the head has outputs), for the UI to say them
 *   before starting; `resizeHead(design, classes)` gives the design with its last Linear/Conv's
 *   outputs set to the number of classes.
 * - `inferOutputs(design, inputs by Input label) → outputs by Output label` (NCHW, inference mode):
 *   the training forms' forward pass, as onnxruntime computes it (forms.ort.test.ts).
 * - `fitImages(set, channels, height, width) → ImageSet`: grey repeated to 3 channels (3 → 1 by the
 *   mean), bilinear resize to the Input's height and width.
 * - `learnShifts({ lambda }) → PenaltyMaker` (options.penalties): sparse shift learning (Chen et al.
 *   2019), every SparseShift layer's displacements learned under λ·Σ(|a| + |b|) and its mask written
 *   into the trained design; `learnedMasks(design)` lists the masks and how many channels each moves.
 * - `defaultRecipe(datasetName) → Recipe`: sensible defaults so one click trains.
 * - `withOptimizer(recipe, optimizer, datasetName) → Recipe`: another optimizer, with its family's defaults.
 * - Data: `parseIdx(bytes)`, `idxImageSet(images, labels, classNames)`, `gunzip(bytes)` (the
 *   DecompressionStream both Node and browsers have), `FASHION_MNIST_CLASSES`, and
 *   `FASHION_MNIST_SUBSET` (the file names of the committed subset under
 *   public/datasets/fashion-mnist/, which the browser fetches on demand and the CLI reads).
 */
export * from './train-types';
export { chooseBackend, type BackendChoice, type BackendOptions } from './backend';
export {
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_DEBIAN,
  FASHION_MNIST_SUBSET,
  fitImages,
  gunzip,
  idxImageSet,
  parseIdx,
  takeImages,
  type IdxArray,
} from './data';
export { trainedHash } from '../document/design-hash';
export { checkTrainable, resizeHead, trainDesign } from './loop';
export { inferOutputs, Network } from './network';
export type { Penalty, PenaltyMaker, PenaltyOptions } from './penalty';
export { DEFAULT_SHIFT_LAMBDA, learnedMasks, type LearnedMask } from './shift-rounding';
export { learnShifts, type ShiftLearning } from './sparse-shift-penalty';
export { splitNetLearning, type SplitLearningResult } from './splitnet-penalty';
export { defaultRecipe, recipeForSteps, recipeRule, withOptimizer, type RecipeRule } from './train-recipe';
