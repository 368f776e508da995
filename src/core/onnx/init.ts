/**
 * Deterministic weights: each tensor's values come from a PRNG seeded by the design's seed and the
 * tensor's name, so a tensor keeps its values when unrelated layers change, and the same design
 * and seed give a byte-identical file. Only integer ops, multiplication and sqrt are used, all
 * exactly specified in IEEE arithmetic, so every JavaScript engine gives the same bytes.
 */

/** FNV-1a over the seed and the name: a 32-bit stream seed. */
function hashSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for initialisation. */
function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * He (Kaiming) uniform initialisation, as PyTorch's kaiming_uniform_ with gain √2:
 * U(−b, b) with b = √(6 / fanIn), so the variance is 2 / fanIn.
 */
export function heUniform(seed: number, name: string, count: number, fanIn: number): Float32Array {
  const out = new Float32Array(count);
  const bound = Math.sqrt(6 / Math.max(1, fanIn));
  const next = mulberry32(hashSeed(seed, name));
  for (let i = 0; i < count; i++) out[i] = (2 * next() - 1) * bound;
  return out;
}

export const filled = (count: number, value: number): Float32Array => new Float32Array(count).fill(value);

/**
 * A seeded choice of exactly `keep` of `count` positions (a partial Fisher–Yates shuffle), as a
 * 0/1 mask: the sparsity pattern of a sparse layer's weight, stable for a given seed and name.
 */
export function seededMask(seed: number, name: string, count: number, keep: number): Uint8Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const next = mulberry32(hashSeed(seed, `${name}#mask`));
  const k = Math.min(count, Math.max(0, keep));
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (count - i));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  const mask = new Uint8Array(count);
  for (let i = 0; i < k; i++) mask[order[i] ?? 0] = 1;
  return mask;
}

/**
 * A seeded assignment of `count` items (channels, filters) to `groups` groups with none empty
 * (count ≥ groups): a seeded shuffle gives its first `groups` items one group each, in order, and
 * every other item draws its group uniformly, as a learned assignment might start. Stable for a
 * given seed and name.
 */
export function seededGroups(seed: number, name: string, count: number, groups: number): number[] {
  const next = mulberry32(hashSeed(seed, `${name}#groups`));
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i < Math.min(groups, count); i++) {
    const j = i + Math.floor(next() * (count - i));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  const out = new Array<number>(count).fill(0);
  order.forEach((item, i) => {
    out[item] = i < groups ? i : Math.min(groups - 1, Math.floor(next() * groups));
  });
  return out;
}
