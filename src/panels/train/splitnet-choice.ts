import type { Analysis } from '../../core/analysis/analysis-types';
import type { Design } from '../../core/design/design-types';
import type { Refusal } from '../../core/message';
import type { SplitLevel } from '../../core/methods/splitnet-method';
import { splitSpaces } from '../../core/methods/splitnet-spaces';
import { splitNetRequestProblem, type SplitNetRequest } from '../../runtime/train/splitnet-messages';
import { splitPoints } from '../cost/methods/SplitLevelsFields';
import type { SplitNetChoice } from './train-store';

/**
 * What the Train tab's SplitNet section asks the worker for, and whether the design can be split
 * so: the same test the CLI's `split --learn` makes (splitSpaces, which splitNetLearning runs first),
 * made here without TensorFlow.js.
 */

/** Why `design` cannot learn a split as `levels` (one sentence), or undefined when it can. */
export function splitRefusal(design: Design, levels: readonly SplitLevel[]): Refusal | undefined {
  const r = splitSpaces(design, levels);
  return r.ok ? undefined : r;
}

/**
 * The section's starting tree: one level of two groups after the first node, in the network's order,
 * where the design can learn one; undefined where it can nowhere.
 */
export function defaultSplitLevels(design: Design, analysis: Analysis): SplitLevel[] | undefined {
  for (const p of splitPoints(analysis, design)) {
    const levels = [{ at: p.id, groups: 2 }];
    if (splitRefusal(design, levels) === undefined) return levels;
  }
  return undefined;
}

/** The levels the section shows: the user's while they name nodes of the design, else the default. */
export function chosenSplitLevels(
  choice: SplitNetChoice,
  design: Design,
  analysis: Analysis,
): readonly SplitLevel[] | undefined {
  const ids = new Set(design.nodes.map((n) => n.id));
  const own = choice.levels;
  return own !== undefined && own.every((l) => ids.has(l.at)) ? own : defaultSplitLevels(design, analysis);
}

/** The start message's SplitNet part; a string where the choice is out of the message's bounds. */
export function splitNetRequest(
  choice: SplitNetChoice,
  levels: readonly SplitLevel[],
): SplitNetRequest | string {
  const request: SplitNetRequest = {
    levels: levels.map((l) => ({ at: l.at, groups: l.groups })),
    terms: { ...choice.terms },
    groupingSteps: choice.groupingSteps,
    fineTuneSteps: choice.fineTuneSteps,
  };
  return splitNetRequestProblem(request) ?? request;
}
