import { limits } from '../../limits';
import { floatTensor, int64Tensor, type P } from '../proto';

/** Room kept under the name limit for a `_N` suffix that makes a cut name unique. */
const SUFFIX_ROOM = 12;

/** Longest list of values written out in a constant's name; a longer one is named by its length. */
const MAX_NAMED_VALUES = 64;

/**
 * A name the import accepts: within the name limit. A longer one (a label of 1,024 characters
 * with "/weight" after it) is cut, leaving room for the suffix that keeps it unique.
 */
export const fitName = (name: string): string =>
  name.length <= limits.maxNameLength ? name : name.slice(0, limits.maxNameLength - SUFFIX_ROOM);

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
  unique(wanted: string): string {
    const name = fitName(wanted);
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
    const base = fitName(name);
    let unique = base;
    for (let i = 2; this.nodeNames.has(unique); i++) unique = `${base}_${i}`;
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

  /** A 1-D int64 constant (shapes, split sizes, slice bounds), shared between nodes. */
  ints(values: readonly number[]): string {
    const key = values.join(',');
    const known = this.intConsts.get(key);
    if (known !== undefined) return known;
    // A long list (an expander's gather indices) is named by its length: the name stays short.
    const name = this.unique(
      values.length <= MAX_NAMED_VALUES ? `const.int64[${key}]` : `const.int64[${values.length} values]`,
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
