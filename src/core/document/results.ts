import { z } from 'zod';

/**
 * A training result on a design: what was trained, on what, how, and what it reached. Both training
 * engines write it (TensorFlow.js in the browser and the CLI; the exported PyTorch project under
 * torchrun, read back with its metrics), and the results view, Compare and the cost panel read it.
 * The cost figures are the design's at the moment of training, so a later edit never relabels them.
 */
const finite = z.number().refine(Number.isFinite, 'a finite number');
const fraction = z.number().min(0).max(1);
const count = z.number().int().min(0);

export const recipeSchema = z.object({
  epochs: z.number().min(0),
  batch: z.number().int().min(1),
  optimizer: z.enum(['sgd', 'adam', 'adamw']),
  learningRate: z.number().gt(0),
  momentum: z.number().min(0).max(1).optional(),
  weightDecay: z.number().min(0),
  warmupEpochs: z.number().min(0),
  schedule: z.enum(['cosine', 'constant']),
  labelSmoothing: z.number().min(0).max(1),
  augment: z.object({ flip: z.boolean(), crop: z.number().int().min(0) }),
  seed: z.number().int(),
  maxSteps: count.optional(),
});
export type Recipe = z.infer<typeof recipeSchema>;

export const resultSchema = z.object({
  /** A stable id for this result (not a label). */
  id: z.string().min(1).max(100),
  /** Which engine trained: 'tfjs-wasm', 'tfjs-webgpu', 'tfjs-cpu', 'pytorch'. */
  engine: z.string().min(1).max(100),
  dataset: z.object({
    name: z.string().min(1).max(200),
    /** The split the accuracy is measured on ('test', 'validation'). */
    split: z.string().min(1).max(100),
    classes: count,
    /** The class names by output index, when known (a folder's subfolders, Fashion-MNIST's kinds). */
    classNames: z.array(z.string().max(200)).max(100000).optional(),
    trainImages: count,
    evalImages: count,
  }),
  top1: fraction,
  top5: fraction.optional(),
  loss: finite,
  epochs: z.number().min(0),
  steps: count,
  recipe: recipeSchema,
  /** ISO date and time when training finished. */
  date: z.string().min(1).max(40),
  seconds: z.number().min(0),
  imagesPerSecond: z.number().min(0).optional(),
  /** The file the weights or metrics were read from, when they came back from outside. */
  sourceFile: z.string().max(1024).optional(),
  /** The content hash of the design that was trained, without its weights (see structureHash). */
  designHash: z.string().max(100),
  /** The design's figures when it was trained. */
  costs: z.object({
    params: count,
    multiplyAdds: count,
    memoryAccess: count,
  }),
  /** Per-epoch curve: training loss and accuracy, validation accuracy. */
  curve: z
    .array(z.object({ epoch: z.number().min(0), loss: finite, trainTop1: fraction, valTop1: fraction }))
    .max(10000)
    .optional(),
});
export type TrainingResult = z.infer<typeof resultSchema>;

/** At most this many results are kept on one design (the oldest go first). */
export const MAX_RESULTS = 200;
