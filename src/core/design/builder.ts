import type { BlockKind, BlockParamsInput, OpKind, OpParamsInput } from '../kind-table';
import { kindDef, resolveNode, schemaOf } from './params';
import type { Subgraph } from './subgraph';
import type { Design, DesignNode, Edge, NodeKind, PortRef } from './design-types';

type ParamsInputOf<K extends NodeKind> = K extends OpKind
  ? OpParamsInput<K>
  : K extends BlockKind
    ? BlockParamsInput<K>
    : never;

const defaults = new Map<string, object>();

/**
 * The kind's defaults with `params` laid over them. No validation here: blocks and presets build
 * their primitives with this on every expansion, and the analysis validates each node once (memoised
 * per params object), so a block that computes an impossible setting gets a diagnostic, not a throw.
 */
export function makeParams<K extends NodeKind>(kind: K, params: ParamsInputOf<K>): DesignNode['params'] {
  let base = defaults.get(kind);
  if (base === undefined) {
    const def = kindDef(kind);
    if (def === undefined) throw new Error(`${kind} is not in the kind table`);
    base = schemaOf(def).parse({});
    defaults.set(kind, base);
  }
  return { ...base, ...(params as object) };
}

/**
 * Builds designs and block expansions in code: each call adds a node wired to the given inputs
 * and returns its output ports. Nodes come out in topological order.
 */
export class GraphBuilder {
  private readonly nodes: DesignNode[] = [];
  private readonly edges: Edge[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly prefix = '') {}

  /** Adds a node and returns all its output ports. */
  addNode<K extends NodeKind>(
    kind: K,
    params: ParamsInputOf<K>,
    inputs: readonly PortRef[],
    label?: string,
  ): PortRef[] {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    const id = `${this.prefix}n${this.nodes.length + 1}`;
    const name = label ?? `${kind.toLowerCase()}${n}`;
    const node = {
      id,
      kind,
      params: makeParams(kind, params),
      label: name,
      position: { x: 0, y: this.nodes.length * 100 },
    } as DesignNode;
    this.nodes.push(node);
    inputs.forEach((from, port) => {
      this.edges.push({ id: `${this.prefix}e${this.edges.length + 1}`, from, to: { node: id, port } });
    });
    const count = outputCount(node);
    return Array.from({ length: count }, (_, port) => ({ node: id, port }));
  }

  /** Adds a node with one output and returns that output. */
  add<K extends NodeKind>(
    kind: K,
    params: ParamsInputOf<K>,
    inputs: readonly PortRef[],
    label?: string,
  ): PortRef {
    const [out] = this.addNode(kind, params, inputs, label);
    if (out === undefined) throw new Error(`${kind} has no output`);
    return out;
  }

  /** Marks a tensor as a result of the network. */
  output(from: PortRef, label = 'output'): void {
    this.addNode('Output', {}, [from], label);
  }

  /** Connects an existing output to an input port of an existing node. */
  connect(from: PortRef, to: PortRef): void {
    this.edges.push({ id: `${this.prefix}e${this.edges.length + 1}`, from, to });
  }

  design(name: string): Design {
    return { name, nodes: [...this.nodes], edges: [...this.edges] };
  }

  subgraph(inputs: readonly (readonly PortRef[])[], outputs: readonly PortRef[]): Subgraph {
    return { nodes: [...this.nodes], edges: [...this.edges], inputs, outputs };
  }
}

/** Number of output ports of a node. */
export const outputCount = (node: DesignNode): number => resolveNode(node).outputCount;

/** Number of input ports of a node. */
export const inputCount = (node: DesignNode): number => resolveNode(node).inputCount;
