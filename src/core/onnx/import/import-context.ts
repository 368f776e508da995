import { describeIssue, fieldOf } from '../../document/issues';
import type { z } from 'zod';
import type { OpKind } from '../../kind-types';
import { toBase64 } from '../base64';
import { AttrType, DataType, num } from '../proto';
import { ident, quote } from '../../quote';
import type { Const, Inferred, IrGraph, IrNode } from '../ir/graph';
import { labelFrom, settingsKey, type Prim } from './prim';

/**
 * The op kinds as the importer checks a primitive against them, handed in by the importer (which reads
 * the kind table), so that this file, which the op kinds' import patterns name, imports no kind table.
 */
export interface OpKindLookup {
  isOpKind(kind: string): kind is OpKind;
  opSchema(kind: OpKind): z.ZodType<object>;
}

/** What the node mappers share: the graph, folded constants, shapes, who reads what. */
export class MapContext {
  readonly prims: Prim[] = [];
  readonly notes: string[] = [];
  readonly absorbed = new Set<IrNode>();
  private readonly aliases = new Map<string, string>();
  private readonly labels = new Set<string>();
  /** Per label base, the next suffix to try: 20,000 nodes of one name stay linear. */
  private readonly nextSuffix = new Map<string, number>();
  private readonly readers = new Map<string, IrNode[]>();
  private readonly writers = new Map<string, IrNode>();
  /** Identity outputs → their input: torch passes parameters through Identity nodes at times. */
  private readonly identities = new Map<string, string>();

  constructor(
    readonly graph: IrGraph,
    readonly inferred: Inferred,
    private readonly ops: OpKindLookup,
  ) {
    for (const n of graph.nodes) {
      for (const t of n.inputs) {
        const list = this.readers.get(t);
        if (list === undefined) this.readers.set(t, [n]);
        else list.push(n);
      }
      for (const t of n.outputs) if (t !== '') this.writers.set(t, n);
      const [from] = n.inputs;
      const [to] = n.outputs;
      if (n.opType === 'Identity' && from !== undefined && to !== undefined) this.identities.set(to, from);
    }
  }

  /**
   * The module path of a node from the names of its parameters ("layer1.0.conv1.weight" →
   * "layer1.0.conv1"): torch 1.13 names nodes "Conv_12" at some settings, but its parameters always
   * keep their module's path. A parameter read by several nodes says nothing (torch merges equal
   * tensors, such as batch norms' unit scales, into one). Undefined without a named parameter.
   */
  moduleOf(node: IrNode): string | undefined {
    for (const input of node.inputs.slice(1)) {
      let t = input;
      for (let hops = 0; hops < 8; hops++) {
        const next = this.identities.get(t);
        if (next === undefined) break;
        t = next;
      }
      const m = /^([A-Za-z_][\w.]*)\.(weight|bias|running_mean|running_var)$/.exec(t);
      const shared = (this.readers.get(t) ?? []).length > 1;
      if (m?.[1] !== undefined && !shared && !t.startsWith('onnx::')) return m[1];
    }
    return undefined;
  }

  /** The tensor a name stands for once Identity and friends are skipped. */
  resolve(t: string): string {
    let cur = t;
    for (let next = this.aliases.get(cur); next !== undefined; next = this.aliases.get(cur)) cur = next;
    return cur;
  }

  alias(from: string, to: string): void {
    this.aliases.set(from, this.resolve(to));
  }

  const(t: string | undefined): Const | undefined {
    return t === undefined || t === '' ? undefined : this.inferred.consts.get(t);
  }

  floats(t: string | undefined): Float32Array | undefined {
    return this.const(t)?.floats;
  }

  shape(t: string | undefined): readonly number[] | undefined {
    return t === undefined ? undefined : this.inferred.shapes.get(t);
  }

  /** Nodes that read a tensor (through aliases it is the alias's readers too). */
  readersOf(t: string): readonly IrNode[] {
    return (this.readers.get(t) ?? []).filter((n) => !this.isFolded(n));
  }

