import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { Edge, Position } from './design-types';

/** A box to place: its id, size, and how many input and output ports it has. */
export interface LayoutBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  readonly inputs: number;
  readonly outputs: number;
}

export interface LayoutOptions {
  /** Gap between boxes of one layer, and between layers. */
  readonly nodeGap?: number;
  readonly layerGap?: number;
}

/**
 * elkjs is 2.5 MB of JavaScript, most of the app's code: it loads on the first layout, not with the
 * page, so the first paint never waits for it.
 */
let engine: Promise<ElkEngine> | undefined;
function elkEngine(): Promise<ElkEngine> {
  engine ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return engine;
}

/**
 * Layered (Sugiyama) layout, top to bottom, inputs on the top edge and outputs on the bottom edge
 * in port order. Returns top-left corners; the graph starts at (0, 0). Edges that point to a missing
 * box or port are ignored, so a broken design still lays out.
 */
export async function layeredLayout(
  boxes: readonly LayoutBox[],
  edges: readonly Edge[],
  options: LayoutOptions = {},
): Promise<Map<string, Position>> {
  return chainLayout(boxes, edges, options) ?? elkLayout(boxes, edges, options);
}

/** ELK's padding around the graph, and the extra it leaves between two layers joined by one edge. */
const PADDING = 12;
const EDGE_ROOM = 2;

/**
 * A plain chain (the first visit's design, most imports before they are wrapped into columns) laid
 * out exactly as ELK lays it out, without loading ELK: one column, each box centred on the widest.
 * Undefined for anything but a chain of single-port links.
 */
export function chainLayout(
  boxes: readonly LayoutBox[],
  edges: readonly Edge[],
  options: LayoutOptions = {},
): Map<string, Position> | undefined {
  if (boxes.length === 0 || edges.length !== boxes.length - 1) return undefined;
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const next = new Map<string, string>();
  const hasPred = new Set<string>();
  for (const e of edges) {
    if (e.from.port !== 0 || e.to.port !== 0 || !byId.has(e.from.node) || !byId.has(e.to.node))
      return undefined;
    if (next.has(e.from.node) || hasPred.has(e.to.node)) return undefined;
    next.set(e.from.node, e.to.node);
    hasPred.add(e.to.node);
  }
  const sources = boxes.filter((b) => !hasPred.has(b.id));
  if (sources.length !== 1) return undefined;
  const order: LayoutBox[] = [];
  for (let id: string | undefined = sources[0]?.id; id !== undefined; id = next.get(id)) {
    const box = byId.get(id);
    if (box === undefined || order.length >= boxes.length) return undefined;
    order.push(box);
  }
  if (order.length !== boxes.length) return undefined;
  const widest = Math.max(...order.map((b) => b.width));
  const gap = (options.layerGap ?? 56) + EDGE_ROOM;
  const positions = new Map<string, Position>();
  let y = PADDING;
  for (const b of order) {
    positions.set(b.id, { x: PADDING + (widest - b.width) / 2, y });
    y += b.height + gap;
  }
  return positions;
}

/** The general case, by elkjs. */
export async function elkLayout(
  boxes: readonly LayoutBox[],
  edges: readonly Edge[],
  options: LayoutOptions = {},
): Promise<Map<string, Position>> {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const portId = (node: string, kind: 'in' | 'out', port: number): string => `${node}::${kind}${port}`;
  const children: ElkNode[] = boxes.map((b) => {
    const ports: ElkPort[] = [];
    for (let i = 0; i < b.inputs; i++)
      ports.push({
        id: portId(b.id, 'in', i),
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': String(i) },
      });
    for (let i = 0; i < b.outputs; i++)
      ports.push({
        id: portId(b.id, 'out', i),
        width: 1,
        height: 1,
        // ELK numbers south ports right to left when walking the border clockwise.
        layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(b.outputs - 1 - i) },
      });
    return {
      id: b.id,
      width: b.width,
      height: b.height,
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    };
  });
  const elkEdges: ElkExtendedEdge[] = [];
  for (const e of edges) {
    const from = byId.get(e.from.node);
    const to = byId.get(e.to.node);
    if (from === undefined || to === undefined) continue;
    if (e.from.port >= from.outputs || e.to.port >= to.inputs) continue;
    elkEdges.push({
      id: e.id,
      sources: [portId(from.id, 'out', e.from.port)],
      targets: [portId(to.id, 'in', e.to.port)],
    });
  }
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'SPLINES',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
      'elk.spacing.nodeNode': String(options.nodeGap ?? 48),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(options.layerGap ?? 56),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children,
    edges: elkEdges,
  };
  const result = await (await elkEngine()).layout(graph);
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
