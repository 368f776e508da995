import * as tf from '@tensorflow/tfjs-core';
import { MAX_RESULTS, recipeSchema, type Recipe, type TrainingResult } from '../document/results';
import type { LayerInfo } from '../analysis/analysis-types';
import { analyze } from '../analysis/analyze';
import type { Design } from '../design/design-types';
import { msg, type Message } from '../message';
import { batchNHWC, fitImages, seededRandom, shuffled, takeImages } from './data';
import { trainedHash } from '../document/design-hash';
import { isOutOfMemory, smallerBatch } from './out-of-memory';
import { Network, structureOf } from './network';
import { learningRateAt, Optimizer } from './optimizer';
import type { Penalty, PenaltyOptions } from './penalty';
import { savedCopies } from './saved-copies';
import {
  TrainError,
  type ImageSet,
  type TrainBackend,
  type TrainData,
  type TrainEnd,
  type TrainHooks,
  type TrainOptions,
  type TrainOutcome,
} from './train-types';

const EVAL_BATCH = 256;
/** The most one image adds to the measured loss (e^−100: a class given no chance at all). */
const MAX_IMAGE_LOSS = 100;

/** What training this design on this data would refuse, as one sentence (undefined: it can start). */
export function checkTrainable(design: Design, data: TrainData): Message | undefined {
  if (data.train.count === 0) return msg('trainNoImages', { split: 'training' });
  if (data.eval.count === 0) return msg('trainNoImages', { split: data.evalSplit ?? 'test' });
  const classes = new Set<number>();
  for (const l of data.train.labels) classes.add(l);
  if (classes.size < 2)
    return msg('trainOneClass', { name: data.train.classNames[[...classes][0] ?? 0] ?? '?' });
  let outputs: number;
  try {
    outputs = structureOf(design).classes;
  } catch (e) {
    if (e instanceof TrainError) return e.said;
    throw e;
  }
  const wanted = Math.max(data.train.classNames.length, ...classes);
  if (wanted > outputs) return msg('trainTooManyClasses', { classes: wanted, outputs });
  return undefined;
}

/** The design with its last Linear (or conv) before the Output giving `classes` scores; its old weights go. */
export function resizeHead(design: Design, classes: number): Design {
  const head = structureOf(design).head;
  const node = design.nodes.find((n) => n.id === head?.nodeId);
  if (
    head === undefined ||
    node === undefined ||
    head.key !== node.id ||
    (node.kind !== 'Linear' && node.kind !== 'Conv2d')
  )
    throw new TrainError(msg('trainHeadNotResizable'));
  const nodes = design.nodes.map((n) => {
    if (n.id !== node.id) return n;
    if (n.kind === 'Linear') return { ...n, params: { ...n.params, outFeatures: classes } };
    if (n.kind === 'Conv2d') return { ...n, params: { ...n.params, outChannels: classes } };
    return n;
  });
  const weights =
    design.weights === undefined
      ? undefined
      : {
          ...design.weights,
          layers: Object.fromEntries(Object.entries(design.weights.layers).filter(([k]) => k !== node.id)),
        };
  return { ...design, nodes, ...(weights === undefined ? {} : { weights }) };
}

interface Measured {
  readonly top1: number;
  readonly top5: number | undefined;
  readonly loss: number;
}

