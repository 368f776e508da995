/** A small seeded generator (mulberry32): the same seed and case index give the same input. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** The generator of one case: a fixed function of the run's seed and the case's index. */
export const caseRng = (seed: number, index: number): Rng =>
  new Rng(Math.imul(seed ^ 0x9e3779b9, 31) + index * 0x85ebca6b);

/** Numbers that break code: zero, signs, powers of two at the edges of 31, 32 and 53 bits. */
export const interestingInts: readonly number[] = [
  0,
  1,
  -1,
  2,
  3,
  7,
  8,
  16,
  255,
  256,
  65_535,
  65_536,
  65_537,
  1_000_000,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  2 ** 40,
  2 ** 53 - 1,
  -(2 ** 53),
];

/** Names that break messages: empty, a terminal escape, a newline, quotes, a very long one. */
export const interestingNames: readonly string[] = [
  '',
  '\u001b[31mred\u001b[0m',
  'line\nbreak',
  'quote"back\\slash',
  '\u202eevil',
  'x'.repeat(5_000),
  'n'.repeat(200_000),
];
