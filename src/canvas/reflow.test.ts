import { describe, expect, it } from 'vitest';
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