  /** The node that writes a tensor (undefined for graph inputs and initializers). */
  writerOf(t: string): IrNode | undefined {
    return this.writers.get(t);
  }

  isGraphOutput(t: string): boolean {
    return this.graph.outputs.includes(t);
  }

  /** The only reader of t, when there is exactly one and t is not a graph output. */
  soleReader(t: string): IrNode | undefined {
    const r = this.readersOf(t);
    return r.length === 1 && !this.isGraphOutput(t) ? r[0] : undefined;
  }

  isFolded(n: IrNode): boolean {
    return n.outputs.length > 0 && n.outputs.every((o) => o === '' || this.inferred.consts.has(o));
  }

  /** The label of a pattern of several nodes: their common scope ("a/shuffle" of "a/shuffle/…"). */
  groupLabel(nodes: readonly IrNode[], opType: string): string {
    if (nodes.length === 1) return this.label(nodes[0]?.name ?? opType, opType);
    const paths = nodes.map((n) => n.name.split('/'));
    const first = paths[0] ?? [];
    // The longest common prefix; it may be one node's whole name (our own "a/hswish" with its
    // "a/hswish/hardsigmoid"), else it leaves each name at least its last segment.
    let k = 0;
    while (k < first.length && paths.every((p) => p.length > k && p[k] === first[k])) k++;
    if (!paths.some((p) => p.length === k)) k = Math.min(k, ...paths.map((p) => p.length - 1));
    const common = first.slice(0, k).join('/');
    return this.label(common === '' || common === '/' ? (nodes.at(-1)?.name ?? opType) : common, opType);
  }

  label(name: string, opType: string): string {
    return this.unique(labelFrom(name, opType));
  }

  private unique(base: string): string {
    let l = base;
    let i = this.nextSuffix.get(base) ?? 2;
    if (this.labels.has(l)) {
      while (this.labels.has(l)) l = `${base}_${i++}`;
      this.nextSuffix.set(base, i);
    }
    this.labels.add(l);
    return l;
  }

  /** A node's label: its module scope when its name has one, else its parameters' module path. */
  private nodeLabel(node: IrNode): string {
    const module = node.name.startsWith('/') ? undefined : this.moduleOf(node);
    return module === undefined ? this.label(node.name, node.opType) : this.unique(module);
  }

  /** Adds a primitive made from `node`; its kind is checked here, as the patterns name kinds by string. */
  add(
    node: IrNode,
    prim: Omit<Prim, 'label' | 'inputs' | 'kind'> & {
      kind: string;
      inputs: readonly string[];
      label?: string;
    },
  ): void {
    const { kind } = prim;
    if (!this.ops.isOpKind(kind))
      throw new ImportError(`node ${quote(node.name)} maps to ${ident(kind)}, which is no op`);
    // Settings a primitive cannot take (a group of 0, a dropout ratio of 7) are the file's fault:
    // said here, naming the ONNX node, before block matching or the design builder meet them.
    // Equal settings as written share one params object: fewer objects kept for 150,000 nodes.
    const key = kind === 'Opaque' ? undefined : settingsKey(kind, prim.params);
    const issue = this.settingsIssue(kind, prim.params, key);
    if (issue !== undefined)
      throw new ImportError(
        `node ${quote(node.name)} (${ident(node.opType)}): field ${ident(fieldOf(issue.path))}: ${describeIssue(issue)}`,
      );
    let params = key === undefined ? undefined : this.params.get(key);
    if (params === undefined) {
      params = prim.params;
      if (key !== undefined) this.params.set(key, params);
    }
    this.prims.push({
      ...prim,
      kind,
      params,
      inputs: prim.inputs.map((t) => this.resolve(t)),
      label: prim.label ?? this.nodeLabel(node),
    });
  }

  /** The first issue of each kind and settings as written: 10,000 equal convs are checked once. */
  private readonly issues = new Map<string, z.core.$ZodIssue | null>();

  /** The params object of each kind and settings as written. */
  private readonly params = new Map<string, Record<string, unknown>>();

