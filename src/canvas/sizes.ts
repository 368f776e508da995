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
/** Below this zoom card text is too small to read: Fit goes no lower, and shows the top instead. */
export const MIN_READABLE = 0.6;
/** The margin Fit keeps around the design, in screen pixels. */
export const FIT_PAD = 48;

/** The room Fit has on the canvas, in flow units at zoom 1; undefined where there is no canvas. */
export function canvasRoom(): { width: number; height: number } | undefined {
  const pane = typeof document === 'undefined' ? undefined : document.querySelector('.canvas');
  if (pane === null || pane === undefined) return undefined;
  const r = pane.getBoundingClientRect();
  return r.width > FIT_PAD && r.height > FIT_PAD
    ? { width: r.width - FIT_PAD, height: r.height - FIT_PAD }
    : undefined;
}
