/**
 * The arithmetic of versatile filters (Wang et al., "Learning Versatile Filters for Efficient
 * Convolutional Neural Networks", NeurIPS 2018), shared by the op's cost rule, its ONNX export and
 * its import.
 *
 * A primary filter has ĉ = c − δ channels of d×d taps. Spatially it yields s = ⌈d/2⌉ secondary
 * filters, the i-th keeping the centred (d − 2i)×(d − 2i) taps (i = 0 … s − 1: the filter itself,
 * then ever smaller centres). Along the channels it is applied at n = δ/g + 1 offsets j·g
 * (channel stride g), each reading the input channels j·g … j·g + ĉ − 1. Every (i, j) pair is a
 * secondary filter with an output channel of its own, so P primary filters give Cout = P·s·n
 * channels. With δ = 0 there is one channel offset (spatial versatile filters only).
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

/** P = Cout / (s·n) primary filters and ĉ = c − δ channels each. */
export function primaryShape(v: VersatileGeometry): { readonly primaries: number; readonly cHat: number } {
  const secondaries = spatialCount(v.kernel) * channelCount(v.channelDelta, v.channelStride);
  return { primaries: v.outChannels / secondaries, cHat: v.inChannels - v.channelDelta };
}

/**
 * The dense weight the secondary filters form (Cout × c × d × d, row-major): each secondary filter
 * written out, zeros outside its centre and its channel window. This is the weight of the Conv the
 * export writes; `primary` is P × ĉ × d × d.
 */
export function derivedWeight(v: VersatileGeometry, primary: Float32Array): Float32Array {
  const d = v.kernel;
  const s = spatialCount(d);
  const n = channelCount(v.channelDelta, v.channelStride);
  const { primaries, cHat } = primaryShape(v);
  const out = new Float32Array(v.outChannels * v.inChannels * d * d);
  for (let i = 0; i < s; i++)
    for (let j = 0; j < n; j++)
      for (let p = 0; p < primaries; p++) {
        const o = (i * n + j) * primaries + p;
        for (let c = 0; c < cHat; c++)
          for (let y = i; y < d - i; y++)
            for (let x = i; x < d - i; x++)
              out[((o * v.inChannels + j * v.channelStride + c) * d + y) * d + x] =
                primary[((p * cHat + c) * d + y) * d + x] ?? 0;
      }
  return out;
}

/**
 * The primary filters when the dense weight is exactly their written-out secondary filters, else
 * undefined. Each value is compared with the primary tap it must copy (or 0) as it is read, so a
 * plain conv fails at its first misfit, without allocating: imports try many settings per conv.
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
  // Last output channel first: its smallest mask and farthest offset put zeros where a plain
  // conv has weights, so a plain conv fails at its first value.
  for (let o = v.outChannels - 1; o >= 0; o--) {
    const block = Math.floor(o / primaries);
    const i = Math.floor(block / n);
    const offset = (block % n) * v.channelStride;
    const p = o % primaries;
    for (let ch = 0; ch < c; ch++) {
      const k = ch - offset;
      for (let y = 0; y < d; y++)
        for (let x = 0; x < d; x++) {
          const inside = k >= 0 && k < cHat && y >= i && y < d - i && x >= i && x < d - i;
          // The primary filters are the first P output channels' window (i = 0, j = 0).
          const want = inside ? (dense[((p * c + k) * d + y) * d + x] ?? 0) : 0;
          if (dense[((o * c + ch) * d + y) * d + x] !== want || --budget.left < 0) return undefined;
        }
    }
  }
  const primary = new Float32Array(primaries * cHat * d * d);
  for (let p = 0; p < primaries; p++)
    for (let k = 0; k < cHat; k++)
      for (let t = 0; t < d * d; t++)
        primary[(p * cHat + k) * d * d + t] = dense[(p * c + k) * d * d + t] ?? 0;
  return nonDegenerate(v, primary) ? primary : undefined;
}

/**
 * The structure must be readable off the values: some primary tap in the outer ring when there
 * are several spatial masks (else the ring says nothing), and some weight in the first and last
 * channel of the window when there are several channel offsets (else another window fits too).
 * An all-zero conv therefore never reads as versatile.
 */
function nonDegenerate(v: VersatileGeometry, primary: Float32Array): boolean {
  const d = v.kernel;
  const { primaries, cHat } = primaryShape(v);
  const at = (p: number, c: number, y: number, x: number): number =>
    primary[((p * cHat + c) * d + y) * d + x] ?? 0;
  let ring = spatialCount(d) === 1;
  let first = channelCount(v.channelDelta, v.channelStride) === 1;
  let last = first;
  for (let p = 0; p < primaries; p++)
    for (let c = 0; c < cHat; c++)
      for (let y = 0; y < d; y++)
        for (let x = 0; x < d; x++) {
          if (at(p, c, y, x) === 0) continue;
          if (y === 0 || x === 0 || y === d - 1 || x === d - 1) ring = true;
          if (c === 0) first = true;
          if (c === cHat - 1) last = true;
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