  /** `key`: the settings key, undefined for an opaque op (its settings hold its constants' bytes). */
  private settingsIssue(
    kind: OpKind,
    params: Record<string, unknown>,
    key: string | undefined,
  ): z.core.$ZodIssue | undefined {
    let issue = key === undefined ? undefined : this.issues.get(key);
    if (issue === undefined) {
      const parsed = this.ops.opSchema(kind).safeParse(params);
      issue = parsed.success ? null : (parsed.error.issues[0] ?? null);
      if (key !== undefined) this.issues.set(key, issue);
    }
    return issue ?? undefined;
  }

  /** The node as an opaque op: its data inputs stay wired, its constants are kept in its params. */
  opaque(node: IrNode, why?: string): void {
    const inputs: string[] = [];
    const constants: { input: number; dataType: number; dims: number[]; data: string }[] = [];
    node.inputs.forEach((t, i) => {
      const k = this.const(t);
      if (t === '') constants.push({ input: i, dataType: 0, dims: [], data: '' });
      else if (k !== undefined) constants.push({ input: i, ...constBytes(k) });
      else inputs.push(t);
    });
    const outputShapes = node.outputs.map((o) => this.shape(o));
    if (outputShapes.some((s) => s === undefined))
      throw new ImportError(
        `node ${quote(node.name)} (${ident(node.opType)}) is not supported and the file does not state its output shapes, so the rest of the network cannot be shaped`,
      );
    if (why !== undefined)
      this.notes.push(`${quote(node.name)} (${ident(node.opType)}) kept as an opaque op: ${why}`);
    this.add(node, {
      kind: 'Opaque',
      params: {
        opType: node.opType,
        domain: node.domain,
        attributes: opaqueAttributes(node),
        inputs: inputs.length,
        outputShapes,
        constants,
      },
      inputs,
      outputs: node.outputs,
      weights: {},
    });
  }
}

/** Bad or unsupported input found while mapping: one sentence for the user. */
export class ImportError extends Error {}

function constBytes(k: Const): { dataType: number; dims: number[]; data: string } {
  const dims = [...k.dims];
  if (k.floats !== undefined)
    return {
      dataType: DataType.FLOAT,
      dims,
      data: toBase64(new Uint8Array(k.floats.buffer, k.floats.byteOffset, k.floats.byteLength)),
    };
  if (k.ints !== undefined) {
    const wide = k.dataType !== DataType.INT32;
    const view = new DataView(new ArrayBuffer(k.ints.length * (wide ? 8 : 4)));
    k.ints.forEach((v, i) => {
      if (wide) view.setBigInt64(i * 8, BigInt(v), true);
      else view.setInt32(i * 4, v, true);
    });
    return {
      dataType: wide ? DataType.INT64 : DataType.INT32,
      dims,
      data: toBase64(new Uint8Array(view.buffer)),
    };
  }
  return { dataType: k.dataType, dims, data: toBase64(k.raw ?? new Uint8Array()) };
}

function opaqueAttributes(
  node: IrNode,
): { name: string; type: string; value: number | string | number[] | string[] }[] {
  const out: { name: string; type: string; value: number | string | number[] | string[] }[] = [];
  const dec = new TextDecoder();
  for (const [name, a] of node.attrs) {
    if (a.type === AttrType.FLOAT) out.push({ name, type: 'float', value: a.f ?? 0 });
    else if (a.type === AttrType.INT) out.push({ name, type: 'int', value: num(a.i) });
    else if (a.type === AttrType.STRING)
      out.push({ name, type: 'string', value: dec.decode(a.s ?? new Uint8Array()) });
    else if (a.type === AttrType.FLOATS) out.push({ name, type: 'floats', value: [...(a.floats ?? [])] });
    else if (a.type === AttrType.INTS) out.push({ name, type: 'ints', value: (a.ints ?? []).map(num) });
    else if (a.type === AttrType.STRINGS)
      out.push({ name, type: 'strings', value: (a.strings ?? []).map((s) => dec.decode(s)) });
  }
  return out;
}
