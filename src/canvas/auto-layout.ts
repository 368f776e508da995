import { isBlockKind } from '../core/kinds';
import { inputCount, outputCount } from '../core/design/builder';
import { moveNodes } from '../core/design/edit';
import type { Design, DesignNode } from '../core/design/design-types';
import { layeredLayout } from '../core/design/design-layout';
import { groupsOfNodes, moduleGroups } from '../core/design/module-groups';
import { wrapColumns } from '../core/design/wrap-layout';
import type { Size } from './flow-types';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH, MIN_READABLE } from './sizes';

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
 * room for their frames. With `view` (the canvas's size, less Fit's margin) the columns are chosen
 * for that screen; without, a chain is wrapped only past 2,400 units.
 */
export async function layoutDesign(
  design: Design,
  open: ReadonlySet<string> = new Set(),
  view?: Size,
): Promise<Design> {
  const boxes = design.nodes.map((n) => ({
    id: n.id,
    ...sizeOf(n, open),
    inputs: inputCount(n),
    outputs: outputCount(n),
  }));
  const layered = await layeredLayout(boxes, design.edges);
  const groups = groupsOfNodes(moduleGroups(design));
  const wrapBoxes = boxes.map((b) => ({ ...b, groups: (groups.get(b.id) ?? []).map((g) => g.path) }));
  // Fitted to a view: wrapped once it would be read below MIN_READABLE, into the columns that fit best.
  const positions = wrapColumns(
    wrapBoxes,
    layered,
    view === undefined ? { minHeight: 2400 } : { minHeight: view.height / MIN_READABLE, view },
  );
  const rounded = new Map([...positions].map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
  return moveNodes(design, rounded);
}
