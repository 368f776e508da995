import { analyze } from '../../analysis/analyze';
import {
  anyBlockDef as blockDefOf,
  blockKinds,
  blockRegistry,
  type BlockKind,
  opRegistry,
} from '../../kinds';
import type { Design, DesignNode } from '../../design/design-types';
import { regionFacts } from '../../blocks/region';
import { settingsKey, type Prim } from './prim';

type Shape = readonly number[];

/** A trie node of the interner's number sequences: its id, and the longer sequences after it. */
interface TupleNode {
  id: number;
  next: Map<number, TupleNode> | undefined;
}

/**
 * Hash-consing of computations: equal ids mean the same op, params and inputs. Keys are number
 * sequences walked down a trie (no string is built per question: a 150,000-node import asks
 * millions) or, for settings, strings; both draw ids from one counter.
 */
class Interner {
  private next = 1;
  private readonly ids = new Map<string, number>();
  private readonly roots = new Map<number, TupleNode>();
  private readonly ops = new Map<string, number>();

  id(key: string): number {
    let v = this.ids.get(key);
    if (v === undefined) {
      v = this.next++;
      this.ids.set(key, v);
    }
    return v;
  }

  private step(map: Map<number, TupleNode>, key: number): TupleNode {
    let node = map.get(key);
    if (node === undefined) {
      node = { id: this.next++, next: undefined };
      map.set(key, node);
    }
    return node;
  }

  private child(node: TupleNode, key: number): TupleNode {
    node.next ??= new Map();
    return this.step(node.next, key);
  }

  /** One id per (tag, a, b): a prefix of ids, or an output port of a computation. */
  pair(tag: number, a: number, b: number): number {
    return this.child(this.child(this.step(this.roots, tag), a), b).id;
  }

  node(op: string, params: number, inputs: readonly number[]): number {
    let opId = this.ops.get(op);
    if (opId === undefined) {
      opId = this.next++;
      this.ops.set(op, opId);
    }
    const ins = op === 'Add' && inputs.length > 1 ? [...inputs].sort((a, b) => a - b) : inputs;
    let at = this.child(this.child(this.step(this.roots, NODE), opId), params);
    at = this.child(at, ins.length);
    for (const i of ins) at = this.child(at, i);
    return at.id;
  }
}

/** The interner's tags: a computation, a prefix of computations, an output port past the first. */
const NODE = 0;
const PREFIX = 1;
const PORT = 2;

interface Expansion {
  /** Per primitive, in order: its computation id and its layer name inside the block. */
  readonly layers: readonly { id: number; name: string }[];
  readonly outputId: number;
}

/** A region's answer, kept: the block's kind and params, and each member's name inside it. */
interface Hit {
  readonly kind: BlockKind;
  readonly params: object;
  readonly names: readonly string[];
}

/** A recognised block: its kind and params, and the name each member primitive has inside it. */
export interface Match {
  readonly kind: BlockKind;
  readonly params: object;
  readonly layerNames: ReadonlyMap<Prim, string>;
}

/** The signature of a block that expands to blocks: it matches every region (no quick check). */
const NESTED = '*';

/** The op kinds of a list, counted, as one string: a cheap necessary condition for a match. */
const signature = (kinds: readonly string[]): string => [...kinds].sort().join(',');

/**
 * Tries regions of primitives against every block kind. A block is taken only when its expansion,
 * by the core's own analysis, is the very same computation (ops, params and wiring) as the region.
 */
export class BlockMatcher {
  private readonly interner = new Interner();
  private readonly paramKey = new Map<Prim, number>();
  private readonly expansions = new Map<string, Expansion | undefined>();
  private readonly signatures = new Map<string, string | undefined>();

  /**
   * Results by the region's computation (the one id of its prims' ids in order, which say ops,
   * params and wiring), then the ids of its entry and exit shapes: a network of 10,000 identical
   * layers asks the same question 300,000 times, and the answer is worked out once.
   */
  private readonly results = new Map<number, Map<number, Map<number, Hit | null>>>();

