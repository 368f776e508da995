import * as tf from '@tensorflow/tfjs-core';
import { analyze } from '../analysis/analyze';
import type { Analysis, LayerInfo } from '../analysis/analysis-types';
import type { Design } from '../design/design-types';
import { msg } from '../message';
import type { Shape } from '../shape';
import { trainForms, type FormContext, type TrainForm } from './forms';
import { markConstant } from './grads';
import { TrainError } from './train-types';
import { WeightStore } from './train-weights';

const tensorKey = (id: number, shape: Shape | undefined): string => `${id}|${(shape ?? []).join('x')}`;

/** What a forward pass gives: the class scores and each batch norm's batch statistics. */
export interface ForwardResult {
  readonly logits: tf.Tensor2D;
  readonly stats: readonly {
    readonly layer: LayerInfo;
    readonly mean: tf.Tensor;
    readonly variance: tf.Tensor;
  }[];
}

/**
 * A design as a trainable network: its primitive layers in the order the analysis runs them,
 * each through its op's training form, reading the weights of one WeightStore.
 */
/** A design's trainable structure, without weights: what checks before training need. */
export interface Structure {
  readonly analysis: Analysis;
  readonly input: LayerInfo;
  /** The layer whose output is the class scores (a Softmax or Flatten before the Output is skipped: the loss has its own). */
  readonly logitsLayer: LayerInfo;
  readonly classes: number;
  /** The layers the scores depend on, in order (a dead end costs but does not train). */
  readonly run: readonly LayerInfo[];
  /** The last layer with weights before the scores: what a head-only fine-tune trains. */
  readonly head: LayerInfo | undefined;
}

/** The structure of a design, or a TrainError saying why it cannot train. */
export function structureOf(design: Design): Structure {
  const analysis = analyze(design);
  const error = analysis.diagnostics.find((d) => d.severity === 'error');
  if (error !== undefined)
    throw new TrainError(msg('trainDesignProblem', { problem: error.text ?? error.message }));
  const inputs = analysis.layers.filter((l) => l.op === 'Input');
  const outputs = analysis.layers.filter((l) => l.op === 'Output');
  const input = inputs[0];
  const output = outputs[0];
  if (inputs.length !== 1 || input === undefined)
    throw new TrainError(msg('trainOneInput', { count: inputs.length }));
  if (output === undefined) throw new TrainError(msg('noOutputNode'));
  const shape = input.outputShapes[0] ?? [];
  if (shape.length !== 4) throw new TrainError(msg('trainImageInput'));
  const producer = (tensor: number): LayerInfo | undefined =>
    analysis.layers.find((l) => l.outputTensors.includes(tensor) && l.op !== 'Output');
  let last = producer(output.inputTensors[0] ?? -1);
  while (last !== undefined && (last.op === 'Softmax' || last.op === 'Flatten'))
    last = producer(last.inputTensors[0] ?? -1);
  if (last === undefined) throw new TrainError(msg('noOutputNode'));
  const outShape = output.inputShapes[0] ?? [];
  const classes = outShape.slice(1).reduce((a, b) => a * b, 1);
  // Only the layers the scores depend on run (a dead end costs but does not train).
  const needed = new Set<number>([...last.outputTensors]);
  const keep = new Set<LayerInfo>();
  for (let i = analysis.layers.length - 1; i >= 0; i--) {
    const l = analysis.layers[i] as LayerInfo;
    if (l === last || l.outputTensors.some((t) => needed.has(t))) {
      keep.add(l);
      for (const t of l.inputTensors) needed.add(t);
    }
  }
  const run = analysis.layers.filter((l) => keep.has(l));
  const head = [...run].reverse().find((l) => l.op === 'Linear' || l.op === 'Conv2d');
  return { analysis, input, logitsLayer: last, classes, run, head };
}

export class Network {
  readonly structure: Structure;
  readonly store: WeightStore;
  private readonly constants = new Map<string, unknown>();
  /** Layers whose training form a method replaces while this network trains, by layer key. */
  private readonly replaced = new Map<string, TrainForm<unknown>>();

  constructor(design: Design, initSeed: number) {
    this.structure = structureOf(design);
    this.store = new WeightStore(design, this.structure.run, initSeed);
  }

  get analysis(): Analysis {
    return this.structure.analysis;
  }

  get classes(): number {
    return this.structure.classes;
  }

  head(): LayerInfo | undefined {
    return this.structure.head;
  }

  /**
   * Trains (and measures) a layer through another form: a method's learnable one, whose variables a
   * penalty owns (sparse shift's displacements). The design's own form is back for a new Network.
   */
  replaceForm(layerKey: string, form: TrainForm<unknown>): void {
    this.replaced.set(layerKey, form);
  }

