import { serializeDesign } from '../../core/document/format';
import type { Recipe } from '../../core/document/results';
import type { Design } from '../../core/design/design-types';
import { english } from '../../core/message';
import {
  checkTrainable,
  chooseBackend,
  defaultRecipe,
  withOptimizer,
  resizeHead,
  takeImages,
  DEFAULT_SHIFT_LAMBDA,
  learnedMasks,
  learnShifts,
  trainDesign,
  TrainError,
  type EpochInfo,
  type StepInfo,
  type TrainBackend,
  type TrainData,
} from '../../core/train';
import { UsageError, numberFlag, parseArgs, type Command } from '../command';
import { loadSource, sourceFlags } from '../source';
import { loadTrainData, wasmDir } from '../train-data';
import { table } from '../text';

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

/**
 * `--learn-shifts [λ]`: the flag, with the number after it when one follows (λ ≥ 0), taken out of
 * the arguments before the others are parsed. Undefined when the flag is absent.
 */
export function learnShiftsFlag(args: readonly string[]): { lambda: number | undefined; rest: string[] } {
  const at = args.findIndex((a) => a === '--learn-shifts' || a === '-learn-shifts');
  if (at < 0) return { lambda: undefined, rest: [...args] };
  const next = args[at + 1];
  const given = next !== undefined && /^[-+.\d]/.test(next) && !next.startsWith('--');
  if (given) {
    const v = Number(next);
    if (!Number.isFinite(v) || v < 0)
      throw new UsageError(`--learn-shifts takes a penalty λ of 0 or more, not "${next}"`);
  }
  return {
    lambda: given ? Number(next) : DEFAULT_SHIFT_LAMBDA,
    rest: args.filter((_, i) => i !== at && !(given && i === at + 1)),
  };
}

function wholeFlag(flags: Map<string, string>, name: string): number | undefined {
  const v = numberFlag(flags, name);
  if (v !== undefined && !Number.isInteger(v))
    throw new UsageError(`--${name} must be a whole number, not "${v}"`);
  return v;
}

export function recipeFrom(
  flags: Map<string, string>,
  dataset: string,
  design: Design,
): { -readonly [K in keyof Recipe]: Recipe[K] } {
  const optimizer = flags.get('optimizer');
  if (optimizer !== undefined && optimizer !== 'sgd' && optimizer !== 'adam' && optimizer !== 'adamw')
    throw new UsageError(`--optimizer must be sgd, adam or adamw, not "${optimizer}"`);
  const designs = defaultRecipe(dataset, design);
  const base = optimizer === undefined ? designs : withOptimizer(designs, optimizer, dataset);
  const seed = flags.get('seed');
  if (seed !== undefined && !/^\d+$/.test(seed))
    throw new UsageError(`--seed must be a whole number, not "${seed}"`);
  const steps = wholeFlag(flags, 'steps');
  return {
    ...base,
    epochs: numberFlag(flags, 'epochs') ?? base.epochs,
    batch: wholeFlag(flags, 'batch') ?? base.batch,
    learningRate: numberFlag(flags, 'lr') ?? base.learningRate,
    ...(optimizer === undefined ? {} : { optimizer }),
    seed: seed === undefined ? base.seed : Number(seed),
    ...(steps === undefined ? {} : { maxSteps: steps }),
  };
}

/**
 * The data a training command reads: `--dataset` at the design's input size, `--train-images` and
 * `--eval-images` taken from it; `--steps` alone sets the epochs they span (the schedule decays over them).
 */
export async function loadCliData(
  flags: Map<string, string>,
  datasetSpec: string,
  design: Design,
  recipe: { epochs: number; batch: number; seed: number; maxSteps?: number | undefined },
  say: (line: string) => void,
): Promise<TrainData> {
  const input = design.nodes.find((n) => n.kind === 'Input')?.params as
    { channels?: number; height?: number; width?: number } | undefined;
  const size =
    input?.channels === undefined || input.height === undefined || input.width === undefined
      ? undefined
      : { channels: input.channels, height: input.height, width: input.width };
  const full = await loadTrainData(datasetSpec, size, recipe.seed, say);
  const trainLimit = wholeFlag(flags, 'train-images');
  const evalLimit = wholeFlag(flags, 'eval-images');
  const data: TrainData = {
    ...full,
    train: trainLimit === undefined ? full.train : takeImages(full.train, trainLimit),
    eval: evalLimit === undefined ? full.eval : takeImages(full.eval, evalLimit),
  };
  if (recipe.maxSteps !== undefined && !flags.has('epochs')) {
    const perEpoch = Math.max(
      1,
      Math.floor(data.train.count / Math.min(recipe.batch, Math.max(1, data.train.count))),
    );
    recipe.epochs = Math.ceil(recipe.maxSteps / perEpoch);
  }
  return data;
}

