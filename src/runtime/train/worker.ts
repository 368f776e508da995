/// <reference lib="webworker" />
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { analyze } from '../../core/analysis/analyze';
import type { Recipe, TrainingResult } from '../../core/document/results';
import type { Design, DesignWeights } from '../../core/design/design-types';
import { splitFromLearned } from '../../core/methods/splitnet-learned';
import type { EpochInfo, TrainData } from '../../core/train';
import { classifyFailure } from './failures';
import { DataFailure, loadData } from './load-data';
import type { TrainEvent, TrainRequest } from './protocol';
import { splitNetRequestProblem } from './splitnet-messages';

/**
 * The training worker: loads TensorFlow.js on the first run (its own chunks, never in the page's
 * bundle), reads the dataset, and trains one design at a time. Pause is a promise the engine awaits
 * before its next step; stop ends the run after the step under way, keeping what it learnt.
 */

type Engine = typeof import('../../core/train');

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: TrainEvent): void => {
  scope.postMessage(event);
};

/** Steps are reported at most this often (the curve needs no more; the page stays calm). */
const STEP_EVERY_MS = 150;

const control = { paused: false, stop: false, wake: undefined as (() => void) | undefined };
let busy = false;
let engineLoaded: Promise<{ engine: Engine; backend: string; reason: string }> | undefined;

scope.onmessage = (event: MessageEvent<TrainRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'start':
      if (!busy) void train(request);
      return;
    case 'pause':
      control.paused = true;
      post({ type: 'paused', paused: true });
      return;
    case 'resume':
      control.paused = false;
      control.wake?.();
      post({ type: 'paused', paused: false });
      return;
    case 'stop':
      control.stop = true;
      control.paused = false;
      control.wake?.();
      return;
  }
};

async function shouldStop(): Promise<boolean> {
  while (control.paused && !control.stop) await new Promise<void>((wake) => (control.wake = wake));
  control.wake = undefined;
  return control.stop;
}

/** TensorFlow.js and its backend, once per worker: WebGPU on a real adapter, else WASM (one thread). */
function loadEngine(): Promise<{ engine: Engine; backend: string; reason: string }> {
  engineLoaded ??= (async () => {
    const [engine, wasm] = await Promise.all([
      import('../../core/train'),
      import('@tensorflow/tfjs-backend-wasm'),
    ]);
    // Our build's own copies of the .wasm files (hashed names, so a map rather than a folder).
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
      'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
      'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreaded, self.location.href).href,
    });
    const choice = await engine.chooseBackend();
    return { engine, backend: choice.backend, reason: choice.reason };
  })();
  engineLoaded.catch(() => {
    engineLoaded = undefined;
  });
  return engineLoaded;
}

