import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api';
import type { Edge, Position } from './types';

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

const elk = new ELK();

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
  const result = await elk.layout(graph);
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return positions;
}
