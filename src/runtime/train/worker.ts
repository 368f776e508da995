/// <reference lib="webworker" />
import type { TrainingResult } from '../../core/document/results';
import type { Design, DesignWeights } from '../../core/graph/types';
import type { EpochInfo } from '../../core/train';
import { analyze } from '../../core/analysis/analyze';
import { DataFailure, loadData } from './load-data';
import { classifyFailure } from './failures';
import type { TrainEvent, TrainRequest } from './protocol';

/**
 * The training worker: loads TensorFlow.js on the first run (its own chunk, never in the page's
 * bundle), reads the dataset, and trains one design at a time. Pause is a promise the engine awaits
 * before its next step; stop ends the run after the step under way, keeping what it learnt.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: TrainEvent): void => {
  scope.postMessage(event);
};

/** Steps are reported at most this often (the curve needs no more; the page stays calm). */
const STEP_EVERY_MS = 150;

const control = { paused: false, stop: false, wake: undefined as (() => void) | undefined };
let busy = false;

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

async function train(request: Extract<TrainRequest, { type: 'start' }>): Promise<void> {
  busy = true;
  control.paused = false;
  control.stop = false;
  const { design, recipe } = request;
  try {
    post({ type: 'stage', stage: 'engine' });
    const engine = await import('../../core/train');
    const backend = await engine.chooseBackend({ wasmPaths: wasmUrls() });
    post({ type: 'stage', stage: 'data', backend: backend.label });
    const input = analyze(design).layers.find((l) => l.op === 'Input')?.outputShapes[0];
    const [, channels = 1, height = 28, width = 28] = input ?? [];
    const loaded = await loadData(
      request.dataset,
      engine,
      { channels, height, width },
      recipe.seed,
      baseUrl(),
    );
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
      post({ type: 'failed', failure: classifyFailure(problem, recipe.batch) });
      return;
    }
    post({ type: 'stage', stage: 'train', backend: backend.label });
    const resultId = `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    let lastStep = 0;
    const outcome = await engine.trainDesign(
      design,
      data,
      recipe,
      {
        onStep: (info) => {
          const now = performance.now();
          if (now - lastStep < STEP_EVERY_MS && info.step < info.totalSteps) return;
          lastStep = now;
          post({
            type: 'step',
            report: {
              step: info.step,
              totalSteps: info.totalSteps,
              epoch: info.epoch,
              images: info.step * recipe.batch,
              totalImages: info.totalSteps * recipe.batch,
              loss: info.loss,
              top1: info.top1,
              ms: now,
            },
          });
        },
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
            result: provisional(engine, design, data, recipe, info, resultId, backend.kind),
          });
        },
        shouldStop,
      },
      { fineTune: request.scope },
    );
    const result = { ...outcome.result, id: resultId };
    const weights =
      outcome.design.weights === undefined ? undefined : sourced(outcome.design.weights, resultId);
    if (outcome.end === 'nan') {
      const epochs = outcome.result.epochs;
      post({ type: 'failed', failure: { code: 'nan-loss', step: outcome.result.steps, kept: epochs } });
      return;
    }
    post({ type: 'done', stopped: outcome.end === 'stopped', weights, result });
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
  engine: typeof import('../../core/train'),
  design: Design,
  data: import('../../core/train').TrainData,
  recipe: import('../../core/document/results').Recipe,
  info: EpochInfo,
  id: string,
  backend: string,
): TrainingResult {
  return engine.resultOf(design, data, recipe, {
    id,
    engine: `tfjs-${backend}`,
    top1: info.valTop1,
    top5: info.valTop5,
    loss: info.valLoss,
    epochs: info.epoch,
    steps: info.step,
  });
}

const baseUrl = (): string => new URL(import.meta.env.BASE_URL, self.location.href).href;

/** tfjs-backend-wasm's binaries, as files of our own build (never a CDN). */
function wasmUrls(): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(wasmPlain, self.location.href).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimd, self.location.href).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreaded, self.location.href).href,
  };
}

import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
