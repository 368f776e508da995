import { analyze } from '../../analysis/analyze';
import { blockKinds, blockRegistry, type BlockKind } from '../../blocks/registry';
import type { Design, DesignNode } from '../../graph/types';
import { opRegistry } from '../../layers/registry';
import { candidateParams, regionFacts } from './candidates';
import type { Unit } from './design';
import type { Prim } from './prim';

type Shape = readonly number[];

/** Hash-consing of computations: equal ids mean the same op, params and inputs. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let v = this.ids.get(key);
    if (v === undefined) {
      v = this.ids.size + 1;
      this.ids.set(key, v);
    }
    return v;
  }
  node(op: string, params: string, inputs: readonly number[]): number {
    const ins = op === 'Add' ? [...inputs].sort((a, b) => a - b) : inputs;
    return this.id(`${op}|${params}|${ins.join(',')}`);
  }
}

interface Expansion {
  /** Per primitive, in order: its computation id and its layer name inside the block. */
  readonly layers: readonly { id: number; name: string }[];
  readonly outputId: number;
}

/** The scopes a label sits in: "a/b/c" → a, a/b; "features.3.conv.0" → features, features.3, … */
function scopes(label: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < label.length; i++)
    if (label[i] === '/' || label[i] === '.') out.push(label.slice(0, i));
  return out.filter((s) => s !== '' && !/[./]$/.test(s));
}

/**
 * Finds compact blocks among the primitives: each scope of the labels (a module of the file) that
 * is a single-entry, single-exit region is tried against every block kind, with params read off
 * the region; a block is taken only when its expansion is the very same computation.
 */
export function recogniseBlocks(prims: readonly Prim[], shapeOf: (t: string) => Shape | undefined): Unit[] {
  const interner = new Interner();
  const paramKey = new Map<Prim, string>();
  const keyOf = (p: Prim): string => {
    let k = paramKey.get(p);
    if (k === undefined) {
      k = JSON.stringify(opRegistry[p.kind].schema.parse(p.params));
      paramKey.set(p, k);
    }
    return k;
  };
  const cache = new Map<string, Expansion | undefined>();
  const readers = new Map<string, Prim[]>();
  for (const p of prims) for (const t of p.inputs) readers.set(t, [...(readers.get(t) ?? []), p]);

  const members = new Map<string, Prim[]>();
  for (const p of prims) for (const s of scopes(p.label)) members.set(s, [...(members.get(s) ?? []), p]);
  const taken = new Map<Prim, Unit>();
  const scopeList = [...members.keys()].sort((a, b) => a.length - b.length);
  for (const scope of scopeList) {
    const region = members.get(scope) ?? [];
    if (
      region.length < 2 ||
      region.length > 60 ||
      region.some((p) => taken.has(p) || p.kind === 'Input' || p.kind === 'Output' || p.kind === 'Opaque')
    )
      continue;
    if (!region.some((p) => p.kind === 'Conv2d')) continue;
    const cut = singleEntryExit(region, readers);
    if (cut === undefined) continue;
    const inShape = shapeOf(cut.entry);
    const outShape = shapeOf(cut.exit);
    if (inShape?.length !== 4 || outShape?.length !== 4) continue;
    const ids = regionIds(region, cut.entry, interner, keyOf);
    const facts = regionFacts(region, inShape[1] ?? 0, outShape[1] ?? 0);
    const label = scope.replace(/\//g, '.');
    for (const kind of blockKinds) {
      const found = candidateParams(blockRegistry[kind].schema, facts).find((params) => {
        const key = JSON.stringify([kind, params, inShape]);
        if (!cache.has(key)) cache.set(key, expand(kind, params, inShape, interner));
        const e = cache.get(key);
        return e !== undefined && sameComputation(ids, e);
      });
      if (found === undefined) continue;
      const e = cache.get(JSON.stringify([kind, found, inShape])) as Expansion;
      const pool = [...e.layers];
      const unit: Unit = {
        kind: 'block',
        block: kind,
        params: found,
        label,
        inputs: [cut.entry],
        outputs: [cut.exit],
        members: region.map((p) => {
          const i = pool.findIndex((l) => l.id === ids.perPrim.get(p));
          const [l] = pool.splice(i, 1);
          return { prim: p, layerName: `${label}/${l?.name ?? p.label}` };
        }),
      };
      for (const p of region) taken.set(p, unit);
      break;
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

/** The one tensor the region reads from outside and the one it gives out, if it has just those. */
function singleEntryExit(
  region: readonly Prim[],
  readers: ReadonlyMap<string, Prim[]>,
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

function regionIds(region: readonly Prim[], entry: string, interner: Interner, keyOf: (p: Prim) => string) {
  const tensor = new Map<string, number>([[entry, 0]]);
  const perPrim = new Map<Prim, number>();
  for (const p of region) {
    const id = interner.node(
      p.kind,
      keyOf(p),
      p.inputs.map((t) => tensor.get(t) ?? -1),
    );
    perPrim.set(p, id);
    p.outputs.forEach((t, i) => tensor.set(t, i === 0 ? id : interner.id(`${id}#${i}`)));
  }
  return { perPrim, tensor };
}

/** The block's primitives as computation ids, from the core's own analysis of a one-block design. */
function expand(kind: BlockKind, params: object, inShape: Shape, interner: Interner): Expansion | undefined {
  const parsed = blockRegistry[kind].schema.safeParse(params);
  if (!parsed.success) return undefined;
  const [, c = 0, h = 0, w = 0] = inShape;
  const node = (id: string, k: string, p: object): DesignNode =>
    ({ id, kind: k, label: id, params: p, position: { x: 0, y: 0 } }) as DesignNode;
  const design: Design = {
    name: 'probe',
    nodes: [
      node('in', 'Input', { channels: c, height: h, width: w }),
      node('b', kind, parsed.data),
      node('out', 'Output', {}),
    ],
    edges: [
      { id: 'e1', from: { node: 'in', port: 0 }, to: { node: 'b', port: 0 } },
      { id: 'e2', from: { node: 'b', port: 0 }, to: { node: 'out', port: 0 } },
    ],
  };
  const a = analyze(design);
  if (a.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const tensor = new Map<number, number>();
  const layers: { id: number; name: string }[] = [];
  let outputId = -1;
  for (const l of a.layers) {
    if (l.op === 'Input') tensor.set(l.outputTensors[0] ?? -1, 0);
    else if (l.op === 'Output') outputId = tensor.get(l.inputTensors[0] ?? -1) ?? -1;
    else {
      const id = interner.node(
        l.op,
        JSON.stringify(l.params),
        l.inputTensors.map((t) => tensor.get(t) ?? -1),
      );
      layers.push({ id, name: l.name.slice('b/'.length) });
      l.outputTensors.forEach((t, i) => tensor.set(t, i === 0 ? id : interner.id(`${id}#${i}`)));
    }
  }
  return { layers, outputId };
}

function sameComputation(region: ReturnType<typeof regionIds>, e: Expansion): boolean {
  if (region.perPrim.size !== e.layers.length) return false;
  const a = [...region.perPrim.values()].sort((x, y) => x - y);
  const b = e.layers.map((l) => l.id).sort((x, y) => x - y);
  return a.every((v, i) => v === b[i]);
}
