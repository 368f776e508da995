import type { FolderSample } from './image-folder';

/**
 * A validation split for data that comes without one (an image folder): a seeded, stratified share of
 * each class held out, so every class is measured and the split is the same for the same seed. A class
 * with a single image keeps it for training.
 */
export function holdOut(
  samples: readonly FolderSample[],
  share: number,
  seed: number,
): { train: FolderSample[]; eval: FolderSample[] } {
  const byLabel = new Map<number, FolderSample[]>();
  for (const s of samples) byLabel.set(s.label, [...(byLabel.get(s.label) ?? []), s]);
  const random = mulberry32(seed);
  const train: FolderSample[] = [];
  const held: FolderSample[] = [];
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const list = shuffled(byLabel.get(label) ?? [], random);
    const n = list.length < 2 ? 0 : Math.min(list.length - 1, Math.max(1, Math.round(list.length * share)));
    held.push(...list.slice(0, n));
    train.push(...list.slice(n));
  }
  return { train, eval: held };
}

/** A small seeded generator (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
