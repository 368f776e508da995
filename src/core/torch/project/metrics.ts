import { analyze } from '../../analysis/analyze';
import { designHash, trainedHash } from '../../document/design-hash';
import { MAX_RESULTS, resultSchema, type TrainingResult } from '../../document/results';
import type { Design } from '../../design/design-types';
import { resultRecipe, type ProjectRecipe } from './project-recipe';

/** A line of metrics.jsonl as train.py writes it (every field optional until checked). */
interface Line {
  readonly event?: string;
  readonly epoch?: number;
  readonly step?: number;
  readonly split?: string;
  readonly loss?: number;
  readonly top1?: number;
  readonly top5?: number;
  readonly images_per_second?: number;
  readonly data?: string;
  readonly classes?: number;
  readonly train_images?: number;
  readonly eval_images?: number;
  readonly epochs?: number;
  readonly global_batch?: number;
  readonly seed?: number;
  readonly recipe?: ProjectRecipe;
  readonly seconds?: number;
  readonly time?: number;
}

export type MetricsResult =
  { readonly ok: true; readonly result: TrainingResult } | { readonly ok: false; readonly error: string };

const median = (xs: readonly number[]): number | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * The training result a train.py run's metrics.jsonl records, for `design` (the design with the
 * trained weights bound): data set and split, top-1 and top-5 of the last evaluation, the recipe at
 * the run's global batch, seed, date, and the design's costs and hash. `file` is the weights
 * file the result came with. Never throws.
 */
export function resultFromMetrics(text: string, design: Design, file: string): MetricsResult {
  const lines: Line[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    try {
      const v: unknown = JSON.parse(raw);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error();
      lines.push(v);
    } catch {
      return {
        ok: false,
        error: `the metrics file's line ${i + 1} is not a JSON object (train.py writes one a line)`,
      };
    }
  }
  const start = lines.find((l) => l.event === 'start');
  const end = lines.findLast((l) => l.event === 'end');
  if (start === undefined)
    return { ok: false, error: 'the metrics file has no "start" line: it is not from train.py' };
  if (end === undefined)
    return {
      ok: false,
      error: 'the metrics file has no "end" line: the run has not finished (go on with train.py --resume)',
    };
  const evals = lines.filter((l) => l.event === undefined && l.split !== undefined && l.split !== 'train');
  const trains = lines.filter((l) => l.split === 'train');
  const analysis = analyze(design);
  const curve = evals.map((e) => {
    const last = trains.findLast((t) => (t.step ?? 0) <= (e.step ?? 0));
    return { epoch: e.epoch ?? 0, loss: last?.loss ?? 0, trainTop1: last?.top1 ?? 0, valTop1: e.top1 ?? 0 };
  });
  const ips = median(trains.map((t) => t.images_per_second ?? 0).filter((v) => v > 0));
  const candidate = {
    id: `pytorch-${designHash(design)}-${Math.round(end.time ?? 0)}`,
    engine: 'pytorch',
    dataset: {
      name: start.data,
      split: end.split,
      classes: start.classes,
      trainImages: start.train_images,
      evalImages: start.eval_images,
    },
    top1: end.top1,
    ...(end.top5 === undefined ? {} : { top5: end.top5 }),
    loss: end.loss,
    epochs: end.epochs,
    steps: end.step,
    recipe:
      start.recipe === undefined
        ? undefined
        : resultRecipe(start.recipe, {
            epochs: start.epochs ?? 0,
            batch: start.global_batch ?? 1,
            seed: start.seed ?? 0,
          }),
    date: new Date((end.time ?? 0) * 1000).toISOString(),
    seconds: end.seconds,
    ...(ips === undefined ? {} : { imagesPerSecond: ips }),
    sourceFile: file,
    designHash: trainedHash(design),
    costs: {
      params: analysis.totals.params,
      multiplyAdds: analysis.totals.multiplyAdds,
      memoryAccess: analysis.totals.memoryAccess,
    },
    ...(curve.length > 0 ? { curve } : {}),
  };
  const parsed = resultSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: `the metrics file does not give a complete result (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
    };
  }
  return { ok: true, result: parsed.data };
}

/** The design with `result` added after its results (the oldest dropped past MAX_RESULTS). */
export function withResult(design: Design, result: TrainingResult): Design {
  const results = [...(design.results ?? []).filter((r) => r.id !== result.id), result].slice(-MAX_RESULTS);
  return { ...design, results };
}
