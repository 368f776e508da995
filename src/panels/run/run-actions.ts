import { download, fileNameFor } from '../../ui/download';
import { diagnosticText } from '../../i18n/core-text';
import type { Design } from '../../core/design/design-types';
import { runtimeClient } from '../../runtime/client';
import type { RuntimeError } from '../../runtime/errors';
import { preprocessImage } from '../../runtime/image';
import { trainedBy } from '../../core/results/provenance';
import { encodeNpy } from '../../runtime/npy';
import { latencyStats } from '../../runtime/outputs';
import { nchwToRgba, randomTensor } from '../../runtime/preprocess';
import { attributeTimes } from '../../runtime/profile';
import type { WorkerResponse } from '../../runtime/protocol';
import { designKey, featureTargets, layerRefs } from '../../runtime/targets';
import { analysisOf } from '../../state/analysis';
import { scopeOf } from '../../state/run-scope';
import { studio } from '../../state/store';
import { runPanel, type InputSource, type PreparedInput } from './run-store';
import { i18next } from '../../i18n';

export const SAMPLES = [
  { file: 'chelsea.jpg', id: 'cat' },
  { file: 'coffee.jpg', id: 'coffee' },
  { file: 'astronaut.jpg', id: 'astronaut' },
  { file: 'rocket.jpg', id: 'rocket' },
] as const;

export const sampleUrl = (file: string): string => `${import.meta.env.BASE_URL}samples/${file}`;

/** The first Input node's 1×C×H×W shape. */
export function inputShape(design: Design): readonly number[] | undefined {
  return analysisOf(design).layers.find((l) => l.op === 'Input')?.outputShapes[0];
}

const sourceLabel = (s: InputSource): string =>
  s.kind === 'random' ? i18next.t('run:randomTensor', { seed: s.seed }) : s.name;

const prepared = new WeakMap<InputSource, { key: string; value: PreparedInput }>();

/** Preprocesses the chosen input for the current design's input shape (cached per source and shape). */
export async function prepareInput(): Promise<PreparedInput | undefined> {
  const { source } = runPanel.getState();
  const shape = inputShape(studio.getState().design);
  if (shape?.length !== 4) {
    runPanel.setState({
      inputError: i18next.t('run:needInput'),
      prepared: undefined,
    });
    return undefined;
  }
  const [, c = 3, h = 224, w = 224] = shape;
  // Weights trained here learnt from whole images in [0, 1]: the run feeds them the same way.
  const framing = trainedBy(studio.getState().design) === undefined ? 'imagenet' : 'unit';
  const key = `${shape.join('x')}:${framing}`;
  const known = prepared.get(source);
  if (known?.key === key) return known.value;
  try {
    let value: PreparedInput;
    if (source.kind === 'random') {
      const data = randomTensor(c * h * w, source.seed);
      const preview = c <= 3 ? new ImageData(nchwToRgba(data, w, h, c), w, h) : undefined;
      value = { data, shape, preview, label: sourceLabel(source) };
    } else {
      const blob = source.kind === 'file' ? source.blob : await (await fetch(sampleUrl(source.name))).blob();
      const image = await preprocessImage(blob, w, h, c, framing);
      value = { data: image.data, shape, preview: image.preview, label: sourceLabel(source) };
    }
    prepared.set(source, { key, value });
    if (runPanel.getState().source === source) runPanel.setState({ prepared: value, inputError: undefined });
    return value;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    runPanel.setState({
      inputError: i18next.t('run:notImage', { source: sourceLabel(source), reason }),
      prepared: undefined,
    });
    return undefined;
  }
}

export function chooseSource(source: InputSource): void {
  // The Input section's effect preprocesses it (for the design's input size).
  runPanel.setState({ source, inputError: undefined });
}

/**
 * A runtime error for the reader: in English as the runtime wrote it; in another language its code's
 * sentence, with the runtime's own words (an op's name, a shape) kept as the first detail.
 */
export const toError = (r: Extract<WorkerResponse, { type: 'error' }>): RuntimeError =>
  i18next.language === 'en'
    ? { code: r.code, message: r.message, ...(r.details !== undefined && { details: r.details }) }
    : {
        code: r.code,
        message: i18next.t(`run:failure.${r.code}`),
        details: [r.message, ...(r.details ?? [])],
      };

