import type { Position } from './design-types';

export interface WrapBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  /** The module groups the box sits in, outermost first (their paths). */
  readonly groups: readonly string[];
}

export interface WrapOptions {
  /** Width over height the whole picture should come near (a screen: 16 / 10). */
  readonly aspect?: number;
  readonly columnGap?: number;
  /** Room above a group's first row for its header, and below its last row, per group. */
  readonly groupHead?: number;
  readonly groupFoot?: number;
  /** A layout no taller than this stays one column (only the groups' room is added). */
  readonly minHeight?: number;
  /**
   * The screen it will be fitted to, in flow units at zoom 1: the columns are then chosen for the
   * largest zoom at which all of them fit (its aspect replaces `aspect`).
   */
  readonly view?: { readonly width: number; readonly height: number };
}

/**
 * Wraps a tall top-to-bottom layout into side-by-side columns, as text wraps into lines, so that a
 * long chain fits a screen at a legible zoom. Rows (boxes whose vertical extents overlap) stay
 * whole; a column breaks where an outermost group ends when one is near, else between rows. Rows
 * where groups begin or end get room for the groups' frames. Returns new top-left corners.
 */
export function wrapColumns(
  boxes: readonly WrapBox[],
  positions: ReadonlyMap<string, Position>,
  options: WrapOptions = {},
): Map<string, Position> {
  const view = options.view;
  const aspect = view === undefined ? (options.aspect ?? 16 / 10) : view.width / view.height;
  const columnGap = options.columnGap ?? 80;
  const head = options.groupHead ?? 30;
  const foot = options.groupFoot ?? 14;
  const placed = boxes
    .map((b) => ({ b, p: positions.get(b.id) ?? { x: 0, y: 0 } }))
    .sort((a, c) => a.p.y - c.p.y || a.p.x - c.p.x);
  // Rows: runs of boxes whose vertical extents overlap.
  const rows: { items: typeof placed; top: number; bottom: number }[] = [];
  for (const item of placed) {
    const last = rows.at(-1);
    if (last !== undefined && item.p.y < last.bottom) {
      last.items.push(item);
      last.bottom = Math.max(last.bottom, item.p.y + item.b.height);
    } else rows.push({ items: [item], top: item.p.y, bottom: item.p.y + item.b.height });
  }
  if (rows.length === 0) return new Map();
  const groupsOf = (row: (typeof rows)[number]): string[] => row.items[0]?.b.groups.slice() ?? [];
  // Extra room between two rows: a header for each group that starts, a foot for each that ends.
  const common = (a: readonly string[], b: readonly string[]): number => {
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    return k;
  };
  const gaps = rows.map((row, i) => {
    const prev = rows[i - 1];
    if (prev === undefined) return { extra: head * groupsOf(row).length, natural: 0 };
    const a = groupsOf(prev);
    const b = groupsOf(row);
    const k = common(a, b);
    return { extra: foot * (a.length - k) + head * (b.length - k), natural: row.top - prev.bottom };
  });
  // Loops, not spreads: a design may hold 200,000 nodes, past what a call's arguments take.
  let left = Infinity;
  let right = -Infinity;
  for (const i of placed) {
    left = Math.min(left, i.p.x);
    right = Math.max(right, i.p.x + i.b.width);
  }
  const width = right - left;
  const total = rows.reduce(
    (s, r, i) => s + (r.bottom - r.top) + (gaps[i]?.natural ?? 0) + (gaps[i]?.extra ?? 0),
    0,
  );
  // Columns of height H: k columns of width w side by side are k·w wide; choose k for the aspect.
  let columns = 1;
  while (
    total > (options.minHeight ?? 0) &&
    columns < rows.length &&
    ((columns + 1) * (width + columnGap)) / (total / (columns + 1)) <= aspect
  )
    columns++;
  // The module a row belongs to, two levels deep ("features.3", "layer1"), and each module's height
  // from the row where it starts.
  const moduleKey = (row: (typeof rows)[number]): string => groupsOf(row).slice(0, 2).join('|');
  const moduleHeight = new Map<number, number>();
  const keys = rows.map(moduleKey);
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (j < rows.length && keys[j] === keys[i]) j++;
    const first = rows[i];
    const last = rows[j - 1];
    if (first !== undefined && last !== undefined) moduleHeight.set(i, last.bottom - first.top);
    i = j;
  }

  /**
   * The rows in columns about `target` high; a column breaks early rather than split a module, so
   * there may be more columns than planned. Returns the positions, the column count and the extent.
   */
  const place = (target: number) => {
    const out = new Map<string, Position>();
    let x0 = 0;
    let y = 0;
    let columnLeft = left;
    let columnWidth = 0;
    let count = 1;
    let bottom = 0;
    rows.forEach((row, i) => {
      const gap = gaps[i] ?? { extra: 0, natural: 0 };
      const h = row.bottom - row.top;
      // Break before this row when the column is full, or when a module starts here that would not
      // fit in what is left (a module split over two columns reads badly), unless it fits nowhere.
      const starts = i === 0 || keys[i] !== keys[i - 1];
      const need = starts ? (moduleHeight.get(i) ?? h) : h;
      const full = y + gap.natural + gap.extra + (need <= target * 1.08 ? need : h) > target * 1.08;
      if (i > 0 && full && y > 0) {
        x0 += columnWidth + columnGap;
        columnWidth = 0;
        count++;
        y = head * groupsOf(row).length;
        for (const it of row.items) columnLeft = Math.min(columnLeft, it.p.x);
      } else y += i === 0 ? gap.extra : gap.natural + gap.extra;
      for (const it of row.items) {
        const x = x0 + (it.p.x - columnLeft);
        out.set(it.b.id, { x, y: y + (it.p.y - row.top) });
        columnWidth = Math.max(columnWidth, x - x0 + it.b.width);
      }
      y += h;
      bottom = Math.max(bottom, y);
    });
    return { out, count, width: x0 + columnWidth, height: bottom };
  };
  /** The planned number of columns at most: columns a little taller where modules would overflow. */
  const placeIn = (k: number) => {
    let target = total / k;
    let placed = place(target);
    for (let tries = 0; placed.count > k && tries < 40; tries++) {
      target *= 1.04;
      placed = place(target);
    }
    return placed;
  };
  if (view === undefined || columns === 1) return placeIn(columns).out;
  // The last count under the aspect is a little too tall for the view, the next may be a little too
  // wide, and one fewer may fit better once modules are kept whole: the one read at the largest zoom.
  const zoom = (p: { width: number; height: number }): number =>
    Math.min(view.width / p.width, view.height / p.height);
  let best = placeIn(columns);
  for (const k of [columns - 1, columns + 1]) {
    if (k < 1 || k > rows.length) continue;
    const p = placeIn(k);
    if (zoom(p) > zoom(best)) best = p;
  }
  return best.out;
}
