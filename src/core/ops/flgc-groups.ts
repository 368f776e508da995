import { msg, type MessageKey } from '../message';
import { fail, ok, type Result } from '../diagnostics';
import { seededGroups } from '../onnx/init';

/** The settings of a fully learnable group conv that decide its groups. */
export interface GroupSettings {
  readonly outChannels: number;
  readonly groups: number;
  /** The group of each input channel, in channel order; empty: seeded random. */
  readonly channelGroups: readonly number[];
  /** The group of each filter (output channel), in filter order; empty: seeded random. */
  readonly filterGroups: readonly number[];
  readonly seed: number;
}

/** Which input channels and which filters each group holds, and the gathers that put them in order. */
export interface GroupAssignment {
  readonly channelGroups: readonly number[];
  readonly filterGroups: readonly number[];
  /** |in_g| for each group g. */
  readonly inSizes: readonly number[];
  /** |out_g| for each group g. */
  readonly outSizes: readonly number[];
  /** The input channels in group order, ascending within a group: the first Gather's indices. */
  readonly gatherIn: readonly number[];
  /** For each filter in its own order, its place among the concatenated group outputs: the last Gather's indices. */
  readonly gatherOut: readonly number[];
}

/** Each list's sentences: the input channels' and the filters' (two keys, so each reads whole in a translation). */
const what = {
  channelGroups: {
    tooFew: 'flgcTooFewChannels',
    count: 'flgcChannelCount',
    outside: 'flgcChannelOutside',
    empty: 'flgcChannelEmpty',
  },
  filterGroups: {
    tooFew: 'flgcTooFewFilters',
    count: 'flgcFilterCount',
    outside: 'flgcFilterOutside',
    empty: 'flgcFilterEmpty',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** One list checked, or the seeded default drawn: every item in one group 0…G−1, no group empty. */
function assignment(
  field: 'channelGroups' | 'filterGroups',
  given: readonly number[],
  count: number,
  groups: number,
  seed: number,
): Result<number[]> {
  const w = what[field];
  if (given.length === 0) {
    if (count < groups) return fail('invalidParams', msg(w.tooFew, { groups, count }), 'groups');
    return ok(seededGroups(seed, field, count, groups));
  }
  if (given.length !== count)
    return fail('invalidParams', msg(w.count, { given: given.length, count, last: groups - 1 }), field);
  const outside = given.findIndex((g) => g >= groups);
  if (outside >= 0)
    return fail(
      'invalidParams',
      msg(w.outside, { item: outside, group: given[outside] ?? 0, groups, last: groups - 1 }),
      field,
    );
  const used = new Set(given);
  for (let g = 0; g < groups; g++)
    if (!used.has(g)) return fail('invalidParams', msg(w.empty, { group: g }), field);
  return ok([...given]);
}

/** Items of each group, ascending: the order the per-group convs see them in. */
const members = (of: readonly number[], groups: number): number[][] => {
  const out = Array.from({ length: groups }, (): number[] => []);
  of.forEach((g, i) => out[g]?.push(i));
  return out;
};

/**
 * The groups of a fully learnable group conv on `inChannels` channels: the lists as given (checked:
 * one entry per input channel and per filter, each a group 0…G−1, no group empty), or where a list
 * is empty a seeded random assignment; or the problem, naming its field.
 */
export function resolveGroups(p: GroupSettings, inChannels: number): Result<GroupAssignment> {
  const cin = assignment('channelGroups', p.channelGroups, inChannels, p.groups, p.seed);
  if (!cin.ok) return cin;
  const cout = assignment('filterGroups', p.filterGroups, p.outChannels, p.groups, p.seed);
  if (!cout.ok) return cout;
  const ins = members(cin.value, p.groups);
  const outs = members(cout.value, p.groups);
  const order = outs.flat();
  const gatherOut = new Array<number>(order.length).fill(0);
  order.forEach((f, position) => (gatherOut[f] = position));
  return ok({
    channelGroups: cin.value,
    filterGroups: cout.value,
    inSizes: ins.map((m) => m.length),
    outSizes: outs.map((m) => m.length),
    gatherIn: ins.flat(),
    gatherOut,
  });
}

/** Σ_g |in_g|·|out_g|: the weights per kernel tap. */
export const pairedSum = (a: GroupAssignment): number =>
  a.inSizes.reduce((s, n, g) => s + n * (a.outSizes[g] ?? 0), 0);
