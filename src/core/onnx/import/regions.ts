import type { Prim } from './prim';

/** A place in the primitive order where the whole network passes through one tensor. */
export interface Cut {
  /** Index of the last primitive before the cut (−1: before everything). */
  readonly after: number;
  readonly tensor: string;
}

/**
 * The cuts of a network whose primitives are in topological order: after primitive i exactly one
 * tensor made so far is still to be read. Every single-entry, single-exit block lies between two
 * cuts (its input is the cut before it, its output the cut after), whatever its nodes are named.
 */
export function cuts(prims: readonly Prim[]): Cut[] {
  const pending = new Map<string, number>();
  for (const p of prims) for (const t of p.inputs) pending.set(t, (pending.get(t) ?? 0) + 1);
  const live = new Map<string, number>();
  const out: Cut[] = [];
  prims.forEach((p, i) => {
    for (const t of p.inputs) {
      const left = (live.get(t) ?? 0) - 1;
      if (left > 0) live.set(t, left);
      else live.delete(t);
    }
    for (const t of p.outputs) {
      const readers = pending.get(t) ?? 0;
      if (readers > 0) live.set(t, readers);
    }
    const [only] = live.keys();
    if (live.size === 1 && only !== undefined) out.push({ after: i, tensor: only });
  });
  return out;
}

/** The one tensor the region reads from outside and the one it gives out, if it has just those. */
export function singleEntryExit(
  region: readonly Prim[],
  readers: ReadonlyMap<string, readonly Prim[]>,
): { entry: string; exit: string } | undefined {
  const inside = new Set(region);
  const produced = new Set(region.flatMap((p) => p.outputs));
  const entries = new Set(region.flatMap((p) => p.inputs).filter((t) => !produced.has(t)));
  const exits = [...produced].filter((t) => (readers.get(t) ?? []).some((r) => !inside.has(r)));
  const [entry] = entries;
  const [exit] = exits;
  if (entries.size !== 1 || exits.length !== 1 || entry === undefined || exit === undefined) return undefined;
  return { entry, exit };
}

/** Who reads each tensor. */
export function readersOf(prims: readonly Prim[]): Map<string, Prim[]> {
  const readers = new Map<string, Prim[]>();
  for (const p of prims)
    for (const t of p.inputs) {
      const list = readers.get(t);
      if (list === undefined) readers.set(t, [p]);
      else list.push(p);
    }
  return readers;
}

/** The scopes a label sits in: "a/b/c" → a, a/b; "features.3.conv.0" → features, features.3, … */
export function scopes(label: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < label.length; i++)
    if (label[i] === '/' || label[i] === '.') out.push(label.slice(0, i));
  return out.filter((s) => s !== '' && !/[./]$/.test(s));
}
