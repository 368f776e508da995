import type { Unit } from './design';
import { BlockMatcher, type Match } from './match';
import type { Prim } from './prim';
import { cuts, readersOf, scopes, singleEntryExit } from './regions';

type Shape = readonly number[];

/** The most primitives a block may span (an inverted residual with squeeze-excite has 15). */
const MAX_REGION = 32;

/**
 * Finds compact blocks among the primitives, in two passes. First by name: each scope of the
 * labels (a module of the file, as torch ≥ 2 and our own export write them) that is a
 * single-entry, single-exit region. Then by structure alone, for files whose node names say
 * nothing ("Conv_12"): the stretches between two cuts of the network. Either way a block is taken
 * only when its expansion, with params read off the region, is the very same computation.
 */
export function recogniseBlocks(prims: readonly Prim[], shapeOf: (t: string) => Shape | undefined): Unit[] {
  const matcher = new BlockMatcher();
  // Who reads each tensor, made when a region by name is first checked (a flat file has none).
  let readers: Map<string, Prim[]> | undefined;
  const taken = new Map<Prim, Unit>();
  const labels = new Set(prims.map((p) => p.label));

  /** The block the region `list[start, end)` is, between `entry` and `exit`, taken when found. */
  const take = (
    list: readonly Prim[],
    start: number,
    end: number,
    label: (kind: string, region: readonly Prim[]) => string,
    cut: { readonly entry: string; readonly exit: string },
    inShape: Shape | undefined,
    outShape: Shape | undefined,
  ): boolean => {
    if (inShape?.length !== 4 || outShape?.length !== 4) return false;
    const m = matcher.match(list, start, end, cut.entry, inShape, outShape);
    if (m === undefined) return false;
    const region = list.slice(start, end);
    const unit = blockUnit(m, label(m.kind, region), region, cut);
    for (const p of region) taken.set(p, unit);
    return true;
  };

  /** The block the region is, taken when found; false when the region is no block. */
  const tryRegion = (
    region: readonly Prim[],
    label: (kind: string, region: readonly Prim[]) => string,
  ): boolean => {
    if (
      region.length < 2 ||
      region.length > MAX_REGION ||
      !region.some((p) => p.kind === 'Conv2d') ||
      region.some((p) => taken.has(p) || p.kind === 'Input' || p.kind === 'Output' || p.kind === 'Opaque')
    )
      return false;
    readers ??= readersOf(prims);
    const cut = singleEntryExit(region, readers);
    return (
      cut !== undefined && take(region, 0, region.length, label, cut, shapeOf(cut.entry), shapeOf(cut.exit))
    );
  };

  // By name: the modules of the file, outermost first. A node named after the module itself (the
  // residual "Add" of "/features/features.3/Add" is labelled "features.3") belongs to it too.
  // Labels without a scope ("conv12", as files without module names give) are each a module of
  // one primitive: no block by name, no module path. A file of only those keeps no list of them.
  const members = new Map<string, Prim[]>();
  const scoped = prims.some((p) => p.label.includes('/') || p.label.includes('.'));
  for (const p of scoped ? prims : [])
    for (const s of [...scopes(p.label), p.label]) {
      const list = members.get(s);
      if (list === undefined) members.set(s, [p]);
      else list.push(p);
    }
  // A scope of one primitive is no block (most labels of a flat file, each its own scope).
  const several = [...members].filter(([, list]) => list.length >= 2);
  for (const [scope, list] of several.sort(([a], [b]) => a.length - b.length)) {
    // A container of one module ("features.1" holding only EfficientNet's "features.1.0") is not
    // the block: its one child, tried next, is.
    if (members.get(`${scope}.0`)?.length === list.length) continue;
    const label = scope.replace(/\//g, '.');
    if (tryRegion(list, () => label)) labels.add(label);
  }

  // By structure: from each cut, the longest stretch to a later cut that is a block (a
  // depthwise-separable conv, not the inverted residual without expansion inside it).
  const counters = new Map<string, number>();
  const fresh = (kind: string, region: readonly Prim[]): string => {
    const path = modulePath(region, members);
    if (path !== undefined && !labels.has(path)) {
      labels.add(path);
      return path;
    }
    for (let n = (counters.get(kind) ?? 0) + 1; ; n++) {
      const l = `${kind}_${n}`;
      if (!labels.has(l)) {
        counters.set(kind, n);
        labels.add(l);
        return l;
      }
    }
  };
  const all = [{ after: -1, tensor: '' }, ...cuts(prims)];
  const producer = new Map<string, number>();
  // Prefix counts of convs and of primitives no block here may hold (kinds no block holds, those
  // the pass by name took): a stretch is sliced out only when it may be one. Stretches taken below
  // lie before the next one tried, so the counts stay true.
  const convs = [0];
  const barred = [0];
  prims.forEach((p, i) => {
    for (const t of p.outputs) producer.set(t, i);
    convs.push((convs[i] ?? 0) + (p.kind === 'Conv2d' ? 1 : 0));
    const bar = p.kind === 'Input' || p.kind === 'Output' || p.kind === 'Opaque' || taken.has(p);
    barred.push((barred[i] ?? 0) + (bar ? 1 : 0));
  });
  const count = (prefix: readonly number[], from: number, end: number): number =>
    (prefix[end + 1] ?? 0) - (prefix[from + 1] ?? 0);
  // Per cut: the primitive that makes its tensor, and the tensor's shape (asked once, not per try).
  const made = all.map((c) => producer.get(c.tensor) ?? -1);
  const shapes = all.map((c) => (c.tensor === '' ? undefined : shapeOf(c.tensor)));
  for (let a = 0; a < all.length; a++) {
    const from = all[a]?.after ?? 0;
    let last = a + 1;
    while (last + 1 < all.length && (all[last + 1]?.after ?? 0) - from <= MAX_REGION) last++;
    for (let b = last; b > a; b--) {
      const end = all[b]?.after ?? 0;
      if (end - from < 2 || count(convs, from, end) === 0 || count(barred, from, end) > 0) continue;
      // Between two cuts, the one tensor live at the first is the only one read from outside and
      // the one live at the second the only one read after: a single entry and exit when the
      // region makes that second tensor (no set of the region's tensors need be built).
      const at = made[b] ?? -1;
      const entry = all[a]?.tensor ?? '';
      if (at <= from || at > end || entry === '') continue;
      if (
        take(prims, from + 1, end + 1, fresh, { entry, exit: all[b]?.tensor ?? '' }, shapes[a], shapes[b])
      ) {
        a = b - 1;
        break;
      }
    }
  }

  const units: Unit[] = [];
  const placed = new Set<Unit>();
  for (const p of prims) {
    const u = taken.get(p);
    if (u === undefined) units.push({ kind: 'prim', prim: p });
    else if (!placed.has(u)) {
      placed.add(u);
      units.push(u);
    }
  }
  return units;
}

function blockUnit(
  m: Match,
  label: string,
  region: readonly Prim[],
  cut: { entry: string; exit: string },
): Unit {
  return {
    kind: 'block',
    block: m.kind,
    params: m.params,
    label,
    inputs: [cut.entry],
    outputs: [cut.exit],
    members: region.map((p) => ({ prim: p, path: m.layerNames.get(p) ?? p.label })),
  };
}

/**
 * The torch module a region found by structure is, from its members' module paths
 * ("features.3.conv.0.0", …, and weightless ops named "Relu_5"): their longest common path, widened
 * while the wider module holds nothing outside the region ("features.3.conv" → "features.3", as
 * features.3 is all in the region, but not "features"), and never past an index: "features.1.0" is
 * EfficientNet's block even though its container "features.1" holds nothing else. Undefined when
 * the members share no path. `owners`: the primitives of each module path (a label's scopes and the
 * label itself).
 */
export function modulePath(
  region: readonly Prim[],
  owners: ReadonlyMap<string, readonly Prim[]>,
): string | undefined {
  const paths = region
    .map((p) => p.label)
    .filter((l) => l.includes('.'))
    .map((l) => l.split('.'));
  const [first] = paths;
  if (first === undefined) return undefined;
  let k = 0;
  while (k < first.length && paths.every((p) => p.length > k && p[k] === first[k])) k++;
  const inRegion = (path: string): number =>
    region.filter((p) => p.label === path || p.label.startsWith(`${path}.`)).length;
  let path = first.slice(0, k);
  if (path.length === 0) return undefined;
  while (path.length > 1 && !/^\d+$/.test(path.at(-1) ?? '')) {
    const wider = path.slice(0, -1).join('.');
    if ((owners.get(wider)?.length ?? 0) !== inRegion(wider)) break;
    path = path.slice(0, -1);
  }
  return path.join('.');
}
