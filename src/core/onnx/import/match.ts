import { analyze } from '../../analysis/analyze';
import { anyBlockDef as blockDefOf, blockKinds, blockRegistry, type BlockKind } from '../../blocks/registry';
import type { Design, DesignNode } from '../../graph/types';
import { opRegistry } from '../../layers/registry';
import { regionFacts } from '../../blocks/region';
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
  private readonly paramKey = new Map<Prim, string>();
  private readonly expansions = new Map<string, Expansion | undefined>();
  private readonly signatures = new Map<string, string | undefined>();

  /** The block the region is, given the shapes at its one entry and one exit, if any. */
  match(region: readonly Prim[], entry: string, inShape: Shape, outShape: Shape): Match | undefined {
    const ids = this.regionIds(region, entry);
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
        if (e === undefined || !sameComputation(ids.perPrim, e)) continue;
        const pool = [...e.layers];
        const layerNames = new Map<Prim, string>();
        for (const p of region) {
          const i = pool.findIndex((l) => l.id === ids.perPrim.get(p));
          const [l] = pool.splice(i, 1);
          layerNames.set(p, l?.name ?? p.label);
        }
        return { kind, params, layerNames };
      }
    }
    return undefined;
  }

  private keyOf(p: Prim): string {
    let k = this.paramKey.get(p);
    if (k === undefined) {
      k = JSON.stringify(opRegistry[p.kind].schema.parse(p.params));
      this.paramKey.set(p, k);
    }
    return k;
  }

  private regionIds(region: readonly Prim[], entry: string) {
    const tensor = new Map<string, number>([[entry, 0]]);
    const perPrim = new Map<Prim, number>();
    for (const p of region) {
      const id = this.interner.node(
        p.kind,
        this.keyOf(p),
        p.inputs.map((t) => tensor.get(t) ?? -1),
      );
      perPrim.set(p, id);
      p.outputs.forEach((t, i) => tensor.set(t, i === 0 ? id : this.interner.id(`${id}#${i}`)));
    }
    return { perPrim, tensor };
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
          JSON.stringify(l.params),
          l.inputTensors.map((t) => tensor.get(t) ?? -1),
        );
        layers.push({ id, name: l.name.slice('b/'.length) });
        l.outputTensors.forEach((t, i) => tensor.set(t, i === 0 ? id : this.interner.id(`${id}#${i}`)));
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