  /** Each shape's id (equal dimensions, equal ids), kept per shape array. */
  private readonly shapeIds = new WeakMap<Shape, number>();

  private shapeId(shape: Shape): number {
    let k = this.shapeIds.get(shape);
    if (k === undefined) {
      k = this.interner.id(`shape ${shape.join('x')}`);
      this.shapeIds.set(shape, k);
    }
    return k;
  }

  /**
   * The block the region `prims[start, end)` is, given the shapes at its one entry and one exit,
   * if any. The region is sliced out only when its answer is not known yet or it is a block: the
   * search by structure asks about 30 stretches for every block it finds.
   */
  match(
    prims: readonly Prim[],
    start: number,
    end: number,
    entry: string,
    inShape: Shape,
    outShape: Shape,
  ): Match | undefined {
    const n = end - start;
    const { ids: list, prefixes } = this.idsOf(prims, start, end, entry);
    const sequence = prefixes[n - 1] ?? 0;
    let byIn = this.results.get(sequence);
    if (byIn === undefined) this.results.set(sequence, (byIn = new Map<number, Map<number, Hit | null>>()));
    const inId = this.shapeId(inShape);
    let byOut = byIn.get(inId);
    if (byOut === undefined) byIn.set(inId, (byOut = new Map<number, Hit | null>()));
    const outId = this.shapeId(outShape);
    let hit = byOut.get(outId);
    if (hit === null) return undefined;
    const region = prims.slice(start, end);
    if (hit === undefined) {
      const perPrim = new Map(region.map((p, i) => [p, list[i] ?? -1]));
      const m = this.search(region, perPrim, inShape, outShape);
      hit =
        m === undefined
          ? null
          : { kind: m.kind, params: m.params, names: region.map((p) => m.layerNames.get(p) ?? p.label) };
      byOut.set(outId, hit);
      if (hit === null) return undefined;
    }
    const names = hit.names;
    return {
      kind: hit.kind,
      params: hit.params,
      layerNames: new Map(region.map((p, i) => [p, names[i] ?? p.label])),
    };
  }

  private search(
    region: readonly Prim[],
    perPrim: ReadonlyMap<Prim, number>,
    inShape: Shape,
    outShape: Shape,
  ): Match | undefined {
    const facts = regionFacts(region, inShape[1] ?? 0, outShape[1] ?? 0);
    const regionSig = signature(region.map((p) => p.kind));
    for (const kind of blockKinds) {
      for (const params of blockDefOf(kind).recognise(facts)) {
        const key = JSON.stringify([kind, params, inShape]);
        if (!this.signatures.has(key)) this.signatures.set(key, quickSignature(kind, params, inShape));
        const sig = this.signatures.get(key);
        if (sig === undefined || (sig !== NESTED && sig !== regionSig)) continue;
        if (!this.expansions.has(key)) this.expansions.set(key, this.expand(kind, params, inShape));
        const e = this.expansions.get(key);
        if (e === undefined || !sameComputation(perPrim, e)) continue;
        const pool = [...e.layers];
        const layerNames = new Map<Prim, string>();
        for (const p of region) {
          const i = pool.findIndex((l) => l.id === perPrim.get(p));
          const [l] = pool.splice(i, 1);
          layerNames.set(p, l?.name ?? p.label);
        }
        return { kind, params, layerNames };
      }
    }
    return undefined;
  }

  /** The primitive's settings as one id: a short key for the computation, equal to an expansion's. */
  private keyOf(p: Prim): number {
    let k = this.paramKey.get(p);
    if (k === undefined) {
      // Equal settings as written parse the same way: 10,000 equal convs are validated once.
      const written = settingsKey(p.kind, p.params);
      k = this.byWritten.get(written);
      if (k === undefined) {
        // Settings the op refuses match no block (the design builder says what is wrong with them).
        const parsed = opRegistry[p.kind].schema.safeParse(p.params);
        k = this.interner.id(
          parsed.success ? `=${JSON.stringify(parsed.data)}` : `invalid ${String(this.byWritten.size)}`,
        );
        this.byWritten.set(written, k);
      }
      this.paramKey.set(p, k);
    }
    return k;
  }

