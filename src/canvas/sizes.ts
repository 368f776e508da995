/** Card sizes in flow units; the CSS uses the same widths (see canvas.css). */
export const CARD_WIDTH = 240;
export const BLOCK_CARD_WIDTH = 280;
export const INNER_CARD_WIDTH = 240;
export const CARD_HEIGHT = 66;
/** Extra height of a card that shows a problem line. */
export const PROBLEM_LINE = 20;
/** Inside an open block: the header above the primitives and the margin around them. */
export const FRAME_HEADER = 48;
export const FRAME_PAD = 20;
