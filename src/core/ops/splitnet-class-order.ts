import { msg } from '../message';
import { fail, ok, type Result } from '../diagnostics';

/** SplitNet's class-to-group assignment (Kim et al. 2017): the classes each group of the tree scores, in its order. */
export type ClassGroups = readonly (readonly number[])[];

/**
 * The place of each class among the concatenated inputs: class c is scored at position
 * `order[c]` of [input 1 … input G]. The gather that puts the classes back in order.
 */
export function classOrder(classes: ClassGroups): number[] {
  const order: number[] = [];
  let position = 0;
  for (const group of classes)
    for (const c of group) {
      order[c] = position;
      position++;
    }
  return order;
}

/** True when the groups list the classes 0…K−1 in order: the merge is a plain concat. */
export const inClassOrder = (classes: ClassGroups): boolean => classes.flat().every((c, i) => c === i);

/**
 * The lists checked as a partition of 0…K−1 (K the number of entries): the first class listed
 * twice or in no group, as one sentence naming the field.
 */
export function checkPartition(classes: ClassGroups): Result<true> {
  const total = classes.reduce((a, g) => a + g.length, 0);
  const groupOf = new Map<number, number>();
  for (const [g, group] of classes.entries())
    for (const c of group) {
      const before = groupOf.get(c);
      if (before !== undefined)
        return fail('invalidParams', msg('classMergeTwice', { cls: c, a: before + 1, b: g + 1 }), 'classes');
      groupOf.set(c, g);
    }
  for (let c = 0; c < total; c++)
    if (!groupOf.has(c))
      return fail('invalidParams', msg('classMergeNone', { cls: c, last: total - 1 }), 'classes');
  return ok(true);
}