  /** Settings ids by the settings as written (settingsKey). */
  private readonly byWritten = new Map<string, number>();

  /** The input ids of the primitive at hand (one list, not one per primitive asked about). */
  private readonly scratch: number[] = [];

  /** The last ids worked out: regions from one start are tried longest first, then their prefixes. */
  private lastIds:
    | { prims: readonly Prim[]; start: number; end: number; entry: string; ids: number[]; prefixes: number[] }
    | undefined;

  /**
   * The computation id of each primitive of `prims[start, end)`, in order. A primitive's id
   * depends only on the primitives before it and the entry, so a prefix of the last region reuses
   * its ids. `prefixes[k]` is one id for the sequence of the first k + 1 ids (equal sequences,
   * equal ids).
   */
  private idsOf(
    prims: readonly Prim[],
    start: number,
    end: number,
    entry: string,
  ): { readonly ids: readonly number[]; readonly prefixes: readonly number[] } {
    const last = this.lastIds;
    if (
      last !== undefined &&
      last.prims === prims &&
      last.start === start &&
      last.entry === entry &&
      end <= last.end
    )
      return last;
    const tensor = new Map<string, number>([[entry, 0]]);
    const ids: number[] = [];
    const prefixes: number[] = [];
    let prefix = 0;
    for (let i = start; i < end; i++) {
      const p = prims[i] as Prim;
      const ins = this.scratch;
      ins.length = 0;
      for (const t of p.inputs) ins.push(tensor.get(t) ?? -1);
      const id = this.interner.node(p.kind, this.keyOf(p), ins);
      ids.push(id);
      prefix = this.interner.pair(PREFIX, prefix, id);
      prefixes.push(prefix);
      p.outputs.forEach((t, k) => tensor.set(t, k === 0 ? id : this.interner.pair(PORT, id, k)));
    }
    this.lastIds = { prims, start, end, entry, ids, prefixes };
    return this.lastIds;
  }

  /** The block's primitives as computation ids, from the core's own analysis of a one-block design. */
  private expand(kind: BlockKind, params: object, inShape: Shape): Expansion | undefined {
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
        const id = this.interner.node(
          l.op,
          this.interner.id(`=${JSON.stringify(l.params)}`),
          l.inputTensors.map((t) => tensor.get(t) ?? -1),
        );
        layers.push({ id, name: l.name.slice('b/'.length) });
        l.outputTensors.forEach((t, i) => tensor.set(t, i === 0 ? id : this.interner.pair(PORT, id, i)));
      }
    }
    return { layers, outputId };
  }
}

/** The op kinds the block expands to, without analysing it (undefined: it does not expand). */
function quickSignature(kind: BlockKind, params: object, inShape: Shape): string | undefined {
  const def = blockDefOf(kind);
  const parsed = def.schema.safeParse(params);
  if (!parsed.success) return undefined;
  // A block may throw on settings its schema lets through; here that only means "not this one".
  try {
    const sub = def.expand(parsed.data, [inShape]);
    if (!sub.ok) return undefined;
    const kinds = sub.value.nodes.map((n) => n.kind);
    return kinds.some((k) => Object.hasOwn(blockRegistry, k)) ? NESTED : signature(kinds);
  } catch {
    return undefined;
  }
}

function sameComputation(region: ReadonlyMap<Prim, number>, e: Expansion): boolean {
  if (region.size !== e.layers.length) return false;
  const a = [...region.values()].sort((x, y) => x - y);
  const b = e.layers.map((l) => l.id).sort((x, y) => x - y);
  return a.every((v, i) => v === b[i]);
}
