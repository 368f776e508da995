import { blockRegistry, type BlockKind, opRegistry } from '../../kinds';
import { rankLayout } from '../../design/rank-layout';
import type { Design, DesignNode, Edge } from '../../design/design-types';
import { ImportError } from './import-context';
import { settingsKey, type Prim } from './prim';

/** A node of the imported design: one primitive, or a recognised block standing for several. */
export type Unit =
  | { readonly kind: 'prim'; readonly prim: Prim }
  | {
      readonly kind: 'block';
      readonly block: BlockKind;
      readonly params: object;
      readonly label: string;
      readonly inputs: readonly string[];
      readonly outputs: readonly string[];
      /** Each member primitive with its path inside the block ("expand", "branch2/se.fc1"). */
      readonly members: readonly { readonly prim: Prim; readonly path: string }[];
    };

const inputsOf = (u: Unit): readonly string[] => (u.kind === 'prim' ? u.prim.inputs : u.inputs);
const outputsOf = (u: Unit): readonly string[] => (u.kind === 'prim' ? u.prim.outputs : u.outputs);

/**
 * Wires the units by tensor name, lays them out in rows, and keeps the weights by layer key (node
 * id, then the inner path for a block's primitives: LayerInfo.key), never by label.
 */
export function buildDesign(name: string, units: readonly Unit[], source = name): Design {
  const producer = new Map<string, { node: string; port: number }>();
  // The nodes' fields, kept apart until the layout places them: each node is made once.
  const boxes: { id: string; width: number; height: number }[] = [];
  const kinds: string[] = [];
  const labels: string[] = [];
  const settings: object[] = [];
  const edges: Edge[] = [];
  const weights: Record<string, Record<string, Float32Array>> = {};
  // Equal settings share one params object (documents are immutable): the analysis caches its
  // validation and a block's expansion per params object, so 5,000 equal blocks are worked out once.
  const shared = new Map<string, object>();
  let weighted = 0;
  const keep = (key: string, prim: Prim): void => {
    let roles: Record<string, Float32Array> | undefined;
    for (const role in prim.weights) {
      roles ??= {};
      roles[role] = prim.weights[role] as Float32Array;
    }
    if (roles === undefined) return;
    weights[key] = roles;
    weighted++;
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    const id = `n${i + 1}`;
    const kind = u.kind === 'prim' ? u.prim.kind : u.block;
    const schema = u.kind === 'prim' ? opRegistry[u.prim.kind].schema : blockRegistry[u.block].schema;
    const label = u.kind === 'prim' ? u.prim.label : u.label;
    const raw = u.kind === 'prim' ? u.prim.params : u.params;
    const shareKey = kind === 'Opaque' ? undefined : settingsKey(kind, raw);
    let params = shareKey === undefined ? undefined : shared.get(shareKey);
    if (params === undefined) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success)
        throw new ImportError(
          `"${label}" maps to ${kind} with settings it does not accept (${parsed.error.issues[0]?.message ?? 'invalid'})`,
        );
      params = parsed.data;
      if (shareKey !== undefined) shared.set(shareKey, params);
    }
    boxes.push({ id, width: kind in blockRegistry ? 240 : 180, height: 64 });
    kinds.push(kind);
    labels.push(label);
    settings.push(params);
    const inputs = inputsOf(u);
    for (let port = 0; port < inputs.length; port++) {
      const t = inputs[port] as string;
      const from = producer.get(t);
      if (from === undefined)
        throw new ImportError(`"${label}" reads "${t}", which nothing before it produces`);
      edges.push({ id: `e${edges.length + 1}`, from, to: { node: id, port } });
    }
    const outputs = outputsOf(u);
    for (let port = 0; port < outputs.length; port++)
      producer.set(outputs[port] as string, { node: id, port });
    if (u.kind === 'prim') keep(id, u.prim);
    else for (const m of u.members) keep(`${id}/${m.path}`, m.prim);
  }
  const layout = rankLayout(boxes, edges);
  const nodes = boxes.map(
    ({ id }, i) =>
      ({
        id,
        kind: kinds[i],
        label: labels[i],
        params: settings[i],
        position: layout.positions.get(id) ?? { x: 0, y: 0 },
      }) as DesignNode,
  );
  const design: Design = { name, nodes, edges };
  return weighted > 0 ? { ...design, weights: { source, layers: weights } } : design;
}
