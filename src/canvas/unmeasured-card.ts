import { Position, type NodeHandle } from '@xyflow/react';
import type { CardData } from './card-model';
import { BLOCK_CARD_WIDTH, CARD_HEIGHT, CARD_WIDTH, PROBLEM_LINE } from './sizes';

/**
 * A port's box (canvas.css: 10×10, border-box), how far its centre stands off the card's inner edge,
 * and the card's border (the ports are placed inside it): an input's box starts 10 units above the
 * card, an output's where the card ends, as React Flow measures them on a drawn card.
 */
const PORT_SIZE = 10;
const PORT_OFFSET = 6;
const CARD_BORDER = 1;

/** What React Flow needs to place a card it has not drawn yet: its size and its ports. */
export interface UnmeasuredCard {
  readonly initialWidth: number;
  readonly initialHeight: number;
  readonly handles: NodeHandle[];
}

/** A card's size before it is drawn: an op's or a block's width, one line more with a problem. */
export function cardSize(data: CardData): { width: number; height: number } {
  return {
    width: data.block === undefined ? CARD_WIDTH : BLOCK_CARD_WIDTH,
    height: CARD_HEIGHT + (data.problem === undefined ? 0 : PROBLEM_LINE),
  };
}

/**
 * The size and the port positions of a card not yet drawn, as Ports.tsx and canvas.css place them:
 * inputs spread along the top edge, outputs along the bottom. Given these, React Flow draws only the cards in view (and the wires
 * to the others from these positions), instead of drawing every card once to measure it: mounting
 * a 10,000-node import in one piece was a main-thread task of many seconds. A card drawn once is
 * measured, and its measured size and ports replace these.
 */
export function unmeasuredCard(data: CardData): UnmeasuredCard {
  const { width, height } = cardSize(data);
  const half = PORT_SIZE / 2;
  const along = (i: number, n: number): number => ((i + 1) / (n + 1)) * width - half;
  const handles: NodeHandle[] = [];
  for (let i = 0; i < data.inputs; i++)
    handles.push({
      id: `in-${String(i)}`,
      type: 'target',
      position: Position.Top,
      x: along(i, data.inputs),
      y: CARD_BORDER - PORT_OFFSET - half,
      width: PORT_SIZE,
      height: PORT_SIZE,
    });
  for (let i = 0; i < data.outputs; i++)
    handles.push({
      id: `out-${String(i)}`,
      type: 'source',
      position: Position.Bottom,
      x: along(i, data.outputs),
      y: height - CARD_BORDER + PORT_OFFSET - half,
      width: PORT_SIZE,
      height: PORT_SIZE,
    });
  return { initialWidth: width, initialHeight: height, handles };
}
