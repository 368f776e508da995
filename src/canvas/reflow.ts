import type { Position } from '../core/design/design-types';

/** A card as laid out, with the height it has on screen now (its marks and problem line in). */
export interface ReflowBox {
  readonly id: string;
  readonly position: Position;
  readonly width: number;
  readonly height: number;
  /** The height the layout left room for (a card without marks); taller cards may push others down. */
  readonly laidOut: number;
}

/** The room kept between a card and the card below it once it has grown: their ports and the wire's label fit. */
export const REFLOW_GAP = 28;

/**
 * Where cards go on screen when some are taller than the layout allowed for (a run's times, a
 * guideline's hint, a problem line): a card below a taller one, in the same column, moves down so
 * that the two keep apart by the gap they had (at most REFLOW_GAP); what it pushes pushes on in turn.
 * Cards that overlapped as laid out (placed so by hand) stay as they were. Returns only the cards
 * that move, with their new positions; the design itself keeps its positions.
 */
export function reflow(boxes: readonly ReflowBox[]): Map<string, Position> {
  const order = [...boxes].sort((a, b) => a.position.y - b.position.y);
  const top = new Map<string, number>();
  const moved = new Map<string, Position>();
  order.forEach((n, i) => {
    let y = n.position.y;
    for (let k = 0; k < i; k++) {
      const m = order[k] as ReflowBox;
      const sameColumn = m.position.x < n.position.x + n.width && n.position.x < m.position.x + m.width;
      if (!sameColumn) continue;
      const gap = n.position.y - (m.position.y + m.laidOut);
      if (gap < 0) continue;
      const mTop = top.get(m.id) ?? m.position.y;
      y = Math.max(y, mTop + m.height + Math.min(gap, REFLOW_GAP));
    }
    top.set(n.id, y);
    if (y !== n.position.y) moved.set(n.id, { x: n.position.x, y });
  });
  return moved;
}