function evaluate(net: Network, set: ImageSet): Measured {
  let correct = 0;
  let correct5 = 0;
  let lossSum = 0;
  const all = Int32Array.from({ length: set.count }, (_, i) => i);
  const five = net.classes > 5;
  for (let start = 0; start < set.count; start += EVAL_BATCH) {
    const idx = all.subarray(start, Math.min(set.count, start + EVAL_BATCH));
    const { images, labels } = batchNHWC(set, idx, undefined, Math.random);
    const sums = tf.tidy(() => {
      const x = tf.tensor4d(images, [idx.length, set.height, set.width, set.channels]);
      const { logits } = net.forward(x, false, 0);
      const y = tf.tensor1d(labels, 'int32');
      // Each image's loss is capped at MAX_IMAGE_LOSS nats, so a diverged run still records a finite figure.
      const perImage = tf.neg(tf.sum(tf.mul(tf.oneHot(y, net.classes), tf.logSoftmax(logits)), 1));
      const loss = tf.sum(
        tf.minimum(
          tf.where(tf.isNaN(perImage), tf.fill(perImage.shape, MAX_IMAGE_LOSS), perImage),
          MAX_IMAGE_LOSS,
        ),
      );
      const top1 = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32'));
      const top5 = five
        ? tf.sum(tf.cast(tf.any(tf.equal(tf.topk(logits, 5).indices, tf.expandDims(y, 1)), 1), 'float32'))
        : top1;
      return tf.stack([loss, top1, top5]);
    });
    const [l = 0, t1 = 0, t5 = 0] = sums.dataSync();
    sums.dispose();
    lossSum += l;
    correct += t1;
    correct5 += t5;
  }
  const n = Math.max(1, set.count);
  return { top1: correct / n, top5: five ? correct5 / n : undefined, loss: lossSum / n };
}

/** The training loss: cross-entropy with label smoothing ε (targets (1 − ε)·one-hot + ε/K), as PyTorch's. */
function smoothedLoss(
  logits: tf.Tensor2D,
  labels: tf.Tensor1D,
  classes: number,
  smoothing: number,
): tf.Scalar {
  const target = tf.add(tf.mul(tf.oneHot(labels, classes), 1 - smoothing), smoothing / classes);
  return tf.mean(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1)));
}

/** The backend tfjs runs on, named as the result's engine records it. */
const backendNow = (): TrainBackend => {
  const b = tf.getBackend();
  return b === 'webgpu' || b === 'wasm' ? b : 'cpu';
};

/**
 * Trains a design (see index.ts for the contract). Deterministic for a seed on one backend: the
 * order, the augmentation and dropout draw from the recipe's seed, the initialisation from the
 * exports' seed (0 unless options.initSeed).
 */
