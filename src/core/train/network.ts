import * as tf from '@tensorflow/tfjs-core';
import { analyze } from '../analysis/analyze';
import type { Analysis, LayerInfo } from '../analysis/types';
import type { Design } from '../graph/types';
import { msg } from '../message';
import type { Shape } from '../shape';
import { trainForms, type FormContext, type TrainForm } from './forms';
import { TrainError } from './types';
import { WeightStore } from './weights';

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
export class Network {
  readonly analysis: Analysis;
  readonly input: LayerInfo;
  /** The layer whose output is the class scores (a Softmax before the Output is skipped: the loss has its own). */
  readonly logitsLayer: LayerInfo;
  readonly classes: number;
  readonly store: WeightStore;
  private readonly run: readonly LayerInfo[];
  private readonly constants = new Map<string, unknown>();

  constructor(design: Design, initSeed: number) {
    const analysis = analyze(design);
    const error = analysis.diagnostics.find((d) => d.severity === 'error');
    if (error !== undefined)
      throw new TrainError(msg('trainDesignProblem', { problem: error.text ?? error.message }));
    this.analysis = analysis;
    const inputs = analysis.layers.filter((l) => l.op === 'Input');
    const outputs = analysis.layers.filter((l) => l.op === 'Output');
    const input = inputs[0];
    const output = outputs[0];
    if (inputs.length !== 1 || input === undefined)
      throw new TrainError(msg('trainOneInput', { count: inputs.length }));
    if (output === undefined) throw new TrainError(msg('noOutputNode'));
    const shape = input.outputShapes[0] ?? [];
    if (shape.length !== 4) throw new TrainError(msg('trainImageInput'));
    this.input = input;
    const producer = (tensor: number): LayerInfo | undefined =>
      analysis.layers.find((l) => l.outputTensors.includes(tensor) && l.op !== 'Output');
    let last = producer(output.inputTensors[0] ?? -1);
    while (last !== undefined && (last.op === 'Softmax' || last.op === 'Flatten'))
      last = producer(last.inputTensors[0] ?? -1);
    if (last === undefined) throw new TrainError(msg('noOutputNode'));
    this.logitsLayer = last;
    const outShape = output.inputShapes[0] ?? [];
    this.classes = outShape.slice(1).reduce((a, b) => a * b, 1);
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
    this.run = analysis.layers.filter((l) => keep.has(l));
    this.store = new WeightStore(design, this.run, initSeed);
  }

  /** The last layer with weights before the scores: what a head-only fine-tune trains. */
  head(): LayerInfo | undefined {
    return [...this.run].reverse().find((l) => l.op === 'Linear' || l.op === 'Conv2d');
  }

  /** The input's channels, height and width. */
  get inputShape(): readonly [number, number, number] {
    const s = this.input.outputShapes[0] ?? [];
    return [s[1] ?? 1, s[2] ?? 1, s[3] ?? 1];
  }

  /**
   * Class scores of an NHWC batch. `training` uses batch statistics (and dropout); `frozen` names
   * layer keys that keep inference behaviour while training (a head-only fine-tune's body).
   */
  forward(x: tf.Tensor4D, training: boolean, seed: number, frozen?: ReadonlySet<string>): ForwardResult {
    const values = new Map<string, tf.Tensor>();
    const stats: { layer: LayerInfo; mean: tf.Tensor; variance: tf.Tensor }[] = [];
    let logits: tf.Tensor | undefined;
    for (const layer of this.run) {
      const inputs = layer.inputTensors.map((id, i) => values.get(tensorKey(id, layer.inputShapes[i])));
      const ready = layer.op === 'Input' ? [x] : inputs.filter((t): t is tf.Tensor => t !== undefined);
      const ctx: FormContext = {
        layer,
        training: training && frozen?.has(layer.key) !== true,
        weight: (role) => this.store.weight(layer, role),
        batchStats: (mean, variance) => stats.push({ layer, mean, variance }),
        constant: <T>(name: string, make: () => T): T => {
          const key = `${layer.key}\n${name}`;
          if (!this.constants.has(key)) this.constants.set(key, make());
          return this.constants.get(key) as T;
        },
        seed: seed + layer.index,
      };
      const form = trainForms[layer.op] as TrainForm<unknown>;
      const out = form.forward(ctx, ready, layer.params);
      out.forEach((t, i) => values.set(tensorKey(layer.outputTensors[i] ?? -1, layer.outputShapes[i]), t));
      if (layer === this.logitsLayer) logits = out[0];
    }
    if (logits === undefined) throw new TrainError(msg('noOutputNode'));
    return { logits: tf.reshape(logits, [logits.shape[0] ?? 1, this.classes]), stats };
  }

  dispose(): void {
    this.store.dispose();
  }
}