async function train(request: Extract<TrainRequest, { type: 'start' }>): Promise<void> {
  busy = true;
  control.paused = false;
  control.stop = false;
  const { design, recipe } = request;
  try {
    // The SplitNet part is checked before anything loads (the page is ours; this catches a bad message).
    const split = request.splitNet;
    const splitProblem = split === undefined ? undefined : splitNetRequestProblem(split);
    if (splitProblem !== undefined) {
      post({ type: 'failed', failure: { code: 'internal', detail: `SplitNet: ${splitProblem}` } });
      return;
    }
    post({ type: 'stage', stage: 'engine' });
    const { engine, backend, reason } = await loadEngine();
    post({ type: 'stage', stage: 'data', backend, reason });
    const input = analyze(design).layers.find((l) => l.op === 'Input')?.outputShapes[0];
    const [, channels = 1, height = 28, width = 28] = input ?? [];
    const base = new URL(import.meta.env.BASE_URL, self.location.href).href;
    const loaded = await loadData(request.dataset, engine, { channels, height, width }, recipe.seed, base);
    const { data } = loaded;
    post({
      type: 'data',
      summary: {
        name: data.name,
        classNames: data.train.classNames,
        train: data.train.count,
        eval: data.eval.count,
        split: data.evalSplit ?? 'test',
        size: `${channels}×${height}×${width}`,
        resized: loaded.resized,
        skipped: loaded.skipped,
      },
    });
    const problem = engine.checkTrainable(design, data);
    if (problem !== undefined) {
      post({ type: 'failed', failure: classifyFailure({ said: problem }, recipe.batch) });
      return;
    }
    post({ type: 'stage', stage: 'train', backend, reason });
    const resultId = `r-${new Date().toISOString()}-${Math.floor(Math.random() * 1e6).toString(36)}`;
    const named = (r: TrainingResult): TrainingResult => ({
      ...r,
      id: resultId,
      dataset: { ...r.dataset, classNames: [...data.train.classNames] },
    });
    const learning =
      split === undefined
        ? undefined
        : engine.splitNetLearning(design, split.levels, split.terms, recipe.seed);
    if (learning?.ok === false) {
      post({ type: 'failed', failure: { code: 'said', said: learning.text } });
      return;
    }
    const started = Date.now();
    let lastPost = 0;
    // A split run's steps: grouping first, then fine-tuning, on one curve.
    const extra = split?.fineTuneSteps ?? 0;
    const onStep =
      (offset: number, more: number) =>
      (info: { step: number; totalSteps: number; epoch: number; loss: number; top1: number }) => {
        const now = performance.now();
        const step = offset + info.step;
        const totalSteps = info.totalSteps + offset + more;
        if (now - lastPost < STEP_EVERY_MS && step < totalSteps) return;
        lastPost = now;
        const batch = Math.min(recipe.batch, data.train.count);
        post({
          type: 'step',
          report: {
            step,
            totalSteps,
            epoch: info.epoch,
            images: step * batch,
            totalImages: totalSteps * batch,
            loss: info.loss,
            top1: info.top1,
            ms: now,
          },
        });
      };
    // A split run groups for its own number of steps: the recipe, over the epochs that hold them.
    const grouping =
      split === undefined ? recipe : engine.recipeForSteps(recipe, data.train.count, split.groupingSteps);
    const outcome = await engine.trainDesign(
      design,
      data,
      grouping,
      {
        onStep: onStep(0, extra),
        onEpoch: (info) => {
          post({
            type: 'epoch',
            report: {
              epoch: info.epoch,
              step: info.step,
              loss: info.loss,
              trainTop1: info.trainTop1,
              valTop1: info.valTop1,
              valLoss: info.valLoss,
            },
            weights: sourced(info.weights, resultId),
            result: named(provisional(engine, design, data, grouping, info, backend, started)),
          });
        },
        shouldStop,
      },
      {
        fineTune: split === undefined ? request.scope : 'all',
        ...(request.evalLimit !== undefined && { evalLimit: request.evalLimit }),
        ...((request.learnShifts !== undefined || learning !== undefined) && {
          penalties: [
            ...(request.learnShifts === undefined
              ? []
              : [engine.learnShifts({ lambda: request.learnShifts.lambda })]),
            ...(learning === undefined ? [] : [learning.maker]),
          ],
        }),
      },
    );
    const trained = outcome.result.steps > 0;
    const nan =
      outcome.end === 'nan' && outcome.message !== undefined
        ? { failure: { code: 'said', said: outcome.message } as const }
        : {};
    if (split !== undefined && learning !== undefined && trained && outcome.end !== 'nan') {
      const learned = learning.learned();
      const tree =
        learned === undefined ? undefined : splitFromLearned(outcome.design, split.levels, learned);
      if (learned === undefined || tree === undefined)
        throw new Error('training ended before the split was learned');
      if (!tree.ok) {
        post({ type: 'failed', failure: { code: 'said', said: tree.text } });
        return;
      }
      const tuned =
        split.fineTuneSteps > 0 && outcome.end !== 'stopped'
          ? await engine.trainDesign(
              tree.design,
              data,
              engine.recipeForSteps(recipe, data.train.count, split.fineTuneSteps),
              { onStep: onStep(outcome.result.steps, 0), shouldStop },
              { fineTune: 'all', ...(request.evalLimit !== undefined && { evalLimit: request.evalLimit }) },
            )
          : undefined;
      const last = tuned ?? outcome;
      const splitDesign = tuned?.design ?? tree.design;
      const { weights: splitWeights, ...splitRest } = splitDesign;
      post({
        type: 'done',
        stopped: outcome.end === 'stopped' || tuned?.end === 'stopped',
        weights: splitWeights === undefined ? undefined : sourced(splitWeights, resultId),
        result: named(last.result),
        split: {
          design: splitRest,
          levels: split.levels,
          classes: learned.classes.map((g) => [...g]),
          fineTuned: tuned?.result.steps ?? 0,
        },
        ...(tuned?.end === 'nan' &&
          tuned.message !== undefined && { failure: { code: 'said', said: tuned.message } }),
      });
      return;
    }
    const weights =
      outcome.design.weights === undefined ? undefined : sourced(outcome.design.weights, resultId);
    post({
      type: 'done',
      stopped: outcome.end === 'stopped',
      weights: trained ? weights : undefined,
      result: trained ? named(outcome.result) : undefined,
      ...(request.learnShifts !== undefined && trained && { shifts: engine.learnedMasks(outcome.design) }),
      ...nan,
    });
  } catch (e) {
    post({
      type: 'failed',
      failure: e instanceof DataFailure ? e.failure : classifyFailure(e, recipe.batch),
    });
  } finally {
    busy = false;
  }
}

/** Trained weights name the result that describes them (the provenance the Run panel shows). */
const sourced = (weights: DesignWeights, resultId: string): DesignWeights => ({
  ...weights,
  source: resultId,
});

/** The result as it stands after an epoch: what a closed tab keeps with that epoch's weights. */
function provisional(
  engine: Engine,
  design: Design,
  data: TrainData,
  recipe: Recipe,
  info: EpochInfo,
  backend: string,
  started: number,
): TrainingResult {
  const totals = analyze(design).totals;
  return {
    id: 'provisional',
    engine: `tfjs-${backend}`,
    dataset: {
      name: data.name,
      split: data.evalSplit ?? 'test',
      classes: data.train.classNames.length,
      trainImages: data.train.count,
      evalImages: data.eval.count,
    },
    top1: info.valTop1,
    ...(info.valTop5 === undefined ? {} : { top5: info.valTop5 }),
    loss: info.valLoss,
    epochs: info.epoch,
    steps: info.step,
    recipe,
    date: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    designHash: engine.trainedHash(design),
    costs: { params: totals.params, multiplyAdds: totals.multiplyAdds, memoryAccess: totals.memoryAccess },
  };
}