  /** The input's channels, height and width. */
  get inputShape(): readonly [number, number, number] {
    const s = this.structure.input.outputShapes[0] ?? [];
    return [s[1] ?? 1, s[2] ?? 1, s[3] ?? 1];
  }

  /**
   * Class scores of an NHWC batch. `training` uses batch statistics (and dropout); `frozen` names
   * layer keys that keep inference behaviour while training (a head-only fine-tune's body).
   */
  forward(x: tf.Tensor4D, training: boolean, seed: number, frozen?: ReadonlySet<string>): ForwardResult {
    const stats: { layer: LayerInfo; mean: tf.Tensor; variance: tf.Tensor }[] = [];
    // The batch is data, not a weight: the first layer need not compute its gradient.
    const values = runLayers(this.structure.run, new Map([[this.structure.input.key, markConstant(x)]]), {
      store: this.store,
      constants: this.constants,
      replaced: this.replaced,
      training,
      frozen,
      seed,
      stats,
    });
    const last = this.structure.logitsLayer;
    const logits = values.get(tensorKey(last.outputTensors[0] ?? -1, last.outputShapes[0]));
    if (logits === undefined) throw new TrainError(msg('noOutputNode'));
    return { logits: tf.reshape(logits, [logits.shape[0], this.classes]), stats };
  }

  dispose(): void {
    this.store.dispose();
  }
}

interface RunOptions {
  readonly store: WeightStore;
  readonly constants: Map<string, unknown>;
  readonly replaced?: ReadonlyMap<string, TrainForm<unknown>>;
  readonly training: boolean;
  readonly frozen: ReadonlySet<string> | undefined;
  readonly seed: number;
  readonly stats: { layer: LayerInfo; mean: tf.Tensor; variance: tf.Tensor }[];
}

/** Runs layers in order through their training forms; Inputs take their feed by layer key. */
function runLayers(
  layers: readonly LayerInfo[],
  feeds: ReadonlyMap<string, tf.Tensor>,
  o: RunOptions,
): Map<string, tf.Tensor> {
  const values = new Map<string, tf.Tensor>();
  for (const layer of layers) {
    const inputs = layer.inputTensors.map((id, i) => values.get(tensorKey(id, layer.inputShapes[i])));
    const feed = feeds.get(layer.key);
    const ready =
      layer.op === 'Input' && feed !== undefined
        ? [feed]
        : inputs.filter((t): t is tf.Tensor => t !== undefined);
    const ctx: FormContext = {
      layer,
      training: o.training && o.frozen?.has(layer.key) !== true,
      weight: (role) => o.store.weight(layer, role),
      batchStats: (mean, variance) => o.stats.push({ layer, mean, variance }),
      constant: <T>(name: string, make: () => T): T => {
        const key = `${layer.key}\n${name}`;
        if (!o.constants.has(key)) o.constants.set(key, make());
        return o.constants.get(key) as T;
      },
      seed: o.seed + layer.index,
    };
    const own = trainForms[layer.op] as TrainForm<unknown>;
    const form = o.replaced?.get(layer.key) ?? own;
    const out = form.forward(ctx, ready, layer.params);
    out.forEach((t, i) => values.set(tensorKey(layer.outputTensors[i] ?? -1, layer.outputShapes[i]), t));
  }
  return values;
}

/**
 * Every Output of a design, inference mode, for NCHW inputs by Input label: the training forms'
 * forward pass as ONNX computes it (tests compare the two; outputs come back NCHW).
 */
export function inferOutputs(
  design: Design,
  inputs: ReadonlyMap<string, tf.Tensor>,
  initSeed = 0,
): Map<string, tf.Tensor> {
  const analysis = analyze(design);
  const store = new WeightStore(design, analysis.layers, initSeed);
  try {
    const toNHWC = (t: tf.Tensor): tf.Tensor => (t.rank === 4 ? tf.transpose(t, [0, 2, 3, 1]) : t);
    const feeds = new Map<string, tf.Tensor>();
    for (const l of analysis.layers) {
      const t = inputs.get(l.name);
      if (l.op === 'Input' && t !== undefined) feeds.set(l.key, toNHWC(t));
    }
    const values = runLayers(analysis.layers, feeds, {
      store,
      constants: new Map(),
      training: false,
      frozen: undefined,
      seed: 0,
      stats: [],
    });
    const out = new Map<string, tf.Tensor>();
    for (const l of analysis.layers)
      if (l.op === 'Output') {
        const v = values.get(tensorKey(l.inputTensors[0] ?? -1, l.inputShapes[0]));
        if (v !== undefined) out.set(l.name, v.rank === 4 ? tf.transpose(v, [0, 3, 1, 2]) : v);
      }
    return out;
  } finally {
    store.dispose();
  }
}
