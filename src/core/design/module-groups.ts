import type { Design, DesignNode } from './design-types';

/** A module of an imported model shown as a group of nodes ("features", "features.3", "layer1"). */
export interface ModuleGroup {
  /** The module path, the group's stable key. */
  readonly path: string;
  /** 0 for an outermost group; a group sits inside every group whose path prefixes its own. */
  readonly depth: number;
  /** Every top-level node in it, at any depth, in design order. */
  readonly members: readonly string[];
}

/** The module path of a label, when it reads as one: "features.3.conv.0", "layer1.0", not "conv_2". */
const isPath = (label: string): boolean => /^[A-Za-z_]\w*(\.\w+)+$/.test(label);

/** A node name with no module in it, as torch writes them without scopes: "Relu_5", "Add_61". */
const isNodeName = (label: string): boolean => /^[A-Z][A-Za-z]*_\d+$/.test(label);

/** "features.3.conv" → ["features", "features.3"]: the modules a node labelled so sits in. */
function enclosing(path: string): string[] {
  const parts = path.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The longest common start of some lists of module paths. */
function commonStart(chains: readonly (readonly string[])[]): string[] {
  const [first = []] = chains;
  let k = first.length;
  for (const c of chains) {
    let i = 0;
    while (i < k && c[i] === first[i]) i++;
    k = i;
  }
  return first.slice(0, k);
}

/**
 * The modules a node sits in by its own name: its label's, or for a stage (whose label is its own,
 * "stage_2") those its units share ("features.2", "features.3" → "features"). Undefined when its name
 * says nothing.
 */
function ownChain(node: DesignNode): string[] | undefined {
  if (isPath(node.label)) return enclosing(node.label);
  const units = node.kind === 'Stage' ? (node.params as { unitLabels?: unknown }).unitLabels : undefined;
  if (Array.isArray(units) && units.length > 0 && units.every((u) => typeof u === 'string' && isPath(u)))
    return commonStart((units as string[]).map(enclosing));
  return undefined;
}

/**
 * The nodes grouped by the module paths of their labels, as torch names them: a node labelled
 * "features.3" (a recognised block) sits in "features"; a primitive "features.0.1" in "features" and
 * "features.0"; a stage of units "features.2" and "features.3" in "features". A node without a path
 * of its own (a "Relu_5" of a file whose node names carry no scopes) joins the groups of the node it
 * reads from, as torch's weightless ops belong to the module of the layer before them. Groups of one
 * node, and groups holding just what their parent holds, say nothing and are left out. Linear in the
 * nodes and their paths' depths, whatever the file.
 */
export function moduleGroups(design: Design): ModuleGroup[] {
  const producer = new Map<string, string>();
  for (const e of design.edges) if (e.to.port === 0) producer.set(e.to.node, e.from.node);
  const chains = new Map<string, readonly string[]>();
  for (const n of design.nodes) {
    const own = ownChain(n);
    if (own !== undefined) chains.set(n.id, own);
    else if (isNodeName(n.label)) {
      const from = producer.get(n.id);
      chains.set(n.id, from === undefined ? [] : (chains.get(from) ?? []));
    }
  }
  const members = new Map<string, string[]>();
  for (const n of design.nodes)
    for (const path of chains.get(n.id) ?? []) {
      const list = members.get(path);
      if (list === undefined) members.set(path, [n.id]);
      else list.push(n.id);
    }
  const kept = new Map<string, ModuleGroup>();
  const byDepth = [...members].sort((a, b) => a[0].split('.').length - b[0].split('.').length);
  for (const [path, ids] of byDepth) {
    if (ids.length < 2) continue;
    const outer = enclosing(path).flatMap((p) => kept.get(p) ?? []);
    if (outer.at(-1)?.members.length === ids.length) continue;
    kept.set(path, { path, depth: outer.length, members: ids });
  }
  return [...kept.values()];
}

/** The groups each node sits in, outermost first. */
export function groupsOfNodes(groups: readonly ModuleGroup[]): Map<string, ModuleGroup[]> {
  const out = new Map<string, ModuleGroup[]>();
  for (const g of groups)
    for (const id of g.members) {
      const list = out.get(id);
      if (list === undefined) out.set(id, [g]);
      else list.push(g);
    }
  return out;
}
