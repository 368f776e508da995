import type { Analysis } from '../analysis/analysis-types';
import type { DesignNode } from '../design/design-types';
import { resolveNode } from '../design/params';
import { identifier, indent, NameScope, py } from './python';

/** A top-level node written as a module: its constructor expression. */
export interface ModuleNode {
  readonly node: DesignNode;
  readonly expr: string;
  /** A line written as a comment above the module (a sparse layer's density, say). */
  readonly comment?: string;
}

/** The unit's comment as a Python comment line ending in a newline, or nothing. */
export const commentLine = (unit: ModuleNode): string =>
  unit.comment === undefined ? '' : `# ${unit.comment}\n`;

/** A module in `__init__`: one node's module, or an nn.Sequential of named children. */
export type Tree =
  | { readonly kind: 'leaf'; readonly unit: ModuleNode }
  | { readonly kind: 'seq'; readonly children: readonly { readonly name: string; readonly tree: Tree }[] };

/** One attribute of the network (`self.features = ...`) and the nodes it runs, in order. */
export interface Attribute {
  readonly name: string;
  readonly tree: Tree;
  readonly nodes: readonly DesignNode[];
}

/** Where a tensor comes from: a node's output port. */
export interface Port {
  readonly node: string;
  readonly port: number;
}

export const portKey = (p: Port): string => `${p.node}:${p.port}`;

/** The wiring of the top level: what feeds each input port and what reads each output port. */
export interface Wiring {
  readonly sources: ReadonlyMap<string, readonly (Port | undefined)[]>;
  readonly readers: ReadonlyMap<string, readonly Port[]>;
  readonly counts: ReadonlyMap<string, { readonly inputs: number; readonly outputs: number }>;
}

export function wiring(analysis: Analysis): Wiring {
  const counts = new Map<string, { inputs: number; outputs: number }>();
  const sources = new Map<string, (Port | undefined)[]>();
  const readers = new Map<string, Port[]>();
  for (const n of analysis.design.nodes) {
    const r = resolveNode(n);
    counts.set(n.id, { inputs: r.inputCount, outputs: r.outputCount });
    sources.set(n.id, new Array<Port | undefined>(r.inputCount).fill(undefined));
  }
  for (const e of analysis.design.edges) {
    const from = counts.get(e.from.node);
    const to = counts.get(e.to.node);
    const slots = sources.get(e.to.node);
    // Edges the analysis ignored (to ports that do not exist, or a second edge into one port).
    if (from === undefined || to === undefined || slots === undefined) continue;
    if (e.from.port >= from.outputs || e.to.port >= to.inputs || slots[e.to.port] !== undefined) continue;
    slots[e.to.port] = e.from;
    const k = portKey(e.from);
    readers.set(k, [...(readers.get(k) ?? []), e.to]);
  }
  return { sources, readers, counts };
}

/**
 * Runs of single-input, single-output modules where each feeds only the next: the chains that
 * become nn.Sequential. `modules` holds the nodes written as modules; the order is topological.
 */
export function chains(
  order: readonly DesignNode[],
  modules: ReadonlyMap<string, ModuleNode>,
  w: Wiring,
): DesignNode[][] {
  const byId = new Map(order.map((n) => [n.id, n]));
  const single = (n: DesignNode): boolean => {
    const c = w.counts.get(n.id);
    return modules.has(n.id) && c?.inputs === 1 && c.outputs === 1;
  };
  const placed = new Set<string>();
  const result: DesignNode[][] = [];
  for (const n of order) {
    if (!single(n) || placed.has(n.id)) continue;
    const chain = [n];
    placed.add(n.id);
    for (;;) {
      const last = chain[chain.length - 1] as DesignNode;
      const next = w.readers.get(portKey({ node: last.id, port: 0 })) ?? [];
      const target = next.length === 1 && next[0]?.port === 0 ? byId.get(next[0].node) : undefined;
      if (target === undefined || !single(target) || placed.has(target.id)) break;
      chain.push(target);
      placed.add(target.id);
    }
    result.push(chain);
  }
  return result;
}

/** A label's dotted path ("features.0.1" → features, 0, 1); a label with an empty part is one name. */
const pathOf = (label: string): string[] => {
  const parts = label.split('.');
  return parts.some((p) => p === '') ? [label] : parts;
};

