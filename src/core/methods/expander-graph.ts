/**
 * Deep expander networks (Prabhu et al. 2018, survey ref. 140): each output channel of a conv reads
 * D input channels, chosen by a random D-regular bipartite graph (seeded, so a design always builds
 * the same graph). Random regular graphs are expanders with high probability: a few stacked layers
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
 * ascending, all different. Every input is read ⌊Cout·D/Cin⌋ or ⌈Cout·D/Cin⌉ times (exactly
 * Cout·D/Cin when it divides: D-regular on the output side, (Cout·D/Cin)-regular on the input side).
 * Built from a stream of random permutations of the inputs, cut into groups of D: each input
 * appears once per permutation (so the reads balance), and where a group straddles two
 * permutations the next one starts with inputs the group does not have yet (so none repeats).
 */
export function expanderConnections(cin: number, cout: number, fanIn: number, seed: number): number[] {
  if (!(fanIn >= 1 && fanIn <= cin)) throw new RangeError(`fan-in ${fanIn} must be 1 to ${cin}`);
  const rand = generator(seed);
  const shuffle = (a: number[]): number[] => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j] ?? 0, a[i] ?? 0];
    }
    return a;
  };
  const total = cout * fanIn;
  const stream: number[] = [];
  while (stream.length < total) {
    // The part of the current group already taken from the previous permutation.
    const taken = stream.slice(stream.length - (stream.length % fanIn));
    const used = new Set(taken);
    const head = shuffle([...Array(cin).keys()].filter((v) => !used.has(v))).slice(0, fanIn - taken.length);
    const chosen = new Set(head);
    stream.push(...head, ...shuffle([...Array(cin).keys()].filter((v) => !chosen.has(v))));
  }
  const out: number[] = [];
  for (let o = 0; o < cout; o++) out.push(...stream.slice(o * fanIn, (o + 1) * fanIn).sort((x, y) => x - y));
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