export async function trainDesign(
  design: Design,
  data: TrainData,
  recipeIn: Recipe,
  hooks: TrainHooks = {},
  options: TrainOptions & PenaltyOptions = {},
): Promise<TrainOutcome> {
  const parsed = recipeSchema.safeParse(recipeIn);
  if (!parsed.success)
    throw new TrainError(msg('trainBadRecipe', { issue: parsed.error.issues[0]?.path.join('.') ?? '?' }));
  const recipe = parsed.data;
  const problem = checkTrainable(design, data);
  if (problem !== undefined) throw new TrainError(problem);
  const now = options.now ?? Date.now;
  const started = now();
  const net = new Network(design, options.initSeed ?? 0);
  const optimizer = new Optimizer(recipe);
  let penalties: Penalty[] = [];
  // The penalties' own variables go back with the weights after a NaN (a shift's displacements).
  const penaltySaved = savedCopies(() => penalties.flatMap((p) => p.variables));
  let step = 0;
  try {
    const [c, h, w] = net.inputShape;
    const train = fitImages(data.train, c, h, w);
    const evalSet = fitImages(
      options.evalLimit === undefined ? data.eval : takeImages(data.eval, options.evalLimit),
      c,
      h,
      w,
    );
    const batch = Math.min(recipe.batch, train.count);
    const stepsPerEpoch = Math.max(1, Math.floor(train.count / batch));
    const planned = Math.max(1, Math.round(recipe.epochs * stepsPerEpoch));
    const total =
      recipe.maxSteps !== undefined && recipe.maxSteps > 0 ? Math.min(planned, recipe.maxSteps) : planned;
    const head = net.head();
    const headOnly = options.fineTune === 'head' && head !== undefined;
    const frozen = headOnly
      ? new Set(net.analysis.layers.filter((l) => l.key !== head.key).map((l) => l.key))
      : undefined;
    penalties = (options.penalties ?? []).map((make) => make(net));
    const variables = [
      ...net.store.trainable(headOnly ? new Set([head.key]) : undefined),
      ...penalties.flatMap((p) => p.variables),
    ];
    const random = seededRandom(recipe.seed);
    let order = shuffled(train.count, random);
    let end: TrainEnd = 'finished';
    let message: Message | undefined;
    let trainSeconds = 0;
    let epochLoss = 0;
    let epochTop1 = 0;
    let epochSteps = 0;
    let last: Measured | undefined;
    const curve: NonNullable<TrainingResult['curve']> = [];
    const finishEpoch = (): void => {
      last = evaluate(net, evalSet);
      const epoch = step / stepsPerEpoch;
      const loss = epochSteps > 0 ? epochLoss / epochSteps : 0;
      const trainTop1 = epochSteps > 0 ? epochTop1 / epochSteps : 0;
      curve.push({ epoch, loss, trainTop1, valTop1: last.top1 });
      hooks.onEpoch?.({
        epoch,
        step,
        loss,
        trainTop1,
        valTop1: last.top1,
        valTop5: last.top5,
        valLoss: last.loss,
        weights: net.store.toDesignWeights(data.name),
      });
      epochLoss = 0;
      epochTop1 = 0;
      epochSteps = 0;
    };
    while (step < total) {
      if ((await hooks.shouldStop?.()) === true) {
        end = 'stopped';
        break;
      }
      const t0 = now();
      const within = step % stepsPerEpoch;
      if (within === 0 && step > 0) order = shuffled(train.count, random);
      const { images, labels } = batchNHWC(
        train,
        order.subarray(within * batch, (within + 1) * batch),
        recipe.augment,
        random,
      );
      const lr = learningRateAt(recipe, step, total, stepsPerEpoch);
      const [loss = NaN, top1 = 0, norm = NaN] = tf.tidy(() => {
        const x = tf.tensor4d(images, [labels.length, h, w, c]);
        const y = tf.tensor1d(labels, 'int32');
        let stats: ReturnType<Network['forward']>['stats'] = [];
        let logits: tf.Tensor2D | undefined;
        const { value, grads } = tf.variableGrads(() => {
          const out = net.forward(x, true, recipe.seed * 1000003 + step, frozen);
          stats = out.stats;
          logits = tf.keep(out.logits);
          const loss = smoothedLoss(out.logits, y, net.classes, recipe.labelSmoothing);
          return penalties.length === 0 ? loss : tf.addN([loss, ...penalties.map((p) => p.loss())]);
        }, variables);
        const gradList = Object.values(grads);
        const sq = gradList.length > 0 ? tf.addN(gradList.map((g) => tf.sum(tf.square(g)))) : tf.scalar(0);
        const correct = tf.mean(tf.cast(tf.equal(tf.argMax(logits as tf.Tensor2D, 1), y), 'float32'));
        const read = tf.stack([value, correct, sq]).dataSync();
        if (Number.isFinite(read[0]) && Number.isFinite(read[2])) {
          net.store.checkpoint();
          penaltySaved.checkpoint();
          const byVar = new Map(variables.map((v) => [v, grads[v.name] as tf.Tensor]));
          optimizer.apply(byVar, lr);
          for (const p of penalties) p.afterStep?.(lr);
          for (const s of stats) updateStatistics(net, s.layer, s.mean, s.variance, labels.length);
        }
        for (const s of stats) {
          s.mean.dispose();
          s.variance.dispose();
        }
        return Array.from(read);
      });
      if (!Number.isFinite(loss) || !Number.isFinite(norm)) {
        // These weights gave NaN: back to those of the last step with a finite loss.
        if (step > 0) {
          net.store.rollback();
          penaltySaved.rollback();
        }
        end = 'nan';
        message = msg('trainNaN', { step: step + 1 });
        break;
      }
      step++;
      trainSeconds += (now() - t0) / 1000;
      epochLoss += loss;
      epochTop1 += top1;
      epochSteps++;
      const ips = trainSeconds > 0 ? (step * batch) / trainSeconds : 0;
      hooks.onStep?.({
        step,
        totalSteps: total,
        epoch: step / stepsPerEpoch,
        loss,
        top1,
        learningRate: lr,
        imagesPerSecond: ips,
        secondsLeft: step > 0 ? (trainSeconds / step) * (total - step) : 0,
      });
      if (step % stepsPerEpoch === 0 && step < total) finishEpoch();
      // Let a worker's messages (pause, stop) and a CLI's output through between steps.
      if (step % 4 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    if (epochSteps > 0 || last === undefined) finishEpoch();
    const measured = last ?? evaluate(net, evalSet);
    const costs = net.analysis.totals;
    const result: TrainingResult = {
      id: `train-${new Date(now()).toISOString()}-${recipe.seed}`,
      engine: `tfjs-${backendNow()}`,
      dataset: {
        name: data.name,
        split: data.evalSplit ?? 'test',
        classes: net.classes,
        trainImages: train.count,
        evalImages: evalSet.count,
      },
      top1: measured.top1,
      ...(measured.top5 === undefined ? {} : { top5: measured.top5 }),
      loss: measured.loss,
      epochs: step / stepsPerEpoch,
      steps: step,
      recipe,
      date: new Date(now()).toISOString(),
      seconds: (now() - started) / 1000,
      imagesPerSecond: trainSeconds > 0 ? (step * batch) / trainSeconds : 0,
      designHash: trainedHash(design),
      costs: { params: costs.params, multiplyAdds: costs.multiplyAdds, memoryAccess: costs.memoryAccess },
      curve,
    };
    const weights = net.store.toDesignWeights(`${data.name} (trained)`);
    const learned = penalties.reduce<Design>((d, p) => p.learned?.(d) ?? d, { ...design, weights });
    // What a penalty learned (a shift mask) is part of the design the result measured.
    const final = penalties.some((p) => p.learned !== undefined) ? recorded(result, learned) : result;
    const results = [...(design.results ?? []), final].slice(-MAX_RESULTS);
    return { design: { ...learned, results }, result: final, end, message, backend: backendNow() };
  } catch (e) {
    // A backend that cannot allocate (WASM's heap, WebGPU's buffers, a typed array): one sentence.
    if (isOutOfMemory(e)) {
      const batch = Math.min(recipe.batch, data.train.count);
      throw new TrainError(msg('trainOutOfMemory', { batch, step: step + 1, smaller: smallerBatch(batch) }));
    }
    throw e;
  } finally {
    optimizer.dispose();
    penaltySaved.dispose();
    for (const p of penalties) p.dispose();
    net.dispose();
  }
}

/** A result recording the design as its penalties left it: its hash and costs. */
function recorded(result: TrainingResult, design: Design): TrainingResult {
  const t = analyze(design).totals;
  return {
    ...result,
    designHash: trainedHash(design),
    costs: { params: t.params, multiplyAdds: t.multiplyAdds, memoryAccess: t.memoryAccess },
  };
}

/** PyTorch's running statistics: momentum 0.1, the variance unbiased (m / (m − 1) over m values a channel). */
function updateStatistics(
  net: Network,
  layer: LayerInfo,
  mean: tf.Tensor,
  variance: tf.Tensor,
  batch: number,
): void {
  const rm = net.store.variable(layer, 'running_mean');
  const rv = net.store.variable(layer, 'running_var');
  if (rm === undefined || rv === undefined) return;
  const [, , h = 1, w = 1] = layer.inputShapes[0] ?? [];
  const m = batch * h * w;
  rm.assign(tf.add(tf.mul(rm, 0.9), tf.mul(mean, 0.1)));
  rv.assign(tf.add(tf.mul(rv, 0.9), tf.mul(variance, (0.1 * m) / Math.max(1, m - 1))));
}