export const trainCommand: Command = {
  name: 'train',
  usage:
    'train <design.json | preset:NAME | example:NAME> --dataset fashion-mnist|fashion-mnist-full|<folder of idx files or of class subfolders of PNG/JPEG images> [--epochs E] [--steps S] [--batch B] [--lr L] [--optimizer sgd|adam|adamw] [--seed N] [--train-images N] [--eval-images N] [--resize-head] [--learn-shifts [λ]] [--backend wasm|cpu] [--resolution R] -o trained.json [--json]',
  async run(argv, io) {
    const { lambda, rest: args } = learnShiftsFlag(argv);
    const { positional, flags, switches } = parseArgs(
      args,
      [
        ...sourceFlags,
        'dataset',
        'epochs',
        'steps',
        'batch',
        'lr',
        'optimizer',
        'seed',
        'o',
        'train-images',
        'eval-images',
        'backend',
      ],
      ['json', 'resize-head'],
    );
    let design = loadSource(positional[0], flags, io);
    const datasetSpec = flags.get('dataset');
    if (datasetSpec === undefined)
      throw new UsageError('missing --dataset: fashion-mnist, fashion-mnist-full or a folder');
    const backendFlag = flags.get('backend');
    if (backendFlag !== undefined && backendFlag !== 'wasm' && backendFlag !== 'cpu')
      throw new UsageError(`--backend must be wasm or cpu, not "${backendFlag}"`);
    if (lambda !== undefined && !design.nodes.some((n) => n.kind === 'SparseShift'))
      throw new UsageError(
        '--learn-shifts needs a SparseShift node in the design: it learns which channels shift',
      );
    const recipe = recipeFrom(flags, datasetSpec, design);
    const json = switches.has('json');
    const data = await loadCliData(flags, datasetSpec, design, recipe, (line) => {
      if (!json) io.out(line);
    });
    try {
      let problem = checkTrainable(design, data);
      if (problem?.key === 'trainTooManyClasses' && switches.has('resize-head')) {
        design = resizeHead(design, data.train.classNames.length);
        problem = checkTrainable(design, data);
      }
      if (problem !== undefined) throw new UsageError(english(problem));
      const choice = await chooseBackend({
        wasmPaths: wasmDir,
        preferWebGpu: false,
        only: (backendFlag ?? 'wasm') as TrainBackend,
      });
      if (!json)
        io.out(
          `training ${design.name} on ${data.name} (${data.train.count} images, ${data.eval.count} to measure) with tfjs-${choice.backend}: ${choice.reason}`,
        );
      let lastLine = 0;
      const hooks = {
        onStep: (s: StepInfo) => {
          if (json || (Date.now() - lastLine < 2000 && s.step !== s.totalSteps)) return;
          lastLine = Date.now();
          process.stderr.write(
            `step ${s.step}/${s.totalSteps}  epoch ${s.epoch.toFixed(2)}  loss ${s.loss.toFixed(4)}  ${s.imagesPerSecond.toFixed(0)} images/s  ${Math.round(s.secondsLeft)} s left\n`,
          );
        },
        onEpoch: (e: EpochInfo) => {
          if (!json)
            io.out(
              `epoch ${e.epoch.toFixed(2)}: loss ${e.loss.toFixed(4)}, train top-1 ${pct(e.trainTop1)}, ${data.evalSplit ?? 'test'} top-1 ${pct(e.valTop1)}`,
            );
        },
      };
      const options = lambda === undefined ? {} : { penalties: [learnShifts({ lambda })] };
      const outcome = await trainDesign(design, data, recipe, hooks, options);
      const out = flags.get('o');
      if (out !== undefined) io.writeFile(out, serializeDesign(outcome.design));
      const r = outcome.result;
      const labelOf = (id: string): string => outcome.design.nodes.find((n) => n.id === id)?.label ?? id;
      const shifts =
        lambda === undefined
          ? undefined
          : learnedMasks(outcome.design).map((m) => ({
              node: labelOf(m.nodeId),
              moved: m.moved,
              channels: m.shifts.length,
              mask: m.shifts,
            }));
      if (json) {
        io.out(
          JSON.stringify({
            design: design.name,
            dataset: r.dataset,
            engine: r.engine,
            end: outcome.end,
            ...(outcome.message === undefined ? {} : { message: english(outcome.message) }),
            accuracy: r.top1,
            top5: r.top5 ?? null,
            loss: r.loss,
            steps: r.steps,
            epochs: r.epochs,
            seconds: r.seconds,
            imagesPerSecond: r.imagesPerSecond ?? 0,
            params: r.costs.params,
            multiplyAdds: r.costs.multiplyAdds,
            recipe: r.recipe,
            curve: r.curve,
            ...(shifts === undefined ? {} : { lambda, shifts }),
          }),
        );
        return;
      }
      if (outcome.message !== undefined) io.out(english(outcome.message));
      io.out(
        table([
          [
            'design',
            'dataset',
            'steps',
            'epochs',
            `${r.dataset.split} top-1`,
            'top-5',
            'loss',
            'images/s',
            'seconds',
          ],
          [
            design.name,
            r.dataset.name,
            String(r.steps),
            r.epochs.toFixed(2),
            pct(r.top1),
            r.top5 === undefined ? '–' : pct(r.top5),
            r.loss.toFixed(4),
            (r.imagesPerSecond ?? 0).toFixed(1),
            r.seconds.toFixed(1),
          ],
        ]),
      );
      for (const m of shifts ?? [])
        io.out(
          `learned shifts (λ ${String(lambda)}): ${m.node} moves ${m.moved} of ${m.channels} channels (${pct(m.moved / Math.max(1, m.channels))}); the rest stay`,
        );
      if (out !== undefined) io.out(`wrote ${out}: the design with its trained weights and the result`);
    } catch (e) {
      if (e instanceof TrainError) throw new UsageError(english(e.said));
      throw e;
    }
  },
};
