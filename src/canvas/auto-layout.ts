import { isBlockKind } from '../core/blocks/registry';
import { inputCount, outputCount } from '../core/graph/builder';
import { moveNodes } from '../core/graph/edit';
import type { Design, DesignNode } from '../core/graph/types';
import { layeredLayout } from '../core/graph/layout';
import { groupsOfNodes, moduleGroups } from '../core/graph/module-groups';
import { wrapColumns } from '../core/graph/wrap-layout';
import type { Size } from './flow-types';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH } from './sizes';

/** Card sizes seen on screen, by node id (kept by the canvas as React Flow measures them). */
export const seenSizes = new Map<string, Size>();

function sizeOf(node: DesignNode, open: ReadonlySet<string>): Size {
  const seen = open.has(node.id) ? undefined : seenSizes.get(node.id);
  return seen ?? { width: isBlockKind(node.kind) ? BLOCK_CARD_WIDTH : CARD_WIDTH, height: CARD_HEIGHT };
}

/**
 * Layered auto-layout of the whole design (elkjs), cards at their closed size: open blocks push the
 * cards below them down on screen, so they need no room of their own here. A long chain (an
 * imported ResNet or EfficientNet) is then wrapped into columns, breaking between modules, so
 * that its cards stay legible when the whole design is fitted to the screen; module groups get
 * room for their frames.
 */
export async function layoutDesign(design: Design, open: ReadonlySet<string> = new Set()): Promise<Design> {
  const boxes = design.nodes.map((n) => ({
    id: n.id,
    ...sizeOf(n, open),
    inputs: inputCount(n),
    outputs: outputCount(n),
  }));
  const layered = await layeredLayout(boxes, design.edges);
  const groups = groupsOfNodes(moduleGroups(design));
  const wrapBoxes = boxes.map((b) => ({ ...b, groups: (groups.get(b.id) ?? []).map((g) => g.path) }));
  const positions = wrapColumns(wrapBoxes, layered, { minHeight: 2400 });
  const rounded = new Map([...positions].map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
  return moveNodes(design, rounded);
}
