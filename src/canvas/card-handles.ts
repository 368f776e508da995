import { Position, type NodeHandle } from '@xyflow/react';

/**
 * Where a card's ports will be, before the card has ever been drawn: the same rectangles React Flow
 * measures from the DOM (relative to the card, in flow units), from the card's size and the CSS in
 * canvas.css (a 10 px port, its centre 6 px outside the card's 1 px border, spread evenly along the
 * top for inputs and the bottom for outputs, as Ports.tsx places them).
 *
 * React Flow draws every node once, however far off screen, until it knows its ports
 * (`getNodesInside`'s `forceInitialRender` in @xyflow/system): a 10,000-node import mounted 10,000
 * cards in one task. A node that states its `handles` is culled like any other, so only the cards on
 * screen are drawn. A drawn card's ports are stated at its measured size.
 */
const PORT_SIZE = 10;
const BORDER = 1;
const OUTSIDE = 6;

const spread = (i: number, n: number, width: number): number =>
  BORDER + ((i + 1) / (n + 1)) * (width - 2 * BORDER) - PORT_SIZE / 2;

export function cardHandles(
  inputs: number,
  outputs: number,
  size: { readonly width: number; readonly height: number },
): NodeHandle[] {
  const handles: NodeHandle[] = [];
  for (let i = 0; i < inputs; i++)
    handles.push({
      id: `in-${String(i)}`,
      type: 'target',
      position: Position.Top,
      x: spread(i, inputs, size.width),
      y: BORDER - OUTSIDE - PORT_SIZE / 2,
      width: PORT_SIZE,
      height: PORT_SIZE,
    });
  for (let i = 0; i < outputs; i++)
    handles.push({
      id: `out-${String(i)}`,
      type: 'source',
      position: Position.Bottom,
      x: spread(i, outputs, size.width),
      y: size.height - BORDER + OUTSIDE - PORT_SIZE / 2,
      width: PORT_SIZE,
      height: PORT_SIZE,
    });
  return handles;
}
