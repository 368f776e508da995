import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reflow, REFLOW_GAP, type ReflowBox } from './reflow';

const card = (id: string, x: number, y: number, height = 66): ReflowBox => ({
  id,
  position: { x, y },
  width: 240,
  height,
  laidOut: 66,
});

describe('reflow', () => {
  it('moves nothing while every card has the height it was laid out with', () => {
    expect(reflow([card('a', 0, 0), card('b', 0, 94), card('c', 300, 10)]).size).toBe(0);
  });

  it('pushes the cards below a grown card down the column, each by what it needs', () => {
    // a grew by 24 (a run's time): b sat 28 below a's laid-out bottom, c 56 below b's.
    const moved = reflow([card('a', 0, 0, 90), card('b', 0, 94), card('c', 0, 216), card('d', 300, 94)]);
    // b keeps its 28 from a's new bottom: 90 + 28 = 118; c then needs 118 + 66 + 28 = 212, below 216: stays.
    expect(moved).toEqual(new Map([['b', { x: 0, y: 90 + Math.min(28, REFLOW_GAP) }]]));
  });

  it('passes a push on down a chain, and leaves cards placed overlapping by hand as they were', () => {
    const moved = reflow([card('a', 0, 0, 90), card('b', 0, 94, 90), card('c', 0, 188), card('x', 100, 20)]);
    const b = 90 + Math.min(28, REFLOW_GAP);
    expect(moved.get('b')).toEqual({ x: 0, y: b });
    expect(moved.get('c')).toEqual({ x: 0, y: b + 90 + Math.min(28, REFLOW_GAP) });
    // x overlapped a as placed: it is not pushed by a (nor by anything else above it).
    expect(moved.has('x')).toBe(false);
  });
});

describe('reflow, looking only at the cards that can push', () => {
  /** Every earlier card against every later one: the rule as written, in quadratic time. */
  function everyPair(boxes: readonly ReflowBox[]): Map<string, { x: number; y: number }> {
    const order = [...boxes].sort((a, b) => a.position.y - b.position.y);
    const top = new Map<string, number>();
    const moved = new Map<string, { x: number; y: number }>();
    order.forEach((n, i) => {
      let y = n.position.y;
      for (const m of order.slice(0, i)) {
        const sameColumn = m.position.x < n.position.x + n.width && n.position.x < m.position.x + m.width;
        const gap = n.position.y - (m.position.y + m.laidOut);
        if (!sameColumn || gap < 0) continue;
        y = Math.max(y, (top.get(m.id) ?? m.position.y) + m.height + Math.min(gap, REFLOW_GAP));
      }
      top.set(n.id, y);
      if (y !== n.position.y) moved.set(n.id, { x: n.position.x, y });
    });
    return moved;
  }

  it('moves the same cards to the same places as comparing every pair', () => {
    const box = fc.record({
      x: fc.integer({ min: 0, max: 3 }).map((c) => c * 300),
      y: fc.integer({ min: 0, max: 2000 }),
      grown: fc.integer({ min: -10, max: 80 }),
      wide: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 40 }), (raw) => {
        const boxes: ReflowBox[] = raw.map((b, i) => ({
          id: `n${String(i)}`,
          position: { x: b.x, y: b.y },
          width: b.wide ? 520 : 240,
          height: 66 + Math.max(0, b.grown),
          laidOut: 66,
        }));
        expect(reflow(boxes)).toEqual(everyPair(boxes));
      }),
      { numRuns: 300 },
    );
  });
});
