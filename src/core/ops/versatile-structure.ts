/**
 * The arithmetic of versatile filters (Wang et al., "Learning Versatile Filters for Efficient
 * Convolutional Neural Networks", NeurIPS 2018), shared by the op's cost rule, its ONNX export and
 * its import.
 *
 * A primary filter spans all c input channels with d×d taps (the paper's Fig. 2(b); it is what is
 * stored: P·c·d² weights). Spatially it yields s = ⌈d/2⌉ secondary filters, the i-th keeping the
 * centred (d − 2i)×(d − 2i) taps (i = 0 … s − 1: the filter itself, then ever smaller centres).
 * Along the channels it yields n = δ/g + 1 secondary filters, the j-th keeping its ĉ = c − δ
 * channels j·g … j·g + ĉ − 1 (channel stride g) and reading the same input channels. Every (i, j)
 * pair is a secondary filter with an output channel of its own, so P primary filters give
 * Cout = P·s·n channels. With δ = 0 there is one channel window (spatial versatile filters only).
 * The authors' released VConv2d allocates the same c channels but reads the first ĉ of them for
 * every window, an alternative they call equivalent in accuracy (their issue #1); the tool follows
 * the paper.
 *
 * Output channel order, as the authors' VConv2d concatenates: spatial index i outermost, then the
 * channel offset j, then the primary filter p: o = (i·n + j)·P + p.
 */

export interface VersatileGeometry {
  /** d: the primary filter's side. */
  readonly kernel: number;
  /** c: the input's channels. */
  readonly inChannels: number;
  readonly outChannels: number;
  /** δ = c − ĉ. */
  readonly channelDelta: number;
  /** g: the channel stride between secondary filters. */
  readonly channelStride: number;
}

/** s = ⌈d/2⌉ spatial secondary filters per primary filter. */
export const spatialCount = (d: number): number => Math.ceil(d / 2);

/** n = δ/g + 1 channel secondary filters per primary filter and spatial mask. */
export const channelCount = (delta: number, g: number): number => Math.floor(delta / g) + 1;

/** The taps of the i-th spatial secondary filter: (d − 2i)². */
export const tapsOf = (d: number, i: number): number => (d - 2 * i) ** 2;

/** Σᵢ (d − 2i)², i < ⌈d/2⌉: the taps of all spatial secondary filters of one primary filter. */
export function tapSum(d: number): number {
  let t = 0;
  for (let i = 0; i < spatialCount(d); i++) t += tapsOf(d, i);
  return t;
}

/** P = Cout / (s·n) primary filters (of c channels each) and ĉ = c − δ channels per secondary filter. */
export function primaryShape(v: VersatileGeometry): { readonly primaries: number; readonly cHat: number } {
  const secondaries = spatialCount(v.kernel) * channelCount(v.channelDelta, v.channelStride);
  return { primaries: v.outChannels / secondaries, cHat: v.inChannels - v.channelDelta };
}

/**
 * The dense weight the secondary filters form (Cout × c × d × d, row-major): each secondary filter
 * written out, its primary's taps inside its centre and its channel window, zeros elsewhere. This
 * is the weight of the Conv the export writes; `primary` is P × c × d × d.
 */
export function derivedWeight(v: VersatileGeometry, primary: Float32Array): Float32Array {
  const d = v.kernel;
  const c = v.inChannels;
  const s = spatialCount(d);
  const n = channelCount(v.channelDelta, v.channelStride);
  const { primaries, cHat } = primaryShape(v);
  const out = new Float32Array(v.outChannels * c * d * d);
  for (let i = 0; i < s; i++)
    for (let j = 0; j < n; j++)
      for (let p = 0; p < primaries; p++) {
        const o = (i * n + j) * primaries + p;
        for (let ch = j * v.channelStride; ch < j * v.channelStride + cHat; ch++)
          for (let y = i; y < d - i; y++)
            for (let x = i; x < d - i; x++)
              out[((o * c + ch) * d + y) * d + x] = primary[((p * c + ch) * d + y) * d + x] ?? 0;
      }
  return out;
}

/**
 * The primary filters read off a dense weight: channel ch of primary p from the full-size
 * secondary filter (i = 0) of the first channel window holding ch; a channel no window holds
 * (only when g > ĉ) is never used and reads as 0.
 */
function primariesOf(v: VersatileGeometry, dense: Float32Array): Float32Array {
  const d = v.kernel;
  const c = v.inChannels;
  const n = channelCount(v.channelDelta, v.channelStride);
  const { primaries, cHat } = primaryShape(v);
  const primary = new Float32Array(primaries * c * d * d);
  for (let p = 0; p < primaries; p++)
    for (let ch = 0; ch < c; ch++) {
      const j = Math.min(n - 1, Math.floor(ch / v.channelStride));
      if (ch - j * v.channelStride >= cHat) continue;
      const o = j * primaries + p;
      for (let t = 0; t < d * d; t++)
        primary[(p * c + ch) * d * d + t] = dense[(o * c + ch) * d * d + t] ?? 0;
    }
  return primary;
}

/**
 * The primary filters when the dense weight is exactly their written-out secondary filters, else
 * undefined. Each value is compared with the primary tap it must copy (or 0) as it is read, so a
 * plain conv fails at its first misfit: imports try many settings per conv.
 */
