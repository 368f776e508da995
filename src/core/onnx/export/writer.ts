import { floatTensor, int64Tensor, type P } from '../proto';

/** The longest list of values (as text) a constant's name spells out. */
const MAX_VALUES_IN_NAME = 64;

/**
 * Collects the nodes and initializers of one ONNX graph, keeping every name unique (ONNX
 * requires it) while staying as close as possible to the design's labels.
 */
export class GraphWriter {
  readonly nodes: P.INodeProto[] = [];
  readonly initializers: P.ITensorProto[] = [];
  private readonly used = new Set<string>();
  private readonly nodeNames = new Set<string>();
  private readonly intConsts = new Map<string, string>();
  private readonly floatConsts = new Map<number, string>();

  /** A tensor name: `name`, or `name_2`, `name_3`, … when it is taken (node names are apart). */
  unique(name: string): string {
    let candidate = name;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${name}_${i}`;
    this.used.add(candidate);
    return candidate;
  }

  reserve(name: string): void {
    this.used.add(name);
  }

  node(
    opType: string,
    name: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attribute: readonly P.IAttributeProto[] = [],
    domain = '',
  ): void {
    let unique = name;
    for (let i = 2; this.nodeNames.has(unique); i++) unique = `${name}_${i}`;
    this.nodeNames.add(unique);
    const node: P.INodeProto = { opType, name: unique, input: [...inputs], output: [...outputs] };
    if (attribute.length > 0) node.attribute = [...attribute];
    if (domain !== '') node.domain = domain;
    this.nodes.push(node);
  }

  /** A float initializer; returns its name. */
  weight(name: string, dims: readonly number[], values: Float32Array): string {
    const unique = this.unique(name);
    this.initializers.push(floatTensor(unique, dims, values));
    return unique;
  }

  raw(tensor: P.ITensorProto): string {
    const unique = this.unique(tensor.name ?? 'const');
    this.initializers.push({ ...tensor, name: unique });
    return unique;
  }

  /**
   * A 1-D int64 constant (shapes, split sizes, slice bounds, gather indices), shared between nodes.
   * A short one is named by its values; a long one (an expander's or FLGC's gather indices) by its
   * length, so no name passes the importer's longest name.
   */
  ints(values: readonly number[]): string {
    const key = values.join(',');
    const known = this.intConsts.get(key);
    if (known !== undefined) return known;
    const name = this.unique(
      key.length <= MAX_VALUES_IN_NAME ? `const.int64[${key}]` : `const.int64[${values.length} values]`,
    );
    this.initializers.push(int64Tensor(name, [values.length], values));
    this.intConsts.set(key, name);
    return name;
  }

  /** A scalar float constant (Clip bounds), shared between nodes. */
  scalar(value: number): string {
    const known = this.floatConsts.get(value);
    if (known !== undefined) return known;
    const name = this.unique(`const.float[${value}]`);
    this.initializers.push(floatTensor(name, [], new Float32Array([value])));
    this.floatConsts.set(value, name);
    return name;
  }
}
