import { anyBlockDef, isBlockKind, anyOpDef } from '../kinds';
import type { Design, DesignNode, NodeKind } from '../graph/types';

/**
 * MorphNet's uniform expansion (Gordon et al. 2018): every channel count of a design times a width
 * multiplier, and the input resolution changed. Which params are channel counts each op's and
 * block's definition says (its width fields).
 */
export function widthFields(kind: NodeKind): readonly string[] {
  return isBlockKind(kind) ? anyBlockDef(kind).widthFields : (anyOpDef(kind).traits.widthFields ?? []);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Scales one channel count, keeping the divisibility it had (by 8 for MobileNet widths, by the
 * group count for ShuffleNet's): round to a multiple of gcd(c, 24), never below 90 % of the
 * exact product (torchvision's _make_divisible rule), never below that multiple.
 */
export function scaleChannels(c: number, width: number): number {
  if (width === 1) return c;
  const divisor = gcd(c, 24);
  const exact = c * width;
  let v = Math.max(divisor, Math.round(exact / divisor) * divisor);
  if (v < 0.9 * exact) v += divisor;
  return v;
}

/** Linear layers that produce a network output keep their width: the class count is not a width. */
function classifierIds(design: Design): Set<string> {
  const outputs = new Set(
    design.nodes.filter((n) => n.kind === 'Output' || n.kind === 'Softmax').map((n) => n.id),
  );
  const ids = new Set<string>();
  for (const e of design.edges) {
    const src = design.nodes.find((n) => n.id === e.from.node);
    if (src?.kind === 'Linear' && outputs.has(e.to.node)) ids.add(src.id);
  }
  return ids;
}

function scaleFields(params: Record<string, unknown>, fields: readonly string[], width: number): void {
  for (const f of fields) {
    const v = params[f];
    if (typeof v === 'number') params[f] = scaleChannels(v, width);
    else if (Array.isArray(v))
      params[f] = v.map((x: unknown) => (typeof x === 'number' ? scaleChannels(x, width) : x));
  }
}

function scaleNode(
  node: DesignNode,
  width: number,
  resolution: number | undefined,
  keep: Set<string>,
): DesignNode {
  const params = { ...(node.params as Record<string, unknown>) };
  if (node.kind === 'Input' && resolution !== undefined) {
    params.height = resolution;
    params.width = resolution;
  }
  if (!keep.has(node.id)) {
    scaleFields(params, widthFields(node.kind), width);
    if (node.kind === 'Stage') {
      const unitFields = widthFields(node.params.unit);
      for (const key of ['unitParams', 'firstParams'] as const) {
        const inner = { ...node.params[key] };
        scaleFields(inner, unitFields, width);
        params[key] = inner;
      }
    }
    // A depthwise conv stays depthwise: its groups follow its channels.
    if (node.kind === 'Conv2d') {
      const p = node.params;
      if (p.groups > 1 && p.groups === p.outChannels) params.groups = params.outChannels;
    }
  }
  return { ...node, params } as DesignNode;
}

export function scaleDesign(design: Design, options: { width?: number; resolution?: number }): Design {
  const width = options.width ?? 1;
  if (width === 1 && options.resolution === undefined) return design;
  const keep = classifierIds(design);
  return { ...design, nodes: design.nodes.map((n) => scaleNode(n, width, options.resolution, keep)) };
}