function holds(
  v: VersatileGeometry,
  dense: Float32Array,
  budget: { left: number },
): Float32Array | undefined {
  const d = v.kernel;
  const c = v.inChannels;
  const n = channelCount(v.channelDelta, v.channelStride);
  const { primaries, cHat } = primaryShape(v);
  if (!Number.isInteger(primaries) || cHat < 1 || dense.length !== v.outChannels * c * d * d)
    return undefined;
  // Last output channel first: its smallest mask and farthest window put zeros where a plain conv
  // has weights, so a plain conv fails at its first value.
  for (let o = v.outChannels - 1; o >= 0; o--) {
    const block = Math.floor(o / primaries);
    const i = Math.floor(block / n);
    const offset = (block % n) * v.channelStride;
    const p = o % primaries;
    for (let ch = 0; ch < c; ch++) {
      const k = ch - offset;
      // The primary's channel ch as the full-size filter of its first window holds it.
      const source = Math.min(n - 1, Math.floor(ch / v.channelStride)) * primaries + p;
      for (let y = 0; y < d; y++)
        for (let x = 0; x < d; x++) {
          const inside = k >= 0 && k < cHat && y >= i && y < d - i && x >= i && x < d - i;
          const want = inside ? (dense[((source * c + ch) * d + y) * d + x] ?? 0) : 0;
          if (dense[((o * c + ch) * d + y) * d + x] !== want || --budget.left < 0) return undefined;
        }
    }
  }
  const primary = primariesOf(v, dense);
  return nonDegenerate(v, primary) ? primary : undefined;
}

/**
 * The structure must be readable off the values: some primary tap in the outer ring when there
 * are several spatial masks (else the ring says nothing), and some weight in the first window's
 * first channel and the last window's last channel when there are several channel windows (else
 * another window fits too). An all-zero conv therefore never reads as versatile.
 */
function nonDegenerate(v: VersatileGeometry, primary: Float32Array): boolean {
  const d = v.kernel;
  const c = v.inChannels;
  const { primaries } = primaryShape(v);
  const at = (p: number, ch: number, y: number, x: number): number =>
    primary[((p * c + ch) * d + y) * d + x] ?? 0;
  let ring = spatialCount(d) === 1;
  let first = channelCount(v.channelDelta, v.channelStride) === 1;
  let last = first;
  for (let p = 0; p < primaries; p++)
    for (let ch = 0; ch < c; ch++)
      for (let y = 0; y < d; y++)
        for (let x = 0; x < d; x++) {
          if (at(p, ch, y, x) === 0) continue;
          if (y === 0 || x === 0 || y === d - 1 || x === d - 1) ring = true;
          if (ch === 0) first = true;
          if (ch === c - 1) last = true;
        }
  return ring && first && last;
}

/** Versatile settings a dense conv weight was derived from, and its primary filters. */
export interface RecognisedVersatile {
  readonly channelDelta: number;
  readonly channelStride: number;
  readonly primary: Float32Array;
}

/**
 * Reads a dense Cout × c × d × d conv weight back as versatile filters when it is exactly the
 * written-out secondary filters of some primary filters. Several settings can fit one weight (a
 * channel versatile layer is also a spatial one whose primaries repeat each other); the one that
 * stores the fewest primary weights is the layer's structure (then fewer channel offsets, then the
 * smaller stride). Undefined for a plain conv (one secondary filter per primary is a plain conv)
 * or any weight the structure does not hold.
 */
export function recogniseVersatile(
  outChannels: number,
  inChannels: number,
  kernel: number,
  dense: Float32Array,
): RecognisedVersatile | undefined {
  // A weight several convs share (one tensor read by many nodes) is read once per geometry.
  const key = `${outChannels} ${inChannels} ${kernel}`;
  let byGeometry = recognised.get(dense);
  if (byGeometry === undefined)
    recognised.set(dense, (byGeometry = new Map<string, RecognisedVersatile | undefined>()));
  if (byGeometry.has(key)) return byGeometry.get(key);
  const found = search(outChannels, inChannels, kernel, dense);
  byGeometry.set(key, found);
  return found;
}

/** What each weight read as, per geometry; weights are never changed once read from a file. */
const recognised = new WeakMap<Float32Array, Map<string, RecognisedVersatile | undefined>>();

function search(
  outChannels: number,
  inChannels: number,
  kernel: number,
  dense: Float32Array,
): RecognisedVersatile | undefined {
  const s = spatialCount(kernel);
  if (outChannels % s !== 0) return undefined;
  const perSpatial = outChannels / s;
  // Mostly-zero weights fit every setting for long before they fail; a budget of comparisons (a
  // few passes over the weight) keeps the search linear, and a weight that spends it stays a conv.
  if (dense.every((x) => x === 0)) return undefined;
  const budget = { left: 8 * dense.length + 100_000 };
  let best: RecognisedVersatile | undefined;
  for (let n = 1; n <= perSpatial; n++) {
    if (perSpatial % n !== 0 || s * n === 1) continue;
    const strides =
      n === 1 ? [1] : Array.from({ length: Math.floor((inChannels - 1) / (n - 1)) }, (_, k) => k + 1);
    for (const g of strides) {
      const geometry = { kernel, inChannels, outChannels, channelDelta: (n - 1) * g, channelStride: g };
      const primary = holds(geometry, dense, budget);
      if (budget.left < 0) return undefined;
      if (primary !== undefined && (best === undefined || primary.length < best.primary.length))
        best = { channelDelta: geometry.channelDelta, channelStride: g, primary };
    }
  }
  return best;
}
