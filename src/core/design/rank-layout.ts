import type { Edge, Position } from './design-types';

export interface RankBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface RankLayout {
  readonly positions: Map<string, Position>;
  readonly width: number;
  readonly height: number;
}

/**
 * A small synchronous layered layout for the inside of an open block (a dozen nodes): each box goes
 * one row below its deepest predecessor; boxes of a row sit side by side, centred on the widest row.
 * Boxes keep their given order within a row. Cycles are broken by ignoring back edges.
 */
export function rankLayout(
  boxes: readonly RankBox[],
  edges: readonly Edge[],
  gap: { readonly x: number; readonly y: number } = { x: 24, y: 44 },
): RankLayout {
  const index = new Map(boxes.map((b, i) => [b.id, i]));
  const rank = new Map<string, number>();
  const preds = new Map<string, string[]>();
  for (const e of edges) {
    const a = index.get(e.from.node);
    const b = index.get(e.to.node);
    if (a === undefined || b === undefined || a >= b) continue; // boxes come in topological order
    const list = preds.get(e.to.node);
    if (list === undefined) preds.set(e.to.node, [e.from.node]);
    else list.push(e.from.node);
  }
  // Loops and reduce, never Math.max(...list): an imported chain of 150,000 nodes must not blow the stack.
  for (const b of boxes) {
    const r = (preds.get(b.id) ?? []).reduce((m, p) => Math.max(m, rank.get(p) ?? 0), -1);
    rank.set(b.id, r + 1);
  }
  const rows: RankBox[][] = [];
  for (const b of boxes) {
    const r = rank.get(b.id) ?? 0;
    (rows[r] ??= []).push(b);
  }
  const rowWidth = (row: readonly RankBox[]): number =>
    row.reduce((a, b) => a + b.width, 0) + gap.x * Math.max(0, row.length - 1);
  const width = rows.reduce((m, row) => Math.max(m, rowWidth(row)), 0);
  const positions = new Map<string, Position>();
  let y = 0;
  for (const row of rows) {
    let x = (width - rowWidth(row)) / 2;
    const rowHeight = row.reduce((m, b) => Math.max(m, b.height), 0);
    for (const b of row) {
      positions.set(b.id, { x, y: y + (rowHeight - b.height) / 2 });
      x += b.width + gap.x;
    }
    y += rowHeight + gap.y;
  }
  return { positions, width, height: Math.max(0, y - gap.y) };
}
