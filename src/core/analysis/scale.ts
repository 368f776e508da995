import { anyBlockDef, isBlockKind, anyOpDef } from '../kinds';
import type { Design, DesignNode, NodeKind } from '../design/design-types';
import { analyze } from './analyze';

/**
 * MorphNet's uniform expansion (Gordon et al. 2018): every channel count of a design times a width
 * multiplier, each rounded to the channel (or to a multiple of 8, asked for), and the input
 * resolution changed. Which params are channel counts each op's and
 * block's definition says (its width fields).
 */
export function widthFields(kind: NodeKind): readonly string[] {
  return isBlockKind(kind) ? anyBlockDef(kind).widthFields : (anyOpDef(kind).traits.widthFields ?? []);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;

/**
 * How widths are rounded after the multiplier: `channel` (MorphNet resizes each layer to any width,
 * Gordon et al. 2018), or a multiple of 8 as deployment usually wants (torchvision's
 * _make_divisible: the nearest multiple, never below 90 % of the exact width).
 */
export type WidthRounding = 'channel' | 8;

/**
 * Scales one channel count: to the nearest channel (at least 1) by default; with a divisor d, to
 * the nearest multiple of d, at least d, raised by d when that falls below 90 % of the exact width.
 * Width 1 is the design as it is.
 */
export function scaleChannels(c: number, width: number, divisor = 1): number {
  if (width === 1) return c;
  const exact = c * width;
  if (divisor === 1) return Math.max(1, Math.round(exact));
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

type Rule = (c: number, width: number, groups: number) => number;

function scaleFields(
  params: Record<string, unknown>,
  fields: readonly string[],
  width: number,
  rule: Rule,
  groups: number,
): void {
  for (const f of fields) {
    const v = params[f];
    if (typeof v === 'number') params[f] = rule(v, width, groups);
    else if (Array.isArray(v))
      params[f] = v.map((x: unknown) => (typeof x === 'number' ? rule(x, width, groups) : x));
  }
}

/** A kind's own group count (its widths must divide by it); 1 for a depthwise conv, whose groups follow. */
function groupsOf(params: Record<string, unknown>, kind: NodeKind): number {
  const g = params['groups'];
  if (typeof g !== 'number' || g <= 1) return 1;
  if (kind === 'Conv2d' && g === params['outChannels']) return 1;
  return g;
}

function scaleNode(
  node: DesignNode,
  width: number,
  resolution: number | undefined,
  keep: Set<string>,
  rule: Rule,
): DesignNode {
  const params = { ...(node.params as Record<string, unknown>) };
  if (node.kind === 'Input' && resolution !== undefined) {
    params.height = resolution;
    params.width = resolution;
  }
  if (!keep.has(node.id)) {
    scaleFields(params, widthFields(node.kind), width, rule, groupsOf(params, node.kind));
    if (node.kind === 'Stage') {
      const unitFields = widthFields(node.params.unit);
      for (const key of ['unitParams', 'firstParams'] as const) {
        const inner = { ...node.params[key] };
        scaleFields(inner, unitFields, width, rule, groupsOf(inner, node.params.unit));
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

export interface ScaleOptions {
  readonly width?: number;
  readonly resolution?: number;
  /** `channel` (the default, MorphNet's) or 8. */
  readonly rounding?: WidthRounding;
}

const hasErrors = (design: Design): boolean =>
  analyze(design).diagnostics.some((d) => d.severity === 'error');

/**
 * Every width times the multiplier, rounded as `rounding` says (a kind with groups to a multiple of
 * them too), and the input resolution changed. Where widths to the channel make a design invalid
 * that was valid (a group conv fed by another layer, a split in halves), each width keeps the
 * divisibility it had instead (steps of gcd(c, 24), a multiple of 8 when rounding to 8).
 */
export function scaleDesign(design: Design, options: ScaleOptions): Design {
  const width = options.width ?? 1;
  const divisor = options.rounding === 8 ? 8 : 1;
  if (width === 1 && options.resolution === undefined) return design;
  const keep = classifierIds(design);
  const scale = (rule: Rule): Design => ({
    ...design,
    nodes: design.nodes.map((n) => scaleNode(n, width, options.resolution, keep, rule)),
  });
  const scaled = scale((c, w, groups) => scaleChannels(c, w, lcm(divisor, groups)));
  if (!hasErrors(scaled) || hasErrors(design)) return scaled;
  // Each width keeps the divisibility it had: steps of gcd(c, 24), by 8 for MobileNet widths, by
  // the group count for ShuffleNet's.
  return scale((c, w) => scaleChannels(c, w, lcm(divisor, gcd(c, 24))));
}
