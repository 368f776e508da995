import type { Design } from '../design/design-types';

/** The picture of a design in the list of documents: its cards as boxes and its wires as lines. */
export interface ThumbnailSize {
  readonly width: number;
  readonly height: number;
}

const CARD = { width: 180, height: 64 };
/** More cards than this are drawn as the first ones only (a thumbnail is a reminder, not a map). */
const MAX_CARDS = 400;

/**
 * An SVG of the design's layout, scaled to fit `size`, as a data URL (small: a few kilobytes). The
 * colours are the current text colour at low opacity, so it reads in both themes.
 */
export function thumbnailOf(design: Design, size: ThumbnailSize = { width: 120, height: 80 }): string {
  return svgUrl(size, thumbnailBody(design, size));
}

/** The picture's markup (boxes and lines, no <svg> around it), for drawing inside another SVG. */
export function thumbnailBody(design: Design, size: ThumbnailSize): string {
  const nodes = design.nodes.slice(0, MAX_CARDS);
  if (nodes.length === 0) return '';
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const w = Math.max(...xs) - minX + CARD.width;
  const h = Math.max(...ys) - minY + CARD.height;
  const scale = Math.min((size.width - 4) / w, (size.height - 4) / h);
  const ox = (size.width - w * scale) / 2;
  const oy = (size.height - h * scale) / 2;
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  const r = (v: number): string => v.toFixed(1);
  const px = (x: number): number => ox + (x - minX) * scale;
  const py = (y: number): number => oy + (y - minY) * scale;
  const lines = design.edges
    .map((e) => {
      const a = at.get(e.from.node);
      const b = at.get(e.to.node);
      if (a === undefined || b === undefined) return '';
      return `<line x1="${r(px(a.x + CARD.width / 2))}" y1="${r(py(a.y + CARD.height))}" x2="${r(px(b.x + CARD.width / 2))}" y2="${r(py(b.y))}"/>`;
    })
    .join('');
  const boxes = nodes
    .map(
      (n) =>
        `<rect x="${r(px(n.position.x))}" y="${r(py(n.position.y))}" width="${r(CARD.width * scale)}" height="${r(CARD.height * scale)}" rx="1"/>`,
    )
    .join('');
  return `<g stroke="#6b7280" stroke-width="0.6" fill="none">${lines}</g><g fill="#3b82f6" fill-opacity="0.55">${boxes}</g>`;
}

const svgUrl = (size: ThumbnailSize, body: string): string =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(size.width)}" height="${String(size.height)}" viewBox="0 0 ${String(size.width)} ${String(size.height)}">${body}</svg>`,
  )}`;
