import { analyze } from '../../core/analysis/analyze';
import { serializeDesign } from '../../core/document/format';
import type { Design } from '../../core/design/design-types';
import { english } from '../../core/message';
import { splitFromLearned } from '../../core/methods/splitnet-learned';
import type { SplitLevel } from '../../core/methods/splitnet-method';
import { checkTrainable, chooseBackend, trainDesign, TrainError, type TrainData } from '../../core/train';
import { splitNetLearning, SPLITNET_TERMS } from '../../core/train/splitnet-penalty';
import { recipeForSteps } from '../../core/train/train-recipe';
import { UsageError, numberFlag, type CliIO } from '../command';
import { loadCliData, recipeFrom } from './train';
import { wasmDir } from '../train-data';
import { int, table } from '../text';

const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

/** The flags `split --learn` reads besides the split's own. */
export const learnFlags = [
  'dataset',
  'steps',
  'epochs',
  'batch',
  'lr',
  'optimizer',
  'seed',
  'train-images',
  'eval-images',
  'finetune-steps',
] as const;

async function train(
  design: Design,
  data: TrainData,
  recipe: ReturnType<typeof recipeFrom>,
  penalties: Parameters<typeof trainDesign>[4],
): ReturnType<typeof trainDesign> {
  let lastLine = 0;
  return trainDesign(
    design,
    data,
    recipe,
    {
      onStep: (s) => {
        if (Date.now() - lastLine < 2000 && s.step !== s.totalSteps) return;
        lastLine = Date.now();
        process.stderr.write(`step ${s.step}/${s.totalSteps}  loss ${s.loss.toFixed(4)}\n`);
      },
    },
    penalties,
  );
}

/**
 * `split SRC --at A,B --groups 2,2 --learn --dataset D`: SplitNet as the paper learns it. The
 * design trains with the split's terms (group weight, disjoint, balance; γ = 1, 1, 10 as the
 * authors' grouping run) over the layers after the split points; the assignments it learns give
 * each leaf its classes and each group its features, and the split design starts from the
 * trained weights' blocks. `--finetune-steps M` then trains the split design M steps.
 */
export async function splitLearned(
  design: Design,
  levels: readonly SplitLevel[],
  flags: Map<string, string>,
  target: string,
  io: CliIO,
): Promise<void> {
  const datasetSpec = flags.get('dataset');
  if (datasetSpec === undefined)
    throw new UsageError(
      '--learn trains the design: give --dataset fashion-mnist, fashion-mnist-full or a folder',
    );
  const finetune = numberFlag(flags, 'finetune-steps') ?? 0;
  if (!Number.isInteger(finetune) || finetune < 0)
    throw new UsageError(
      `--finetune-steps must be a whole number, not "${flags.get('finetune-steps') ?? ''}"`,
    );
  const recipe = recipeFrom(flags, datasetSpec, design);
  const learning = splitNetLearning(design, levels, SPLITNET_TERMS, recipe.seed);
  if (!learning.ok) throw new UsageError(learning.error);
  const data = await loadCliData(flags, datasetSpec, design, recipe, (line) => {
    io.out(line);
  });
  const problem = checkTrainable(design, data);
  if (problem !== undefined) throw new UsageError(english(problem));
  const choice = await chooseBackend({ wasmPaths: wasmDir, preferWebGpu: false, only: 'wasm' });
  io.out(
    `learning the split of ${design.name} on ${data.name} (${data.train.count} images) with tfjs-${choice.backend}: the loss adds SplitNet's group weight, disjoint and balance terms`,
  );
  try {
    const grouped = await train(design, data, recipe, { penalties: [learning.maker] });
    const learned = learning.learned();
    if (learned === undefined) throw new UsageError('training ended before the split was learned');
    const r = splitFromLearned(grouped.design, levels, learned);
    if (!r.ok) throw new UsageError(r.error);
    let split = r.design;
    let tuned: number | undefined;
    if (finetune > 0) {
      const out = await train(split, data, recipeForSteps(recipe, data.train.count, finetune), {});
      split = out.design;
      tuned = out.result.top1;
    }
    io.writeFile(target, serializeDesign(split));
    const names = data.train.classNames;
    io.out(`wrote ${target}: the split design, its layers starting from the trained blocks`);
    io.out('classes per leaf (learned):');
    learned.classes.forEach((g, leaf) => {
      io.out(`  leaf ${leaf + 1}: ${g.map((c) => names[c] ?? String(c)).join(', ')}`);
    });
    const before = analyze(design).totals;
    const after = analyze(split).totals;
    io.out(
      table([
        ['', 'unsplit, with the terms', 'split', 'ratio'],
        ['params', int(before.params), int(after.params), (after.params / before.params).toFixed(3)],
        [
          'multiply-adds',
          int(before.multiplyAdds),
          int(after.multiplyAdds),
          (after.multiplyAdds / before.multiplyAdds).toFixed(3),
        ],
        [
          `${grouped.result.dataset.split} top-1`,
          pct(grouped.result.top1),
          tuned === undefined ? '(not fine-tuned)' : `${pct(tuned)} after ${finetune} steps`,
          '',
        ],
      ]),
    );
  } catch (e) {
    if (e instanceof TrainError) throw new UsageError(english(e.said));
    throw e;
  }
}
