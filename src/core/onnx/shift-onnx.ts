/**
 * How Shift and SparseShift move channels, the one definition that export (and anything that
 * reads our files back) uses. Offsets are the kernel×kernel neighbourhood in row-major order,
 * scaled by the dilation; out[c, y, x] = in[c, y + dy, x + dx], zero outside the input.
 *
 * Shift: each offset gets ⌊C / k²⌋ consecutive channels; the remainder stays in place (it goes to
 * the centre offset, whose place in the order it takes). SparseShift: the first m = round(f·C)
 * channels are shared among the k² − 1 non-centre offsets in order (⌊m / (k² − 1)⌋ each, one more
 * for the first m mod (k² − 1)), so exactly m channels move, as its cost counts; the rest stay.
 */
export interface ShiftGroup {
  /** Channel range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly dy: number;
  readonly dx: number;
}

function offsets(kernel: number, dilation: number): { dy: number; dx: number; centre: boolean }[] {
  const r = Math.floor(kernel / 2);
  const out: { dy: number; dx: number; centre: boolean }[] = [];
  for (let i = 0; i < kernel; i++)
    for (let j = 0; j < kernel; j++)
      out.push({ dy: (i - r) * dilation, dx: (j - r) * dilation, centre: i === r && j === r });
  return out;
}

function ranges(sizes: readonly { size: number; dy: number; dx: number }[]): ShiftGroup[] {
  const groups: ShiftGroup[] = [];
  let start = 0;
  for (const s of sizes) {
    if (s.size > 0) groups.push({ start, end: start + s.size, dy: s.dy, dx: s.dx });
    start += s.size;
  }
  return groups;
}

export function shiftGroups(kernel: number, dilation: number, channels: number): ShiftGroup[] {
  const offs = offsets(kernel, dilation);
  const each = Math.floor(channels / offs.length);
  const rest = channels - each * offs.length;
  return ranges(offs.map((o) => ({ size: each + (o.centre ? rest : 0), dy: o.dy, dx: o.dx })));
}

export function sparseShiftGroups(
  kernel: number,
  dilation: number,
  channels: number,
  moved: number,
): ShiftGroup[] {
  const offs = offsets(kernel, dilation).filter((o) => !o.centre);
  if (offs.length === 0) return ranges([{ size: channels, dy: 0, dx: 0 }]);
  const each = Math.floor(moved / offs.length);
  const extra = moved - each * offs.length;
  const sizes = offs.map((o, i) => ({ size: each + (i < extra ? 1 : 0), dy: o.dy, dx: o.dx }));
  sizes.push({ size: channels - moved, dy: 0, dx: 0 });
  return ranges(sizes);
}

/**
 * A per-channel shift mask (sparse shift, Chen et al. 2019: each channel its own displacement, most
 * of them none): entry c is channel c's offset, an index into the kernel×kernel neighbourhood in
 * row-major order (the centre, (k² − 1)/2, stays). Consecutive channels with one offset form a group.
 */
export function maskShiftGroups(kernel: number, dilation: number, shifts: readonly number[]): ShiftGroup[] {
  const offs = offsets(kernel, dilation);
  const groups: ShiftGroup[] = [];
  shifts.forEach((index, c) => {
    const o = offs[index] ?? { dy: 0, dx: 0 };
    const last = groups.at(-1);
    if (last !== undefined && last.end === c && last.dy === o.dy && last.dx === o.dx)
      groups[groups.length - 1] = { ...last, end: c + 1 };
    else groups.push({ start: c, end: c + 1, dy: o.dy, dx: o.dx });
  });
  return groups;
}

/** The centre offset's index in a kernel×kernel neighbourhood: a channel there does not move. */
export const centreIndex = (kernel: number): number => (kernel * kernel - 1) / 2;

/** The padding a shift needs on each side: the largest offset. */
export const shiftReach = (kernel: number, dilation: number): number => Math.floor(kernel / 2) * dilation;
