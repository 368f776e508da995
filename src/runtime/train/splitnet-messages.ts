import { z } from 'zod';
import { designShape } from '../design-shape';

/**
 * SplitNet's part of the training messages (Kim et al. 2017): the page asks the worker to learn a
 * split while training, and the worker answers with the split design. Both sides check what
 * arrives with these schemas (a message is data from another realm).
 */

/** A tree has 1 to 4 levels, each into 2 to 16 groups (the Cost tab's form has the same bounds). */
export const MAX_SPLIT_LEVELS = 4;
export const MAX_SPLIT_GROUPS = 16;
/** Each term's weight γ, from 0 (the term is off) to this. */
export const MAX_SPLIT_TERM = 100;
/** Grouping and fine-tuning steps, at most this many each. */
export const MAX_SPLIT_STEPS = 1_000_000;

const levelSchema = z.object({
  at: z.string().min(1),
  groups: z.number().int().min(2).max(MAX_SPLIT_GROUPS),
});
const levelsSchema = z.array(levelSchema).min(1).max(MAX_SPLIT_LEVELS);
const term = z.number().min(0).max(MAX_SPLIT_TERM);

export const splitNetRequestSchema = z.object({
  levels: levelsSchema,
  /** γ₁, γ₂, γ₃: the disjoint, group weight and balance terms' weights. */
  terms: z.object({ overlap: term, weight: term, balance: term }),
  /** Steps trained with the terms on the unsplit design (the paper's grouping). */
  groupingSteps: z.number().int().min(1).max(MAX_SPLIT_STEPS),
  /** Steps the split design then trains from its blocks of the trained weights (0: none). */
  fineTuneSteps: z.number().int().min(0).max(MAX_SPLIT_STEPS),
});

export type SplitNetRequest = z.infer<typeof splitNetRequestSchema>;

export const splitNetOutcomeSchema = z.object({
  /** The split design (its weights travel in the done message's weights). */
  design: designShape,
  levels: levelsSchema,
  /** Each leaf's classes, as training learned them (tree order). */
  classes: z.array(z.array(z.number().int().nonnegative())).min(2),
  /** Fine-tuning steps the split design trained (fewer than asked when the run was stopped). */
  fineTuned: z.number().int().nonnegative(),
});

export type SplitNetOutcome = z.infer<typeof splitNetOutcomeSchema>;

/** The first problem with a message's SplitNet part, as "path: issue"; undefined when it is sound. */
function problemOf(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const issue = r.error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

export const splitNetRequestProblem = (value: unknown): string | undefined =>
  problemOf(splitNetRequestSchema, value);

export const splitNetOutcomeProblem = (value: unknown): string | undefined =>
  problemOf(splitNetOutcomeSchema, value);
