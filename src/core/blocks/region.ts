import type { Prim } from '../onnx/import/prim';

/** One conv of a region, as the import read it. */
export interface RegionConv {
  readonly outChannels: number;
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly groups: number;
  /** groups = output channels > 1: one filter per channel. */
  readonly depthwise: boolean;
}

/**
 * What a region of imported primitives shows of the block it may be: the structure each block's
 * `recognise` reads its params off. The matcher then keeps a guess only when the block's
 * expansion with those params is the very same computation as the region.
 */
export interface RegionFacts {
  /** Channels at the region's one entry and one exit. */
  readonly inChannels: number;
  readonly outChannels: number;
  /** The convs in the order they run. */
  readonly convs: readonly RegionConv[];
  /** How many primitives of each kind. */
  readonly count: (kind: string) => number;
  /** The largest stride of any conv or pool. */
  readonly stride: number;
  /** The groups of the channel shuffles, in order. */
  readonly shuffleGroups: readonly number[];
  /** The distinct epsilons of the batch norms. */
  readonly epsilons: readonly number[];
}

const numbers = (v: unknown): readonly number[] =>
  Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];
const numberOf = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

export function regionFacts(prims: readonly Prim[], inChannels: number, outChannels: number): RegionFacts {
  const convs = prims
    .filter((p) => p.kind === 'Conv2d')
    .map((p): RegionConv => {
      const [kh = 1, kw = 1] = numbers(p.params['kernel']);
      const [sh = 1, sw = 1] = numbers(p.params['stride']);
      const out = numberOf(p.params['outChannels'], 0);
      const groups = numberOf(p.params['groups'], 1);
      return {
        outChannels: out,
        kernel: [kh, kw],
        stride: [sh, sw],
        groups,
        depthwise: groups > 1 && groups === out,
      };
    });
  const pools = prims.filter((p) => p.kind === 'AvgPool' || p.kind === 'MaxPool');
  const counts = new Map<string, number>();
  for (const p of prims) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return {
    inChannels,
    outChannels,
    convs,
    count: (kind) => counts.get(kind) ?? 0,
    stride: Math.max(
      1,
      ...convs.map((c) => Math.max(...c.stride)),
      ...pools.map((p) => Math.max(1, ...numbers(p.params['stride']))),
    ),
    shuffleGroups: prims
      .filter((p) => p.kind === 'ChannelShuffle')
      .map((p) => numberOf(p.params['groups'], 0)),
    epsilons: [
      ...new Set(prims.filter((p) => p.kind === 'BatchNorm').map((p) => numberOf(p.params['epsilon'], 1e-5))),
    ],
  };
}
