import { msg, type Message } from '../message';
import type { ClassGroups } from '../ops/splitnet-class-order';

/** Part b of n split into g near-equal parts (the first n mod g parts one larger). */
export const part = (n: number, g: number, b: number): number => Math.floor(n / g) + (b < n % g ? 1 : 0);

/** Classes 0…K−1 in G consecutive near-equal groups: the assignment when none is given. */
export function consecutiveGroups(classes: number, groups: number): number[][] {
  const out: number[][] = [];
  let next = 0;
  for (let g = 0; g < groups; g++) {
    const size = part(classes, groups, g);
    out.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  return out;
}

/**
 * A class-to-group assignment checked against the classifier it shares out (`label`, `classes`
 * outputs) and the tree's `leaves`: one list per leaf, none empty, each class 0…K−1 in exactly
 * one list. Undefined when it holds, else the one sentence that names what is wrong.
 */
export function assignmentProblem(
  assignment: ClassGroups,
  label: string,
  classes: number,
  leaves: number,
): Message | undefined {
  if (classes < leaves) return msg('splitClasses', { label, value: classes, groups: leaves });
  if (assignment.length !== leaves) return msg('splitAssignCount', { given: assignment.length, leaves });
  const groupOf = new Map<number, number>();
  for (const [g, group] of assignment.entries()) {
    if (group.length === 0) return msg('splitGroupEmpty', { label, n: g + 1 });
    for (const c of group) {
      if (!Number.isInteger(c) || c < 0 || c >= classes)
        return msg('splitClassOutside', { label, cls: c, classes, last: classes - 1 });
      const before = groupOf.get(c);
      if (before !== undefined) return msg('splitClassTwice', { label, cls: c, a: before + 1, b: g + 1 });
      groupOf.set(c, g);
    }
  }
  for (let c = 0; c < classes; c++)
    if (!groupOf.has(c)) return msg('splitClassNone', { label, cls: c, classes });
  return undefined;
}