/** Runs the current design on the chosen input: latency, outputs, then per-node times. */
export async function runDesign(): Promise<void> {
  const panel = runPanel.getState();
  if (panel.running) return;
  const design = studio.getState().design;
  const analysis = analysisOf(design);
  const problems = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    const n = problems.length;
    runPanel.setState({
      error: {
        code: 'design-invalid',
        message: n === 1 ? i18next.t('run:problemsOne') : i18next.t('run:problems', { count: n }),
        details: problems.map((d) => `${d.code}: ${diagnosticText(d)}`),
      },
    });
    return;
  }
  runPanel.setState({ running: true, error: undefined, progress: undefined });
  const input = await prepareInput();
  if (input === undefined) {
    runPanel.setState({ running: false });
    return;
  }
  const key = designKey(design);
  const scope = scopeOf(studio.getState().documentId, design);
  const layers = layerRefs(analysis);
  runPanel.setState({ features: undefined, featuresError: undefined });
  await runtimeClient().request(
    {
      type: 'run',
      designKey: key,
      design,
      input: { data: input.data, shape: input.shape },
      backend: panel.backend,
      options: { warmup: 3, runs: 30, budgetMs: 4000, foldBatchNorm: panel.foldBatchNorm, profile: true },
    },
    (r) => {
      if (r.type === 'progress') runPanel.setState({ progress: r });
      else if (r.type === 'error') runPanel.setState({ error: toError(r) });
      else if (r.type === 'result') {
        const { backend, threads, createMs, outputs } = r;
        runPanel.setState({
          result: {
            designKey: key,
            scope,
            backend,
            threads,
            note: r.note,
            createMs,
            latency: latencyStats(r.samples),
            outputs,
            input,
          },
          times: undefined,
        });
      } else if (r.type === 'profile') {
        // Attributed now, with the names of the model that ran: renaming a node later keeps its time.
        const times = attributeTimes(r.nodes, layers);
        runPanel.setState({ times });
        const result = runPanel.getState().result;
        const label =
          result?.backend === 'webgpu'
            ? i18next.t('run:webgpu')
            : i18next.t('run:wasmThreads', { count: result?.threads ?? 1 });
        studio
          .getState()
          .setRunTimes({ designKey: key, byNode: times.byNode, totalMs: times.total, backend: label, scope });
      }
    },
  );
  runPanel.setState({ running: false, progress: undefined });
}

/** Feature maps of one node, from a second session with every node's tensor as an output. */
export async function loadFeatures(nodeId: string): Promise<void> {
  const { result } = runPanel.getState();
  const design = studio.getState().design;
  if (result === undefined || designKey(design) !== result.designKey) {
    runPanel.setState({
      features: undefined,
      featuresError: { code: 'no-run', message: i18next.t('run:runFirst') },
    });
    return;
  }
  runPanel.setState({ featuresLoading: nodeId, featuresError: undefined });
  await runtimeClient().request(
    {
      type: 'features',
      designKey: result.designKey,
      targets: featureTargets(analysisOf(design)),
      nodeId,
      maxChannels: 64,
    },
    (r) => {
      if (r.type === 'features') runPanel.setState({ features: r, featuresError: undefined });
      else if (r.type === 'error') runPanel.setState({ features: undefined, featuresError: toError(r) });
    },
  );
  if (runPanel.getState().featuresLoading === nodeId) runPanel.setState({ featuresLoading: undefined });
}

const saveBytes = (bytes: Uint8Array, suffix: string): void => {
  download(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
    fileNameFor(studio.getState().design, suffix),
  );
};

/** The exact files of the last run, to reproduce it elsewhere (Python, onnxruntime). */
export async function saveRunFile(kind: 'model' | 'input' | 'output'): Promise<void> {
  const { result } = runPanel.getState();
  if (result === undefined) return;
  if (kind === 'input') saveBytes(encodeNpy(result.input.data, result.input.shape), '-input.npy');
  else if (kind === 'output') {
    const o = result.outputs[0];
    if (o !== undefined) saveBytes(encodeNpy(o.data, o.shape), `-${o.name}.npy`);
  } else
    await runtimeClient().request({ type: 'model', designKey: result.designKey }, (r) => {
      if (r.type === 'model') saveBytes(r.bytes, '.onnx');
      else if (r.type === 'error') runPanel.setState({ error: toError(r) });
    });
}

/** What to do about a runtime error, in the reader's language. */
export const remedyOf = (e: RuntimeError): string => i18next.t(`run:remedy.${e.code}`);