type Item =
  | { readonly kind: 'leaf'; readonly name: string; readonly unit: ModuleNode }
  | { readonly kind: 'group'; readonly name: string; readonly items: readonly Item[] };

/** Consecutive nodes whose labels share a dotted prefix become one group, as PyTorch names submodules. */
function group(units: readonly ModuleNode[], depth: number): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < units.length;) {
    const path = pathOf((units[i] as ModuleNode).node.label);
    const head = path[depth] ?? '';
    if (path.length <= depth + 1) {
      items.push({ kind: 'leaf', name: path.slice(depth).join('.'), unit: units[i] as ModuleNode });
      i++;
      continue;
    }
    let j = i;
    while (j < units.length) {
      const p = pathOf((units[j] as ModuleNode).node.label);
      if (p.length <= depth + 1 || p[depth] !== head) break;
      j++;
    }
    items.push({ kind: 'group', name: head, items: group(units.slice(i, j), depth + 1) });
    i = j;
  }
  return items;
}

const childName = (scope: NameScope, name: string): string =>
  scope.claim(/^[0-9]+$/.test(name) ? name : identifier(name));

function toTree(item: Item): Tree {
  if (item.kind === 'leaf') return { kind: 'leaf', unit: item.unit };
  const scope = new NameScope('child');
  return {
    kind: 'seq',
    children: item.items.map((c) => ({ name: childName(scope, c.name), tree: toTree(c) })),
  };
}

const nodesOf = (item: Item): DesignNode[] =>
  item.kind === 'leaf' ? [item.unit.node] : item.items.flatMap(nodesOf);

/** At least this many loose modules in a row are gathered into one nn.Sequential. */
const RUN = 3;

/**
 * The attributes one chain becomes: dotted labels give nested nn.Sequential ("features.3" is
 * child 3 of `features`); a run of loose modules is one nn.Sequential named for where it sits
 * (`stem` at the start of the network, `head` at its end, else `layers`); others stay single.
 */
export function chainAttributes(
  units: readonly ModuleNode[],
  scope: NameScope,
  position: { readonly first: boolean; readonly last: boolean },
): Attribute[] {
  const items = group(units, 0);
  const out: Attribute[] = [];
  for (let i = 0; i < items.length;) {
    let j = i;
    while (j < items.length && items[j]?.kind === 'leaf') j++;
    if (j - i >= RUN) {
      const run = items.slice(i, j);
      const whole = j - i === items.length;
      const base = whole
        ? 'layers'
        : i === 0 && position.first
          ? 'stem'
          : j === items.length && position.last
            ? 'head'
            : 'layers';
      const inner = new NameScope('child');
      out.push({
        name: scope.claim(base),
        tree: {
          kind: 'seq',
          children: run.map((c) => ({ name: childName(inner, c.name), tree: toTree(c) })),
        },
        nodes: run.flatMap(nodesOf),
      });
      i = j;
      continue;
    }
    const item = items[i] as Item;
    out.push({ name: scope.claim(identifier(item.name)), tree: toTree(item), nodes: nodesOf(item) });
    i++;
  }
  return out;
}

/** The module path of every node inside an attribute's tree: "features.3". */
export function modulePaths(attribute: Attribute, into: Map<string, string>): void {
  const walk = (tree: Tree, path: string): void => {
    if (tree.kind === 'leaf') into.set(tree.unit.node.id, path);
    else for (const c of tree.children) walk(c.tree, `${path}.${c.name}`);
  };
  walk(attribute.tree, attribute.name);
}

/** The tree as a Python expression; children numbered 0, 1, … in order need no names. */
export function renderTree(tree: Tree): string {
  if (tree.kind === 'leaf') return tree.unit.expr;
  const positional = tree.children.every((c, i) => c.name === String(i));
  const lines = tree.children.map((c) => {
    const comment = c.tree.kind === 'leaf' ? commentLine(c.tree.unit) : '';
    return `${comment}${positional ? `${renderTree(c.tree)},` : `(${py(c.name)}, ${renderTree(c.tree)}),`}`;
  });
  const body = indent(lines.join('\n'));
  return positional ? `nn.Sequential(\n${body}\n)` : `nn.Sequential(OrderedDict([\n${body}\n]))`;
}
