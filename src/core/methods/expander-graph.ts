/**
 * Deep expander networks (Prabhu et al. 2018, survey ref. 140): each output channel of a conv reads
 * D input channels, chosen at random (seeded, so a design always builds the same graph). Random regular graphs are expanders with high probability: a few stacked layers
 * connect every output to every input, which a group conv with the same fan-in never does.
 */

/** mulberry32: a small, fast, seeded generator; the same seed gives the same graph everywhere. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The graph as a flat list: entries o·D … o·D + D − 1 are the input channels output o reads,
 * ascending, all different. Sampled as the paper's random expander and the authors' code
 * (Deep-Expander-Networks, `ExpanderConv2d`: for each output, the first D of `randperm(Cin)`):
 * each output draws its D inputs uniformly without replacement, independently of the others, so
 * how often an input is read varies (Cout·D/Cin on average). A seeded generator stands for torch's
 * global one, so the seed stored in the design always builds the same graph.
 */
export function expanderConnections(cin: number, cout: number, fanIn: number, seed: number): number[] {
  if (!(fanIn >= 1 && fanIn <= cin)) throw new RangeError(`fan-in ${fanIn} must be 1 to ${cin}`);
  const rand = generator(seed);
  const out: number[] = [];
  for (let o = 0; o < cout; o++) {
    // A partial Fisher–Yates shuffle: the first D places of a uniform random permutation.
    const perm = [...Array(cin).keys()];
    for (let i = 0; i < fanIn; i++) {
      const j = i + Math.floor(rand() * (cin - i));
      [perm[i], perm[j]] = [perm[j] ?? 0, perm[i] ?? 0];
    }
    out.push(...perm.slice(0, fanIn).sort((x, y) => x - y));
  }
  return out;
}

/** A group conv's connectivity in the same flat form: output o reads its group's Cin/g inputs. */
export function groupConnections(cin: number, cout: number, groups: number): number[] {
  const perIn = cin / groups;
  const perOut = cout / groups;
  const out: number[] = [];
  for (let o = 0; o < cout; o++) {
    const g = Math.floor(o / perOut);
    for (let k = 0; k < perIn; k++) out.push(g * perIn + k);
  }
  return out;
}

/**
 * How many layers of this connectivity, stacked (Cin = Cout), until every output depends on every
 * input; undefined when it never happens within `limit` layers (a group conv without a shuffle).
 */
export function layersToConnectAll(
  connections: readonly number[],
  channels: number,
  limit = 16,
): number | undefined {
  const fanIn = connections.length / channels;
  const full = (1n << BigInt(channels)) - 1n;
  const inputsOf = (o: number): readonly number[] => connections.slice(o * fanIn, (o + 1) * fanIn);
  // reach[o]: the first layer's inputs that output o of the last layer depends on.
  let reach = Array.from({ length: channels }, (_, o) =>
    inputsOf(o).reduce((m, i) => m | (1n << BigInt(i)), 0n),
  );
  for (let layers = 1; layers <= limit; layers++) {
    if (reach.every((r) => r === full)) return layers;
    const below = reach;
    reach = below.map((_, o) => inputsOf(o).reduce((m, i) => m | (below[i] ?? 0n), 0n));
  }
  return undefined;
}

/** An expander conv's graph, flat (Cout·D entries): the one its params give, or the seed's. */
export function connectionsOf(
  p: {
    readonly outChannels: number;
    readonly fanIn: number;
    readonly seed: number;
    readonly connections?: readonly number[] | undefined;
  },
  cin: number,
): readonly number[] {
  return p.connections ?? expanderConnections(cin, p.outChannels, p.fanIn, p.seed);
}
